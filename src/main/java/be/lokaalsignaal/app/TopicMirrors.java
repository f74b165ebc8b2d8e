package be.lokaalsignaal.app;

import be.lokaalsignaal.avro.LearningNetworkSession;
import be.lokaalsignaal.avro.NewsletterIssue;
import be.lokaalsignaal.scan.ScanProgressTracker;
import be.lokaalsignaal.serve.ScanProgress;
import be.lokaalsignaal.topics.TopicMirror;
import be.lokaalsignaal.topics.Topics;
import java.util.List;
import java.util.Map;

/**
 * What every instance reads in full, outside the topology: the newsletter issues and sessions
 * (timeline markers, practice channels) and the progress of the latest scan round.
 */
final class TopicMirrors implements AutoCloseable {
    private volatile TopicMirror<NewsletterIssue> issues;
    private volatile TopicMirror<LearningNetworkSession> sessions;
    private volatile ScanProgressTracker scans;

    void start(String bootstrap, Map<String, ?> serdeConfig) {
        issues = new TopicMirror<>(Topics.NEWSLETTER_ISSUES, bootstrap, serdeConfig).start();
        sessions = new TopicMirror<>(Topics.LEARNING_NETWORK_SESSIONS, bootstrap, serdeConfig).start();
        scans = new ScanProgressTracker(bootstrap, serdeConfig).start();
    }

    List<NewsletterIssue> issues() {
        return issues == null ? List.of() : issues.values();
    }

    List<LearningNetworkSession> sessions() {
        return sessions == null ? List.of() : sessions.values();
    }

    ScanProgress scanProgress() {
        if (scans == null) {
            return ScanProgress.none();
        }
        ScanProgressTracker.Snapshot s = scans.snapshot();
        if ("NONE".equals(s.status())) {
            return ScanProgress.none();
        }
        return new ScanProgress(s.scanId(), ScanProgress.Status.valueOf(s.status()), s.startedAt(), s.completedAt(), s.total(), s.done(),
                s.failed(), s.withoutWebsite(), s.pages(), s.failuresByReason(),
                s.municipalities().stream().map(m -> new ScanProgress.MunicipalityScan(m.nisCode(), m.name(), m.website(), m.status(),
                        m.reason(), m.message(), m.pages())).toList());
    }

    @Override
    public void close() {
        for (AutoCloseable c : new AutoCloseable[] {scans, sessions, issues}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // closing a reader cannot lose data
            }
        }
    }
}
