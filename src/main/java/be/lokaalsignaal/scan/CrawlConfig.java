package be.lokaalsignaal.scan;

import be.lokaalsignaal.fetch.FetchConfig;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Bounds and manners of a site crawl.
 *
 * @param userAgent             sent with every request and matched against robots.txt groups
 * @param crawlDelay            minimum pause between two requests to one host; a larger robots.txt Crawl-delay wins
 * @param crawlConcurrency      site crawls that {@link CrawlerPool} runs in parallel
 * @param maxPages              pages and documents fetched per site
 * @param maxBytes              bytes read per response; the rest is never read
 * @param timeout               connect timeout, and the hard deadline for one whole response
 * @param maxRedirects          redirect hops followed per request
 * @param allowPrivateHosts     allow hosts resolving to loopback, private, link-local or multicast addresses
 * @param resolve               host to IP overrides (like curl --resolve); consulted before DNS
 * @param maxQueryVariants      distinct query strings fetched per path (stops endless calendars and filters)
 * @param maxDatePatternUrls    URLs fetched per date-shaped path pattern such as /agenda/2024/05/12
 * @param maxSitemapUrls        URLs taken from sitemaps per site
 */
public record CrawlConfig(
        String userAgent,
        Duration crawlDelay,
        int crawlConcurrency,
        int maxPages,
        long maxBytes,
        Duration timeout,
        int maxRedirects,
        boolean allowPrivateHosts,
        Map<String, String> resolve,
        int maxQueryVariants,
        int maxDatePatternUrls,
        int maxSitemapUrls) {

    public static final String DEFAULT_USER_AGENT =
            "lokaal-signaal/0.1 (+https://github.com/lokaal-signaal/lokaal-signaal)";

    public CrawlConfig {
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(crawlDelay, "crawlDelay");
        Objects.requireNonNull(timeout, "timeout");
        resolve = resolve == null ? Map.of() : Map.copyOf(resolve);
        requirePositive("crawlConcurrency", crawlConcurrency);
        requirePositive("maxPages", maxPages);
        requirePositive("maxBytes", maxBytes);
        requirePositive("maxQueryVariants", maxQueryVariants);
        requirePositive("maxDatePatternUrls", maxDatePatternUrls);
        if (maxRedirects < 0) {
            throw new IllegalArgumentException("maxRedirects must be 0 or more, was " + maxRedirects);
        }
        if (maxSitemapUrls < 0) {
            throw new IllegalArgumentException("maxSitemapUrls must be 0 or more, was " + maxSitemapUrls);
        }
        if (crawlDelay.isNegative()) {
            throw new IllegalArgumentException("crawlDelay must not be negative, was " + crawlDelay);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        if (userAgent.isBlank()) {
            throw new IllegalArgumentException("userAgent must not be blank");
        }
    }

    private static void requirePositive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }

    public static CrawlConfig defaults() {
        return new CrawlConfig(DEFAULT_USER_AGENT, Duration.ofSeconds(1), 16, 500, 5L * 1024 * 1024,
                Duration.ofSeconds(15), 5, false, Map.of(), 50, 50, 5_000);
    }

    /** How the crawler's fetcher reaches the web: its identity, timeout, address guard and connections. */
    public FetchConfig fetchConfig() {
        return new FetchConfig(userAgent, timeout, allowPrivateHosts, resolve, Math.max(4, crawlConcurrency * 2));
    }

    /** The product token robots.txt groups are matched against: the User-Agent up to its first '/' or space. */
    public String robotsAgentName() {
        String name = userAgent.strip();
        int cut = name.length();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || Character.isWhitespace(c)) {
                cut = i;
                break;
            }
        }
        return name.substring(0, cut).toLowerCase(java.util.Locale.ROOT);
    }

    public CrawlConfig withUserAgent(String v) { return new CrawlConfig(v, crawlDelay, crawlConcurrency, maxPages, maxBytes, timeout, maxRedirects, allowPrivateHosts, resolve, maxQueryVariants, maxDatePatternUrls, maxSitemapUrls); }
    public CrawlConfig withCrawlDelay(Duration v) { return new CrawlConfig(userAgent, v, crawlConcurrency, maxPages, maxBytes, timeout, maxRedirects, allowPrivateHosts, resolve, maxQueryVariants, maxDatePatternUrls, maxSitemapUrls); }
    public CrawlConfig withCrawlConcurrency(int v) { return new CrawlConfig(userAgent, crawlDelay, v, maxPages, maxBytes, timeout, maxRedirects, allowPrivateHosts, resolve, maxQueryVariants, maxDatePatternUrls, maxSitemapUrls); }
    public CrawlConfig withMaxPages(int v) { return new CrawlConfig(userAgent, crawlDelay, crawlConcurrency, v, maxBytes, timeout, maxRedirects, allowPrivateHosts, resolve, maxQueryVariants, maxDatePatternUrls, maxSitemapUrls); }
    public CrawlConfig withMaxBytes(long v) { return new CrawlConfig(userAgent, crawlDelay, crawlConcurrency, maxPages, v, timeout, maxRedirects, allowPrivateHosts, resolve, maxQueryVariants, maxDatePatternUrls, maxSitemapUrls); }
    public CrawlConfig withTimeout(Duration v) { return new CrawlConfig(userAgent, crawlDelay, crawlConcurrency, maxPages, maxBytes, v, maxRedirects, allowPrivateHosts, resolve, maxQueryVariants, maxDatePatternUrls, maxSitemapUrls); }
    public CrawlConfig withMaxRedirects(int v) { return new CrawlConfig(userAgent, crawlDelay, crawlConcurrency, maxPages, maxBytes, timeout, v, allowPrivateHosts, resolve, maxQueryVariants, maxDatePatternUrls, maxSitemapUrls); }
    public CrawlConfig withAllowPrivateHosts(boolean v) { return new CrawlConfig(userAgent, crawlDelay, crawlConcurrency, maxPages, maxBytes, timeout, maxRedirects, v, resolve, maxQueryVariants, maxDatePatternUrls, maxSitemapUrls); }
    public CrawlConfig withResolve(Map<String, String> v) { return new CrawlConfig(userAgent, crawlDelay, crawlConcurrency, maxPages, maxBytes, timeout, maxRedirects, allowPrivateHosts, v, maxQueryVariants, maxDatePatternUrls, maxSitemapUrls); }
    public CrawlConfig withMaxQueryVariants(int v) { return new CrawlConfig(userAgent, crawlDelay, crawlConcurrency, maxPages, maxBytes, timeout, maxRedirects, allowPrivateHosts, resolve, v, maxDatePatternUrls, maxSitemapUrls); }
    public CrawlConfig withMaxDatePatternUrls(int v) { return new CrawlConfig(userAgent, crawlDelay, crawlConcurrency, maxPages, maxBytes, timeout, maxRedirects, allowPrivateHosts, resolve, maxQueryVariants, v, maxSitemapUrls); }
    public CrawlConfig withMaxSitemapUrls(int v) { return new CrawlConfig(userAgent, crawlDelay, crawlConcurrency, maxPages, maxBytes, timeout, maxRedirects, allowPrivateHosts, resolve, maxQueryVariants, maxDatePatternUrls, v); }
}
