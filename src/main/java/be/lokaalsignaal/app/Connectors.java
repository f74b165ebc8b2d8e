package be.lokaalsignaal.app;

import be.lokaalsignaal.avro.LearningNetworkSession;
import be.lokaalsignaal.avro.Municipality;
import be.lokaalsignaal.avro.NewsletterIssue;
import be.lokaalsignaal.fetch.FetchConfig;
import be.lokaalsignaal.register.LoadProblem;
import be.lokaalsignaal.register.Register;
import be.lokaalsignaal.register.RegisterException;
import be.lokaalsignaal.register.RegisterLoad;
import be.lokaalsignaal.source.BundledHistory;
import be.lokaalsignaal.source.SourceError;
import be.lokaalsignaal.source.learningnetwork.SessionReader;
import be.lokaalsignaal.source.learningnetwork.SessionResult;
import be.lokaalsignaal.source.newsletter.FeedPoller;
import be.lokaalsignaal.source.newsletter.NewsletterArchive;
import be.lokaalsignaal.source.newsletter.NewsletterReader;
import be.lokaalsignaal.source.newsletter.NewsletterResult;
import be.lokaalsignaal.topics.Publisher;
import be.lokaalsignaal.topics.Topics;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The source connectors of an instance: the register, the newsletter archive and feed, and the
 * learning-network sessions (or the bundled history when none is given), published to their
 * topics. Bad input is logged once with its place and reason, published to source-errors, and
 * skipped; the rest goes on.
 */
final class Connectors implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Connectors.class);

    private final Publisher publisher;
    private final Clock clock;
    private final Consumer<String> errorCounter;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();
    private final Map<String, String> publishedHashes = new ConcurrentHashMap<>();
    private final ScheduledExecutorService feedTimer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "newsletter-feed");
        t.setDaemon(true);
        return t;
    });

    private volatile FeedPoller feedPoller;

    /** @param errorCounter told the connector of every source error reported */
    Connectors(Publisher publisher, Clock clock, Consumer<String> errorCounter) {
        this.publisher = publisher;
        this.clock = clock;
        this.errorCounter = errorCounter;
    }

    /** The bundled register, or the given file's; bad rows are reported and skipped. */
    static RegisterLoad loadRegister(Settings settings) {
        if (settings.municipalities() == null) {
            return new RegisterLoad(Register.bundled(), List.of());
        }
        try {
            return Register.load(settings.municipalities());
        } catch (RegisterException e) {
            throw new UserError("--municipalities: " + e.getMessage(), e);
        }
    }

    void publishRegister(RegisterLoad load) {
        for (LoadProblem problem : load.problems()) {
            report("register", new SourceError(problem.file() + ":" + problem.line(), problem.reason()));
        }
        for (Municipality m : load.register().all()) {
            publisher.publish(Topics.MUNICIPALITIES, m.getNisCode(), m);
        }
        publisher.flush();
        log.info("register: {} municipalities published ({} rows skipped)", load.register().all().size(), load.problems().size());
    }

    void publishSources(Settings settings, Register register) {
        if (settings.bundledHistory()) {
            // the history names real municipalities; a register of one's own may lack some of them
            BundledHistory history = settings.municipalities() == null ? BundledHistory.load(register)
                    : BundledHistory.load(register, e -> report("bundled history", e));
            history.issues().forEach(this::publishIssue);
            history.sessions().forEach(this::publishSession);
            log.info("no source given: published the bundled history ({} newsletter issues, {} learning-network sessions, reconstructed from the parliamentary answers)",
                    history.issues().size(), history.sessions().size());
        }
        NewsletterReader reader = new NewsletterReader(register);
        if (settings.newsletters() != null) {
            NewsletterResult result = new NewsletterArchive(reader).readDirectory(settings.newsletters());
            publishNewsletters("newsletter", result);
            log.info("newsletters: {} issues from {} ({} files skipped)", result.issues().size(), settings.newsletters(), result.errors().size());
        }
        if (settings.sessions() != null) {
            SessionResult result = new SessionReader(register).read(settings.sessions());
            result.errors().forEach(e -> report("learning-network", e));
            result.sessions().forEach(this::publishSession);
            log.info("learning-network sessions: {} from {} ({} entries skipped)", result.sessions().size(), settings.sessions(), result.errors().size());
        }
        if (settings.newsletterFeed() != null) {
            // the feed is fetched under the crawler's rules: address guard, timeout, byte limit, user agent
            FeedPoller poller = new FeedPoller(reader, new FetchConfig(settings.userAgent(), settings.crawlTimeout(),
                    settings.allowPrivateHosts(), settings.resolve(), 4), settings.maxBytes());
            this.feedPoller = poller;
            URI feed = URI.create(settings.newsletterFeed());
            feedTimer.scheduleWithFixedDelay(() -> {
                try {
                    publishNewsletters("newsletter-feed", poller.poll(feed));
                } catch (RuntimeException e) {
                    report("newsletter-feed", new SourceError(feed.toString(), e.toString()));
                }
            }, 0, settings.feedInterval().toMillis(), TimeUnit.MILLISECONDS);
        }
        publisher.flush();
    }

    private void publishNewsletters(String connector, NewsletterResult result) {
        result.errors().forEach(e -> report(connector, e));
        result.issues().forEach(this::publishIssue);
        publisher.flush();
    }

    private void publishIssue(NewsletterIssue issue) {
        // a feed re-delivers every issue each hour; only a new or edited issue is published again
        if (!issue.getContentHash().equals(publishedHashes.put("issue/" + issue.getIssueId(), issue.getContentHash()))) {
            publisher.publish(Topics.NEWSLETTER_ISSUES, issue.getIssueId(), issue, issue.getDate().atStartOfDay().toInstant(ZoneOffset.UTC));
        }
    }

    private void publishSession(LearningNetworkSession session) {
        publisher.publish(Topics.LEARNING_NETWORK_SESSIONS, session.getSessionId(), session, session.getDate().atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    private void report(String connector, SourceError error) {
        if (!reported.add(connector + '\n' + error.source() + '\n' + error.reason())) {
            return;
        }
        log.warn("{}: skipped {}", connector, error);
        errorCounter.accept(connector);
        Instant now = clock.instant();
        publisher.publish(Topics.SOURCE_ERRORS, error.source(), new be.lokaalsignaal.avro.SourceError(error.source(), connector, error.reason(), now), now);
    }

    @Override
    public void close() {
        feedTimer.shutdownNow();
        FeedPoller poller = feedPoller;
        if (poller != null) {
            poller.close();
        }
    }
}
