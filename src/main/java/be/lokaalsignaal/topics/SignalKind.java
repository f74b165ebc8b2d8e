package be.lokaalsignaal.topics;

import java.util.EnumSet;
import java.util.Set;

/** The kinds of uptake the system tracks for a municipality. */
public enum SignalKind {
    SITE_LINK(true),
    SITE_MENTION(true),
    CAMPAIGN(true),
    SAFETY_PLAN(true),
    NIGHTLIFE(true),
    NEWSLETTER_FEATURE(false),
    LEARNING_NETWORK(false);

    private final boolean fromWebsite;

    SignalKind(boolean fromWebsite) {
        this.fromWebsite = fromWebsite;
    }

    /** Website signals can be lost (a complete scan proves them gone); the others are events that stay. */
    public boolean fromWebsite() {
        return fromWebsite;
    }

    public static Set<SignalKind> websiteKinds() {
        EnumSet<SignalKind> kinds = EnumSet.noneOf(SignalKind.class);
        for (SignalKind k : values()) {
            if (k.fromWebsite) {
                kinds.add(k);
            }
        }
        return kinds;
    }

    /** Parses a kind name, case-insensitively; throws IllegalArgumentException naming the valid kinds. */
    public static SignalKind parse(String name) {
        for (SignalKind k : values()) {
            if (k.name().equalsIgnoreCase(name == null ? "" : name.trim())) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown signal kind '" + name + "'; expected one of " + java.util.Arrays.toString(values()));
    }
}
