package be.lokaalsignaal.topology;

import be.lokaalsignaal.avro.FeaturedMunicipality;
import be.lokaalsignaal.avro.LearningNetworkSession;
import be.lokaalsignaal.avro.NewsletterIssue;
import be.lokaalsignaal.avro.NewsletterItem;
import be.lokaalsignaal.avro.Signal;
import be.lokaalsignaal.topics.SignalKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one newsletter issue or learning-network session contributes: per NIS code its feature or
 * presentation, and the calls it makes. Kept per source id so that a replaced source is compared
 * with exactly what it contributed before.
 */
final class SourceDigest {
    Map<String, OwnState.Contribution> contributions = new TreeMap<>();
    Map<String, CallInfo> calls = new TreeMap<>();

    /** One newsletter item that calls municipalities to act. */
    static final class CallInfo {
        String callId;
        String issueId;
        int date;
        String title;
        String snippet;
        String url;
    }

    static String snippet(String text) {
        if (text == null) {
            return null;
        }
        return text.length() <= 300 ? text : text.substring(0, 300);
    }

    static SourceDigest of(NewsletterIssue issue) {
        SourceDigest d = new SourceDigest();
        if (issue == null) {
            return d;
        }
        int date = (int) issue.getDate().toEpochDay();
        List<NewsletterItem> items = issue.getItems();
        for (int i = 0; i < items.size(); i++) {
            NewsletterItem item = items.get(i);
            String url = item.getLinks().isEmpty() ? null : item.getLinks().get(0);
            if (item.getCall()) {
                CallInfo call = new CallInfo();
                call.callId = issue.getIssueId() + "#" + i;
                call.issueId = issue.getIssueId();
                call.date = date;
                call.title = item.getHeading();
                call.snippet = snippet(item.getCallSnippet());
                call.url = url;
                d.calls.put(call.callId, call);
            }
            for (FeaturedMunicipality f : item.getFeatured()) {
                OwnState.Contribution c = d.contributions.computeIfAbsent(f.getNisCode(), nis -> contribution(
                        SignalKind.NEWSLETTER_FEATURE, issue.getIssueId(), date, issue.getTitle()));
                c.evidence.add(new KeptEvidence(url, UptakeMath.startOf(issue.getDate()).toEpochMilli(), snippet(f.getSnippet()), "NEWSLETTER"));
            }
        }
        return d;
    }

    static SourceDigest of(LearningNetworkSession session) {
        SourceDigest d = new SourceDigest();
        if (session == null) {
            return d;
        }
        int date = (int) session.getDate().toEpochDay();
        String url = session.getLinks().isEmpty() ? null : session.getLinks().get(0);
        String text = session.getPractices().isEmpty() ? session.getTitle() : String.join("; ", session.getPractices());
        for (String nis : session.getPresenters()) {
            OwnState.Contribution c = d.contributions.computeIfAbsent(nis, n -> contribution(
                    SignalKind.LEARNING_NETWORK, session.getSessionId(), date, session.getTitle()));
            if (c.evidence.isEmpty()) {
                c.evidence.add(new KeptEvidence(url, UptakeMath.startOf(session.getDate()).toEpochMilli(), snippet(text), "LEARNING_NETWORK"));
            }
        }
        return d;
    }

    private static OwnState.Contribution contribution(SignalKind kind, String sourceId, int date, String title) {
        OwnState.Contribution c = new OwnState.Contribution();
        c.kind = kind.name();
        c.sourceId = sourceId;
        c.date = date;
        c.title = title;
        c.evidence = new ArrayList<>();
        return c;
    }

    static List<Signal> signals(String nis, OwnState.Contribution c) {
        List<Signal> out = new ArrayList<>();
        String source = SignalKind.NEWSLETTER_FEATURE.name().equals(c.kind) ? "NEWSLETTER" : "LEARNING_NETWORK";
        for (KeptEvidence e : c.evidence) {
            out.add(new Signal(nis, c.kind, source, UptakeMath.startOf(LocalDate.ofEpochDay(c.date)), e.url, e.snippet, c.sourceId, c.title));
        }
        return out;
    }

    static Signal signal(CallInfo call) {
        return new Signal(null, "CALL", "NEWSLETTER", UptakeMath.startOf(LocalDate.ofEpochDay(call.date)), call.url,
                call.snippet, call.issueId, call.title);
    }
}
