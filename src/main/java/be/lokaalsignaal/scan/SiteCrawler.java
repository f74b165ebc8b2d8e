package be.lokaalsignaal.scan;

import be.lokaalsignaal.avro.ScanRequest;
import be.lokaalsignaal.avro.WebsiteScan;
import be.lokaalsignaal.scan.extract.Link;
import be.lokaalsignaal.fetch.FetchException;
import be.lokaalsignaal.fetch.FetchResponse;
import be.lokaalsignaal.fetch.Fetcher;
import be.lokaalsignaal.scan.fetch.HostThrottle;
import be.lokaalsignaal.scan.rules.SignalCatalogue;
import be.lokaalsignaal.scan.url.Frontier;
import be.lokaalsignaal.scan.url.SiteScope;
import be.lokaalsignaal.scan.url.Urls;
import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import java.io.IOException;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Crawls one municipal website per call: robots.txt, sitemaps, then breadth-first over its HTML links,
 * reporting every page read and the scan's lifecycle to a {@link ScanListener}. Thread-safe: one instance
 * serves all crawls of a {@link CrawlerPool}, sharing connections and per-host politeness.
 */
public final class SiteCrawler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SiteCrawler.class);
    private static final long MAX_ROBOTS_BYTES = 512 * 1024;
    private static final Duration MAX_ROBOTS_DELAY = Duration.ofSeconds(60);
    private static final int MAX_SITEMAP_FILES = 50;
    /** Files never worth a request: the crawler reads HTML and PDF only. */
    private static final Pattern NOT_A_DOCUMENT = Pattern.compile(
            "(?i)\\.(jpe?g|png|gif|webp|svg|ico|bmp|tiff?|mp[34]|m4a|avi|mov|wmv|webm|ogg|wav|zip|rar|7z|gz|tgz|"
                    + "exe|msi|dmg|iso|docx?|xlsx?|pptx?|odt|ods|odp|csv|ics|vcf|css|js|json|woff2?|ttf|eot)$");

    private final CrawlConfig config;
    private final SignalCatalogue catalogue;
    private final PageAnalyzer analyzer;
    private final Fetcher fetcher;
    private final HostThrottle throttle = new HostThrottle();

    public SiteCrawler(CrawlConfig config, SignalCatalogue catalogue) {
        this.config = config;
        this.catalogue = catalogue;
        this.analyzer = new PageAnalyzer(catalogue);
        this.fetcher = new Fetcher(config.fetchConfig());
    }

    public CrawlConfig config() {
        return config;
    }

    /** Response body bytes read by every crawl so far. */
    public long bytesRead() {
        return fetcher.bytesRead();
    }

    public SignalCatalogue catalogue() {
        return catalogue;
    }

    /**
     * Crawls the site of one request. Emits STARTED, the pages, then COMPLETED or FAILED, and returns the
     * final lifecycle record. Never throws for what a site does; an exception from the listener fails the
     * scan with reason ERROR.
     */
    public WebsiteScan crawl(ScanRequest request, ScanListener listener) {
        Instant startedAt = Instant.now();
        String startUrl = request.getStartUrl();
        WebsiteScan.Builder scan = WebsiteScan.newBuilder()
                .setScanId(request.getScanId())
                .setNisCode(request.getNisCode())
                .setStartUrl(startUrl)
                .setStartedAt(startedAt)
                .setStatus("STARTED");
        listener.scan(scan.build());
        Crawl crawl = new Crawl(request, listener);
        try {
            crawl.run();
            scan.setStatus("COMPLETED");
        } catch (ScanFailure f) {
            scan.setStatus("FAILED").setReason(f.reason).setMessage(f.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            scan.setStatus("FAILED").setReason("INTERRUPTED").setMessage("crawl interrupted");
        } catch (RuntimeException e) {
            LOG.warn("Scan of {} ({}) failed unexpectedly", request.getName(), startUrl, e);
            scan.setStatus("FAILED").setReason("ERROR").setMessage(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        scan.setCompletedAt(Instant.now())
                .setPagesFetched(crawl.fetched)
                .setPagesFailed(crawl.failed)
                .setPagesSkipped(crawl.skipped + crawl.frontier.skipped() + crawl.frontier.queued());
        WebsiteScan done = scan.build();
        LOG.info("Scan of {} ({}) {}{}: {} pages, {} failed, {} skipped", request.getName(), startUrl,
                done.getStatus(), done.getReason() == null ? "" : " " + done.getReason(), done.getPagesFetched(),
                done.getPagesFailed(), done.getPagesSkipped());
        listener.scan(done);
        return done;
    }

    @Override
    public void close() {
        try {
            fetcher.close();
        } catch (IOException e) {
            LOG.debug("Closing the HTTP client failed", e);
        }
    }

    /** Normalises a website URL from the register: "www.gemeente.be" means https://www.gemeente.be/. */
    static String normaliseStartUrl(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String s = raw.strip();
        if (!s.contains("://")) {
            s = "https://" + s;
        }
        return Urls.normalise(s).orElse(null);
    }

    private static final class ScanFailure extends Exception {
        final String reason;

        ScanFailure(String reason, String message) {
            super(message);
            this.reason = reason;
        }
    }

    /** The outcome of one URL after following its redirects. */
    private sealed interface Hop permits Page, Failed, Skipped {
    }

    private record Page(String finalUrl, FetchResponse response) implements Hop {
    }

    private record Failed(String why, boolean connectFailure) implements Hop {
    }

    private record Skipped(String why) implements Hop {
    }

    /** The state of one site crawl. */
    private final class Crawl {
        final ScanRequest request;
        final ScanListener listener;
        final Frontier frontier = new Frontier(config.maxQueryVariants(), config.maxDatePatternUrls());
        final Map<String, BaseRobotRules> robots = new HashMap<>();
        SiteScope scope;
        String startHost;
        int fetched;
        int failed;
        int skipped;

        Crawl(ScanRequest request, ScanListener listener) {
            this.request = request;
            this.listener = listener;
        }

        void run() throws ScanFailure, InterruptedException {
            String start = normaliseStartUrl(request.getStartUrl());
            if (start == null) {
                throw new ScanFailure("NO_WEBSITE", "not an http(s) website URL: '" + request.getStartUrl() + "'");
            }
            startHost = Urls.host(start);
            scope = new SiteScope(startHost);
            BaseRobotRules startRules = robotsForStartHost(start);
            if (!startRules.isAllowed(start)) {
                throw new ScanFailure("ROBOTS_DISALLOWED", "robots.txt of " + startHost + " disallows " + start
                        + " for " + config.robotsAgentName());
            }
            frontier.markSeen(start);
            Hop hop = follow(start, true);
            if (hop instanceof Skipped s) {
                throw new ScanFailure("ROBOTS_DISALLOWED", "start page: " + s.why());
            }
            if (hop instanceof Failed f) {
                failed++;
                throw new ScanFailure("UNREACHABLE", "start page " + start + ": " + f.why());
            }
            Page page = (Page) hop;
            if (!page.response().isSuccess()) {
                failed++;
                throw new ScanFailure("UNREACHABLE", "start page " + start + " answered HTTP "
                        + page.response().status());
            }
            if (!read(start, page)) {
                throw new ScanFailure("UNREACHABLE", "start page " + start + " is not an HTML page or PDF");
            }
            collectSitemaps(start, page.finalUrl());
            while (fetched + failed < config.maxPages()) {
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
                String url = frontier.next();
                if (url == null) {
                    break;
                }
                Hop h = follow(url, false);
                if (h instanceof Skipped s) {
                    skipped++;
                    LOG.debug("Skipped {}: {}", url, s.why());
                } else if (h instanceof Failed f) {
                    failed++;
                    LOG.debug("Failed {}: {}", url, f.why());
                } else {
                    Page p = (Page) h;
                    if (p.response().isSuccess()) {
                        read(url, p);
                    } else {
                        failed++;
                        LOG.debug("Failed {}: HTTP {}", url, p.response().status());
                    }
                }
            }
        }

        /** Analyses a fetched page, reports it and queues its on-site links; false if it was not readable. */
        boolean read(String url, Page page) {
            FetchResponse r = page.response();
            PageAnalyzer.Result result;
            try {
                result = analyzer.analyse(request.getScanId(), request.getNisCode(), url, page.finalUrl(),
                        Instant.now(), r.status(), r.contentType(), r.body(), r.length(), r.truncated(), scope);
            } catch (PageAnalyzer.UnsupportedContentException e) {
                failed++;
                LOG.debug("Not read {}: {}", url, e.getMessage());
                return false;
            } catch (RuntimeException e) {
                // a page that breaks a parser must not stop the crawl of the site
                failed++;
                LOG.debug("Could not analyse {}", url, e);
                return false;
            }
            fetched++;
            // numbered 1..pagesFetched: the topology counts a scan whole by its numbers, so a
            // re-delivered page is recognised without keeping its URL
            result.page().setPageNumber(fetched);
            // a page reached through a redirect is known under its final URL too
            frontier.markSeen(page.finalUrl());
            listener.page(result.page());
            for (Link link : result.content().links()) {
                offer(link.url());
            }
            return true;
        }

        void offer(String url) {
            if (!scope.containsUrl(url)) {
                frontier.skip(url);
                return;
            }
            String path = pathOf(url);
            if (NOT_A_DOCUMENT.matcher(path).find()) {
                frontier.skip(url);
                return;
            }
            // a redirect wrapper leads off-site: its target was counted on the page, the hop itself is waste
            for (String target : Urls.embeddedUrls(url)) {
                if (!scope.containsUrl(target)) {
                    frontier.skip(url);
                    return;
                }
            }
            frontier.offerLink(url);
        }

        /** Fetches a URL, following redirects that stay on the site; the start URL may move the site. */
        Hop follow(String url, boolean mayMoveSite) throws InterruptedException {
            String current = url;
            Set<String> visited = new HashSet<>();
            visited.add(current);
            for (int hop = 0; hop <= config.maxRedirects(); hop++) {
                String host = Urls.host(current);
                if (!scope.contains(host)) {
                    if (!mayMoveSite) {
                        return new Skipped("redirects off-site to " + current);
                    }
                    scope.add(host);
                }
                if (!rulesFor(current).isAllowed(current)) {
                    return new Skipped("disallowed by robots.txt: " + current);
                }
                FetchResponse r;
                try {
                    throttle.await(host, delayFor(host));
                    r = fetcher.get(current, config.maxBytes());
                } catch (FetchException e) {
                    return new Failed(e.getMessage(), e.isConnectFailure());
                }
                if (!r.isRedirect()) {
                    return new Page(current, r);
                }
                String next = Urls.resolve(current, r.location()).orElse(null);
                if (next == null) {
                    return new Failed("redirect to an unusable Location '" + r.location() + "'", false);
                }
                if (!visited.add(next)) {
                    return new Failed("redirect loop at " + next, false);
                }
                current = next;
            }
            return new Failed("more than " + config.maxRedirects() + " redirects", false);
        }

        Duration delayFor(String host) {
            BaseRobotRules rules = robots.get(Urls.bareHost(host));
            Duration delay = config.crawlDelay();
            if (rules != null && rules.getCrawlDelay() > 0) {
                Duration robotsDelay = Duration.ofMillis(rules.getCrawlDelay());
                if (robotsDelay.compareTo(MAX_ROBOTS_DELAY) > 0) {
                    robotsDelay = MAX_ROBOTS_DELAY;
                }
                if (robotsDelay.compareTo(delay) > 0) {
                    delay = robotsDelay;
                }
            }
            return delay;
        }

        BaseRobotRules robotsForStartHost(String start) throws ScanFailure, InterruptedException {
            String robotsUrl = origin(start) + "/robots.txt";
            FetchResponse r;
            try {
                r = fetchPlain(robotsUrl, MAX_ROBOTS_BYTES);
            } catch (FetchException e) {
                if (e.isConnectFailure()) {
                    throw new ScanFailure("UNREACHABLE", startHost + ": " + e.getMessage());
                }
                // no answer about robots.txt; the start page will show whether the site is there
                LOG.debug("robots.txt of {} not read: {}", startHost, e.getMessage());
                BaseRobotRules allowAll = new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL);
                robots.put(Urls.bareHost(startHost), allowAll);
                return allowAll;
            }
            if (r != null && r.status() >= 500) {
                throw new ScanFailure("UNREACHABLE", robotsUrl + " answered HTTP " + r.status()
                        + "; the site asks crawlers to come back later");
            }
            BaseRobotRules rules = parseRobots(robotsUrl, r);
            robots.put(Urls.bareHost(startHost), rules);
            return rules;
        }

        BaseRobotRules rulesFor(String url) throws InterruptedException {
            String host = Urls.host(url);
            String key = Urls.bareHost(host);
            BaseRobotRules rules = robots.get(key);
            if (rules == null) {
                String robotsUrl = origin(url) + "/robots.txt";
                try {
                    FetchResponse r = fetchPlain(robotsUrl, MAX_ROBOTS_BYTES);
                    rules = r != null && r.status() >= 500
                            ? new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_NONE)
                            : parseRobots(robotsUrl, r);
                } catch (FetchException e) {
                    rules = new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL);
                }
                robots.put(key, rules);
            }
            return rules;
        }

        BaseRobotRules parseRobots(String robotsUrl, FetchResponse r) {
            if (r == null || r.status() >= 400 || !r.isSuccess()) {
                // no robots.txt (4xx) means no restrictions
                return new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL);
            }
            byte[] content = java.util.Arrays.copyOf(r.body(), r.length());
            return new SimpleRobotRulesParser().parseContent(robotsUrl, content,
                    r.contentType() == null ? "text/plain" : r.contentType(), List.of(config.robotsAgentName()));
        }

        /** GET with redirects followed (up to the limit), no scope or robots checks: for robots.txt and sitemaps. */
        FetchResponse fetchPlain(String url, long maxBytes) throws FetchException, InterruptedException {
            String current = url;
            Set<String> visited = new HashSet<>();
            for (int hop = 0; hop <= config.maxRedirects(); hop++) {
                if (!visited.add(current)) {
                    return null;
                }
                String host = Urls.host(current);
                throttle.await(host, delayFor(host));
                FetchResponse r = fetcher.get(current, maxBytes);
                if (!r.isRedirect()) {
                    return r;
                }
                String next = Urls.resolve(current, r.location()).orElse(null);
                if (next == null) {
                    return null;
                }
                current = next;
            }
            return null;
        }

        void collectSitemaps(String start, String finalUrl) throws InterruptedException {
            if (config.maxSitemapUrls() == 0) {
                return;
            }
            Set<String> sitemapUrls = new LinkedHashSet<>();
            for (String host : new LinkedHashSet<>(List.of(Urls.host(start), Urls.host(finalUrl)))) {
                String origin = origin(host.equals(Urls.host(finalUrl)) ? finalUrl : start);
                BaseRobotRules rules = robots.get(Urls.bareHost(host));
                if (rules != null) {
                    for (String s : rules.getSitemaps()) {
                        Urls.normalise(s).ifPresent(sitemapUrls::add);
                    }
                }
                sitemapUrls.add(origin + "/sitemap.xml");
            }
            SiteMapParser parser = new SiteMapParser(false);
            ArrayDeque<String> todo = new ArrayDeque<>(sitemapUrls);
            Set<String> done = new HashSet<>();
            int taken = 0;
            while (!todo.isEmpty() && done.size() < MAX_SITEMAP_FILES && taken < config.maxSitemapUrls()) {
                String sitemapUrl = todo.poll();
                if (!done.add(sitemapUrl) || !scope.containsUrl(sitemapUrl)) {
                    continue;
                }
                AbstractSiteMap sitemap;
                try {
                    if (!rulesFor(sitemapUrl).isAllowed(sitemapUrl)) {
                        continue;
                    }
                    FetchResponse r = fetchPlain(sitemapUrl, config.maxBytes());
                    if (r == null || !r.isSuccess() || r.length() == 0 || r.truncated()) {
                        continue;
                    }
                    sitemap = parser.parseSiteMap(r.contentType(), java.util.Arrays.copyOf(r.body(), r.length()),
                            new URL(sitemapUrl));
                } catch (FetchException e) {
                    LOG.debug("Sitemap {} not read: {}", sitemapUrl, e.getMessage());
                    continue;
                } catch (IOException | RuntimeException | crawlercommons.sitemaps.UnknownFormatException e) {
                    LOG.debug("Sitemap {} not parsed: {}", sitemapUrl, e.getMessage());
                    continue;
                }
                if (sitemap instanceof SiteMapIndex index) {
                    for (AbstractSiteMap child : index.getSitemaps()) {
                        Urls.normalise(child.getUrl().toString()).ifPresent(todo::add);
                    }
                } else if (sitemap instanceof SiteMap map) {
                    for (SiteMapURL u : map.getSiteMapUrls()) {
                        if (taken >= config.maxSitemapUrls()) {
                            break;
                        }
                        String url = Urls.normalise(u.getUrl().toString()).orElse(null);
                        if (url == null) {
                            continue;
                        }
                        taken++;
                        if (scope.containsUrl(url) && !NOT_A_DOCUMENT.matcher(pathOf(url)).find()) {
                            frontier.offerSitemapUrl(url);
                        } else {
                            frontier.skip(url);
                        }
                    }
                }
            }
        }
    }

    private static String origin(String url) {
        int slash = url.indexOf('/', url.indexOf("//") + 2);
        return slash < 0 ? url : url.substring(0, slash);
    }

    private static String pathOf(String url) {
        int q = url.indexOf('?');
        String noQuery = q < 0 ? url : url.substring(0, q);
        int slash = noQuery.indexOf('/', noQuery.indexOf("//") + 2);
        return slash < 0 ? "/" : noQuery.substring(slash).toLowerCase(Locale.ROOT);
    }
}
