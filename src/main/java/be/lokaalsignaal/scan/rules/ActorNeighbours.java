package be.lokaalsignaal.scan.rules;

import java.util.Arrays;
import java.util.Set;

/**
 * How the actor hits of one page stand beside each other (signals.yml, actors): a partner right after a partner
 * phrase, names listed with the municipality's own or joined to it by "en", a name that is part of a longer one.
 * Each answer is a mask over a list of hits, for {@link HitFilter}; {@link PageActors} decides with them who acts.
 */
final class ActorNeighbours {

    /** Words between a partner phrase and the actor it makes a partner: "met de steun van [het] jeugdhuis". */
    private static final int PARTNER_REACH = 3;
    /** Words between two partners in a row: "samen met Sensoa en Plan International". */
    private static final int PARTNER_CHAIN = 2;

    /** The most words an actor or partner phrase has: how far back a phrase ending at a word can start. */
    private final int longest;
    /** The other municipalities' names. */
    private final Set<Phrase> others;

    ActorNeighbours(int longest, Set<Phrase> others) {
        this.longest = longest;
        this.others = others;
    }

    /**
     * The municipality's name right after another actor or a name part is part of another name: "serviceclub Zonta
     * Halle", "Infoblad Torhout".
     */
    boolean[] partOfName(Hits own, Hits... before) {
        boolean[] out = new boolean[own.size()];
        for (int k = 0; k < own.size(); k++) {
            for (Hits b : before) {
                for (int m = Hits.lowerBound(b.start, b.size(), own.start[k] - longest);
                     m < b.size() && b.start[m] < own.start[k]; m++) {
                    out[k] |= b.end[m] == own.start[k];
                }
            }
        }
        return out;
    }

    /**
     * Names listed right after a name that is a place or part of another name are so too: "jongeren uit Merelbeke, Melle
     * en de andere deelgemeenten" (a comma is no word; "en" stands between the last two).
     */
    static boolean[] listedAfter(boolean[] dropped, Hits own, Hits together) {
        for (int k = 1; k < own.size(); k++) {
            // the name before may be any dropped hit that ends here ("Merelbeke, Melle" is also the double name); no
            // name of the register is longer than a few words, so eight words back reach every one that can
            for (int m = k - 1; m >= 0 && !dropped[k] && own.start[m] >= own.start[k] - 8; m--) {
                int gap = own.start[k] - own.end[m];
                dropped[k] = dropped[m] && (gap == 0 || gap == 1 && together.first(own.end[m], own.start[k]) >= 0);
            }
        }
        return dropped;
    }

    /**
     * Which hits of x are other municipalities' names listed with the municipality's own ("in Avelgem, Spiere-Helkijn en
     * Zwevegem", the municipalities of one police zone): each right after or before the own name or a name listed with
     * it, or joined to one by a together phrase. They share what the page says; they do not act instead of it.
     */
    boolean[] listedWithOwn(Hits x, Hits o, Hits joiner) {
        boolean[] out = new boolean[x.size()];
        if (x.isEmpty() || o.isEmpty()) {
            return out;
        }
        for (int k = 0; k < x.size(); k++) {
            int from = x.start[k];
            int j = endingAt(joiner, from);
            from = j >= 0 ? joiner.start[j] : from;
            out[k] = others.contains(x.phrase[k]) && (endingAt(o, from) >= 0 || listedEndingAt(x, out, from));
        }
        for (int k = x.size() - 1; k >= 0; k--) {
            int to = x.end[k];
            int j = startingAt(joiner, to);
            to = j >= 0 ? joiner.end[j] : to;
            out[k] |= others.contains(x.phrase[k]) && (startingAt(o, to) >= 0 || listedStartingAt(x, out, to));
        }
        return out;
    }

    private boolean listedEndingAt(Hits x, boolean[] listed, int word) {
        // only hits that start within the longest actor before the word can end at it, as in endingAt
        for (int m = Hits.lowerBound(x.start, x.size(), word - longest); m < x.size() && x.start[m] < word; m++) {
            if (listed[m] && x.end[m] == word) {
                return true;
            }
        }
        return false;
    }

    private static boolean listedStartingAt(Hits x, boolean[] listed, int word) {
        int m = startingAt(x, word);
        return m >= 0 && listed[m];
    }

    /** Which hits of h stand joined to a hit of the municipality's by a together phrase ("en"), either side. */
    boolean[] together(Hits h, Hits joiner, Hits... municipal) {
        boolean[] out = new boolean[h.size()];
        if (joiner.isEmpty()) {
            return out;
        }
        for (int k = 0; k < h.size(); k++) {
            for (Hits m : municipal) {
                // "de stad en Sensoa": a joiner right after h's hit... or right before it, each with m's hit beyond
                int after = startingAt(joiner, h.end[k]);
                int before = endingAt(joiner, h.start[k]);
                out[k] |= after >= 0 && startingAt(m, joiner.end[after]) >= 0
                        || before >= 0 && endingAt(m, joiner.start[before]) >= 0;
            }
        }
        return out;
    }

    /** A hit that starts at the word, or -1. */
    private static int startingAt(Hits h, int word) {
        int j = Hits.lowerBound(h.start, h.size(), word);
        return j < h.size() && h.start[j] == word ? j : -1;
    }

    /** A hit that ends at the word (exclusive), or -1. */
    private int endingAt(Hits h, int word) {
        for (int j = Hits.lowerBound(h.start, h.size(), word - longest); j < h.size() && h.start[j] < word; j++) {
            if (h.end[j] == word) {
                return j;
            }
        }
        return -1;
    }

    static boolean[] or(boolean[] a, boolean[] b) {
        boolean[] out = new boolean[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] || b[i];
        }
        return out;
    }

    /** Which hits of own, outside and local are partners: right after a partner phrase, or after such a partner. */
    boolean[][] partners(Hits markers, Hits... lists) {
        boolean[][] out = new boolean[lists.length][];
        for (int i = 0; i < lists.length; i++) {
            out[i] = new boolean[lists[i].size()];
        }
        if (markers.isEmpty()) {
            return out;
        }
        int total = 0;
        for (Hits h : lists) {
            total += h.size();
        }
        long[] order = new long[total];
        int n = 0;
        for (int i = 0; i < lists.length; i++) {
            for (int k = 0; k < lists[i].size(); k++) {
                order[n++] = (long) lists[i].start[k] << 32 | (long) i << 24 | k;
            }
        }
        Arrays.sort(order);
        int lastPartnerEnd = Integer.MIN_VALUE / 2;
        for (long key : order) {
            int i = (int) (key >>> 24) & 0xff;
            int k = (int) (key & 0xffffff);
            int s = lists[i].start[k];
            boolean isPartner = s - lastPartnerEnd <= PARTNER_CHAIN && s >= lastPartnerEnd;
            if (!isPartner) {
                int m = markerBefore(markers, s);
                isPartner = m >= 0;
            }
            if (isPartner) {
                out[i][k] = true;
                lastPartnerEnd = Math.max(lastPartnerEnd, lists[i].end[k]);
            }
        }
        return out;
    }

    private int markerBefore(Hits markers, int s) {
        for (int m = Hits.lowerBound(markers.start, markers.size(), s - PARTNER_REACH - longest);
             m < markers.size() && markers.start[m] < s; m++) {
            if (markers.end[m] <= s && s - markers.end[m] <= PARTNER_REACH) {
                return m;
            }
        }
        return -1;
    }
}
