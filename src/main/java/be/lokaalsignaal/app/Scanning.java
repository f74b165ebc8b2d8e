package be.lokaalsignaal.app;

import be.lokaalsignaal.metrics.AppMetrics;
import be.lokaalsignaal.metrics.ScanMetrics;
import be.lokaalsignaal.register.Register;
import be.lokaalsignaal.scan.CrawlConfig;
import be.lokaalsignaal.scan.CrawlerPool;
import be.lokaalsignaal.scan.ScanScheduler;
import be.lokaalsignaal.scan.ScanWorker;
import be.lokaalsignaal.scan.rules.CatalogueException;
import be.lokaalsignaal.scan.rules.Places;
import be.lokaalsignaal.scan.rules.SignalCatalogue;
import be.lokaalsignaal.topics.Publisher;
import be.lokaalsignaal.topics.TopicSerdes;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Consumer;

/** The website scanning of an instance: the scheduler and the crawler workers. */
final class Scanning {
    static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

    private Scanning() {}

    static SignalCatalogue loadCatalogue(Settings settings) {
        if (settings.signals() == null) {
            return SignalCatalogue.bundled();
        }
        try {
            return SignalCatalogue.load(settings.signals());
        } catch (CatalogueException e) {
            throw new UserError("--signals: " + e.getMessage(), e);
        }
    }

    static CrawlConfig crawlConfig(Settings settings) {
        return CrawlConfig.defaults()
                .withUserAgent(settings.userAgent())
                .withCrawlDelay(settings.crawlDelay())
                .withCrawlConcurrency(settings.crawlConcurrency())
                .withMaxPages(settings.maxPages())
                .withMaxBytes(settings.maxBytes())
                .withTimeout(settings.crawlTimeout())
                .withAllowPrivateHosts(settings.allowPrivateHosts())
                .withResolve(settings.resolve());
    }

    static ScanScheduler start(Settings settings, SignalCatalogue catalogue, Register register, String bootstrap, TopicSerdes serdes,
                      Publisher publisher, Consumer<Application.Part> started, AppMetrics metrics) {
        // the actor rules tell a campaign of the municipality from one of a municipality it names
        CrawlerPool pool = new CrawlerPool(crawlConfig(settings), catalogue.withPlaces(Places.of(register)));
        started.accept(new Application.Part("crawler pool", pool));
        ScanMetrics.bindCrawler(metrics.registry(), pool, CrawlerPool::pagesRead, CrawlerPool::bytesRead);
        ScanWorker worker = new ScanWorker(bootstrap, settings.applicationId() + "-crawlers",
                Application.instanceId(settings, "crawler"), serdes.config(), pool, publisher,
                settings.crawlConcurrency()).start();
        started.accept(new Application.Part("crawler worker", worker));
        Clock clock = Clock.system(BRUSSELS);
        ScanScheduler scheduler = new ScanScheduler(publisher, () -> register.inForceOn(LocalDate.now(clock)), clock);
        scheduler.start(settings.initialScan(), settings.scanInterval());
        started.accept(new Application.Part("scan scheduler", scheduler));
        return scheduler;
    }
}
