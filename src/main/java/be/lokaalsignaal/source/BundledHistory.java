package be.lokaalsignaal.source;

import be.lokaalsignaal.avro.FeaturedMunicipality;
import be.lokaalsignaal.avro.LearningNetworkSession;
import be.lokaalsignaal.avro.NewsletterIssue;
import be.lokaalsignaal.avro.NewsletterItem;
import be.lokaalsignaal.register.Register;
import be.lokaalsignaal.source.learningnetwork.SessionReader;
import be.lokaalsignaal.source.learningnetwork.SessionResult;
import be.lokaalsignaal.source.newsletter.NewsletterReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The real history known from the parliamentary answers, bundled as sample data for a start
 * without sources. It is stored as input files and read by the same parsers as user input, so
 * the bundled data goes through the real code.
 */
public record BundledHistory(List<NewsletterIssue> issues, List<LearningNetworkSession> sessions) {

    public static final String SOURCE = "bundled";
    private static final String ROOT = "/history/";

    public BundledHistory {
        issues = List.copyOf(issues);
        sessions = List.copyOf(sessions);
    }

    public static BundledHistory load() {
        return load(Register.bundled());
    }

    /**
     * @throws IllegalStateException when a bundled file does not parse or names a municipality the
     *     register lacks: a packaging error, not bad user input
     */
    public static BundledHistory load(Register register) {
        return load(register, e -> {
            throw new IllegalStateException("Bundled history has errors: " + e);
        });
    }

    /**
     * Reads the history against a register given by the user (--municipalities), which may lack the
     * municipalities it names. The history is read against the bundled register it was written for;
     * then a session keeps the presenters the given register knows and an issue the featured
     * municipalities it knows, and each one left out is handed to {@code skipped}: a session is
     * never dropped as a whole because one of its presenters is missing.
     */
    public static BundledHistory load(Register register, java.util.function.Consumer<SourceError> skipped) {
        Register bundled = Register.bundled();
        NewsletterReader newsletters = new NewsletterReader(bundled);
        SessionReader sessionReader = new SessionReader(bundled);
        List<NewsletterIssue> issues = new ArrayList<>();
        List<LearningNetworkSession> sessions = new ArrayList<>();
        for (String name : resource("index.txt").lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
            String text = resource(name);
            if (name.endsWith(".html")) {
                try {
                    issues.add(keepKnown(newsletters.readHtml(text, SOURCE, null, NewsletterReader.Hints.NONE), register, "history/" + name, skipped));
                } catch (SourceException e) {
                    throw new IllegalStateException("Bundled history " + name + ": " + e.getMessage(), e);
                }
            } else if (name.endsWith(".yml") || name.endsWith(".yaml")) {
                SessionResult result = sessionReader.readYaml(text, "history/" + name);
                if (!result.errors().isEmpty()) {
                    throw new IllegalStateException("Bundled history " + name + ": " + result.errors());
                }
                result.sessions().forEach(s -> sessions.add(keepKnown(LearningNetworkSession.newBuilder(s).setSource(SOURCE).build(),
                        register, "history/" + name, skipped)));
            } else {
                throw new IllegalStateException("Bundled history: unknown kind of file " + name);
            }
        }
        return new BundledHistory(issues, sessions);
    }

    private static LearningNetworkSession keepKnown(LearningNetworkSession session, Register register, String file,
            java.util.function.Consumer<SourceError> skipped) {
        List<String> known = new ArrayList<>();
        for (String nis : session.getPresenters()) {
            if (register.byNis(nis).isPresent()) {
                known.add(nis);
            } else {
                skipped.accept(new SourceError(file + " (" + session.getDate() + ")", "presenter " + name(nis)
                        + " is not in the register; the session is kept with its other presenters"));
            }
        }
        return known.size() == session.getPresenters().size() ? session : LearningNetworkSession.newBuilder(session).setPresenters(known).build();
    }

    private static NewsletterIssue keepKnown(NewsletterIssue issue, Register register, String file,
            java.util.function.Consumer<SourceError> skipped) {
        List<NewsletterItem> items = new ArrayList<>();
        boolean changed = false;
        for (NewsletterItem item : issue.getItems()) {
            List<FeaturedMunicipality> known = new ArrayList<>();
            for (FeaturedMunicipality f : item.getFeatured()) {
                if (register.byNis(f.getNisCode()).isPresent()) {
                    known.add(f);
                } else {
                    skipped.accept(new SourceError(file, "featured municipality " + name(f.getNisCode())
                            + " is not in the register; the issue is kept without it"));
                }
            }
            changed |= known.size() != item.getFeatured().size();
            items.add(known.size() == item.getFeatured().size() ? item : NewsletterItem.newBuilder(item).setFeatured(known).build());
        }
        return changed ? NewsletterIssue.newBuilder(issue).setItems(items).build() : issue;
    }

    private static String name(String nis) {
        return Register.bundled().byNis(nis).map(m -> m.getName() + " (" + nis + ")").orElse(nis);
    }

    private static String resource(String name) {
        try (InputStream in = BundledHistory.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException("Bundled history file missing: " + ROOT + name);
            }
            return TextFiles.decodeUtf8(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SourceException e) {
            throw new IllegalStateException("Bundled history " + name + ": " + e.getMessage(), e);
        }
    }
}
