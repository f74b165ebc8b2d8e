package be.lokaalsignaal.source;

import be.lokaalsignaal.avro.LearningNetworkSession;
import be.lokaalsignaal.avro.NewsletterIssue;
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

    /** @throws IllegalStateException when a bundled file does not parse: a packaging error, not bad user input */
    public static BundledHistory load(Register register) {
        return load(register, e -> {
            throw new IllegalStateException("Bundled history has errors: " + e);
        });
    }

    /**
     * Reads the history against a register given by the user (--municipalities), which may lack the
     * municipalities it names: such entries are handed to {@code skipped} instead of failing the load.
     */
    public static BundledHistory load(Register register, java.util.function.Consumer<SourceError> skipped) {
        NewsletterReader newsletters = new NewsletterReader(register);
        SessionReader sessionReader = new SessionReader(register);
        List<NewsletterIssue> issues = new ArrayList<>();
        List<LearningNetworkSession> sessions = new ArrayList<>();
        for (String name : resource("index.txt").lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
            String text = resource(name);
            if (name.endsWith(".html")) {
                try {
                    issues.add(newsletters.readHtml(text, SOURCE, null, NewsletterReader.Hints.NONE));
                } catch (SourceException e) {
                    throw new IllegalStateException("Bundled history " + name + ": " + e.getMessage(), e);
                }
            } else if (name.endsWith(".yml") || name.endsWith(".yaml")) {
                SessionResult result = sessionReader.readYaml(text, "history/" + name);
                result.errors().forEach(skipped);
                result.sessions().forEach(s -> sessions.add(LearningNetworkSession.newBuilder(s).setSource(SOURCE).build()));
            } else {
                throw new IllegalStateException("Bundled history: unknown kind of file " + name);
            }
        }
        return new BundledHistory(issues, sessions);
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
