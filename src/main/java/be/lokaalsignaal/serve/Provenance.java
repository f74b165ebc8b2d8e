package be.lokaalsignaal.serve;

import be.lokaalsignaal.avro.Evidence;
import be.lokaalsignaal.avro.FeaturedMunicipality;
import be.lokaalsignaal.avro.LearningNetworkSession;
import be.lokaalsignaal.avro.MunicipalityUptake;
import be.lokaalsignaal.avro.NewsletterIssue;
import be.lokaalsignaal.avro.NewsletterItem;
import be.lokaalsignaal.avro.SourceRef;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where each piece of evidence came from: the web page, or the newsletter issue or
 * learning-network session (id, title, date, its URL when known) and how that source was made
 * (e.g. "reconstructed from the parliamentary answers"). A record's evidence says only its channel
 * and date; the issue or session is found among the ones that featured the municipality
 * ({@code featuredIn}, {@code presentedAt}) on that date, and looked up in the known sources for
 * its URL and provenance.
 */
final class Provenance {
    static final String WEBSITE = "WEBSITE";
    static final String NEWSLETTER_ISSUE = "NEWSLETTER_ISSUE";
    static final String LEARNING_NETWORK_SESSION = "LEARNING_NETWORK_SESSION";
    private static final int SNIPPET = 300;

    private final Map<String, NewsletterIssue> issues = new HashMap<>();
    private final Map<String, LearningNetworkSession> sessions = new HashMap<>();

    Provenance(List<NewsletterIssue> issues, List<LearningNetworkSession> sessions) {
        issues.forEach(i -> this.issues.put(i.getIssueId(), i));
        sessions.forEach(s -> this.sessions.put(s.getSessionId(), s));
    }

    static Provenance none() {
        return new Provenance(List.of(), List.of());
    }

    /** The origin of one evidence item of the municipality: {kind, id, title, date, url, provenance}. */
    Map<String, Object> origin(MunicipalityUptake m, Evidence e) {
        LocalDate day = LocalDate.ofInstant(e.getSeenAt(), ZoneOffset.UTC);
        switch (Objects.toString(e.getSource(), "")) {
            case "NEWSLETTER": {
                SourceRef ref = match(m.getFeaturedIn(), day, id -> featuresSnippet(issues.get(id), e.getSnippet()));
                return ref == null ? origin(NEWSLETTER_ISSUE, null, null, day, null, null) : issue(ref);
            }
            case "LEARNING_NETWORK": {
                SourceRef ref = match(m.getPresentedAt(), day, id -> sessionSnippet(sessions.get(id), e.getSnippet()));
                return ref == null ? origin(LEARNING_NETWORK_SESSION, null, null, day, null, null) : session(ref);
            }
            default:
                return origin(WEBSITE, null, null, null, e.getUrl(), null);
        }
    }

    /** A newsletter issue that featured the municipality, with its URL and provenance when known. */
    Map<String, Object> issue(SourceRef ref) {
        NewsletterIssue issue = issues.get(ref.getId());
        return origin(NEWSLETTER_ISSUE, ref.getId(), ref.getTitle(), ref.getDate(),
                issue == null ? null : httpUrl(issue.getSource()), issue == null ? null : issue.getProvenance());
    }

    /** A learning-network session where the municipality presented, with its first link and provenance. */
    Map<String, Object> session(SourceRef ref) {
        LearningNetworkSession session = sessions.get(ref.getId());
        String url = session == null || session.getLinks().isEmpty() ? null : httpUrl(session.getLinks().get(0));
        return origin(LEARNING_NETWORK_SESSION, ref.getId(), ref.getTitle(), ref.getDate(), url,
                session == null ? null : session.getProvenance());
    }

    /**
     * One line for a table cell: "website https://…", "newsletter issue 2020-03-04 '…' https://…
     * (reconstructed from the parliamentary answers)".
     */
    static String describe(Map<String, Object> origin) {
        if (origin == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        String kind = String.valueOf(origin.get("kind"));
        out.append(switch (kind) {
            case NEWSLETTER_ISSUE -> "newsletter issue";
            case LEARNING_NETWORK_SESSION -> "learning-network session";
            default -> "website";
        });
        if (origin.get("date") != null) {
            out.append(' ').append(origin.get("date"));
        }
        if (origin.get("title") != null) {
            out.append(" '").append(origin.get("title")).append('\'');
        }
        if (origin.get("url") != null) {
            out.append(' ').append(origin.get("url"));
        }
        if (origin.get("provenance") != null) {
            out.append(" (").append(origin.get("provenance")).append(')');
        }
        return out.toString();
    }

    private interface Matches {
        boolean test(String id);
    }

    /** The source of that date that carries the snippet; the first by id when none or several do. */
    private static SourceRef match(List<SourceRef> refs, LocalDate day, Matches snippet) {
        List<SourceRef> sameDay = Views.nullToEmpty(refs).stream().filter(r -> r.getDate().equals(day))
                .sorted(Comparator.comparing(SourceRef::getId)).toList();
        if (sameDay.size() > 1) {
            for (SourceRef r : sameDay) {
                if (snippet.test(r.getId())) {
                    return r;
                }
            }
        }
        return sameDay.isEmpty() ? null : sameDay.get(0);
    }

    private static boolean featuresSnippet(NewsletterIssue issue, String snippet) {
        if (issue == null || snippet == null) {
            return false;
        }
        for (NewsletterItem item : issue.getItems()) {
            for (FeaturedMunicipality f : item.getFeatured()) {
                if (snippet.equals(cut(f.getSnippet()))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean sessionSnippet(LearningNetworkSession session, String snippet) {
        if (session == null || snippet == null) {
            return false;
        }
        String text = session.getPractices().isEmpty() ? session.getTitle() : String.join("; ", session.getPractices());
        return snippet.equals(cut(text));
    }

    private static String cut(String text) {
        return text == null || text.length() <= SNIPPET ? text : text.substring(0, SNIPPET);
    }

    /** A source given as a web address; a file path or "bundled" is no URL to hand out. */
    private static String httpUrl(String source) {
        return source != null && (source.startsWith("http://") || source.startsWith("https://")) ? source : null;
    }

    private static Map<String, Object> origin(String kind, String id, String title, LocalDate date, String url, String provenance) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kind", kind);
        out.put("id", id);
        out.put("title", title);
        out.put("date", date);
        out.put("url", url);
        out.put("provenance", provenance);
        return out;
    }
}
