package be.lokaalsignaal.scan.url;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Breadth-first queue of one site's URLs with de-duplication and trap control. Links found on pages and
 * URLs named in sitemaps wait in two queues taken in turn, so a huge sitemap cannot starve the link graph
 * and the other way round. Every distinct URL that is left out is counted once.
 */
public final class Frontier {

    /** A path that carries a date: agenda and calendar pages whose next-month links never end. */
    private static final Pattern DATE_PATH = Pattern.compile("(?:19|20)\\d{2}[-/._]?(?:0?[1-9]|1[0-2])(?:\\D|$)");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final int MAX_PATH_SEGMENTS = 16;

    private final ArrayDeque<String> links = new ArrayDeque<>();
    private final ArrayDeque<String> sitemap = new ArrayDeque<>();
    private final Set<String> seen = new HashSet<>();
    private final Map<String, Integer> queryVariants = new HashMap<>();
    private final Map<String, Integer> datePatterns = new HashMap<>();
    private final int maxQueryVariants;
    private final int maxDatePatternUrls;
    private boolean takeSitemapNext;
    private int skipped;

    public Frontier(int maxQueryVariants, int maxDatePatternUrls) {
        this.maxQueryVariants = maxQueryVariants;
        this.maxDatePatternUrls = maxDatePatternUrls;
    }

    /** Offers a normalised URL found as a link; false when it was a duplicate or left out. */
    public boolean offerLink(String url) {
        return offer(url, links);
    }

    /** Offers a normalised URL named in a sitemap. */
    public boolean offerSitemapUrl(String url) {
        return offer(url, sitemap);
    }

    /** Marks a URL as seen without queueing it (e.g. the start URL fetched separately). */
    public boolean markSeen(String url) {
        return seen.add(key(url));
    }

    /**
     * The identity of a URL for de-duplication: http and https, www. and bare host serve the same pages on
     * municipal sites, and fetching both would spend the budget twice.
     */
    static String key(String url) {
        int start = url.indexOf("//") + 2;
        String rest = url.substring(start);
        if (rest.startsWith("www.")) {
            rest = rest.substring(4);
        }
        int slash = rest.indexOf('/');
        String hostPort = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "/" : rest.substring(slash);
        if (hostPort.endsWith(":80") || hostPort.endsWith(":443")) {
            hostPort = hostPort.substring(0, hostPort.lastIndexOf(':'));
        }
        return hostPort + path;
    }

    /** Counts a distinct URL left out for a reason the frontier cannot see (off-site, robots.txt, type). */
    public void skip(String url) {
        if (seen.add(key(url))) {
            skipped++;
        }
    }

    private boolean offer(String url, ArrayDeque<String> queue) {
        if (!seen.add(key(url))) {
            return false;
        }
        if (isTrap(url)) {
            skipped++;
            return false;
        }
        queue.add(url);
        return true;
    }

    private boolean isTrap(String url) {
        int q = url.indexOf('?');
        String path = q < 0 ? url : url.substring(0, q);
        int pathStart = path.indexOf('/', path.indexOf("//") + 2);
        String pathOnly = pathStart < 0 ? "/" : path.substring(pathStart);
        if (pathOnly.split("/").length > MAX_PATH_SEGMENTS || hasRepeatingSegments(pathOnly)) {
            return true;
        }
        if (q >= 0) {
            int n = queryVariants.merge(path, 1, Integer::sum);
            if (n > maxQueryVariants) {
                return true;
            }
        }
        if (DATE_PATH.matcher(pathOnly).find()) {
            String pattern = DIGITS.matcher(path).replaceAll("0");
            int n = datePatterns.merge(pattern, 1, Integer::sum);
            if (n > maxDatePatternUrls) {
                return true;
            }
        }
        return false;
    }

    /** /a/b/a/b/a/b: relative links that keep appending themselves. */
    private static boolean hasRepeatingSegments(String path) {
        String[] seg = path.split("/");
        Map<String, Integer> counts = new HashMap<>();
        for (String s : seg) {
            if (!s.isEmpty() && counts.merge(s, 1, Integer::sum) > 3) {
                return true;
            }
        }
        return false;
    }

    public boolean isEmpty() {
        return links.isEmpty() && sitemap.isEmpty();
    }

    /** Next URL to fetch, or null. */
    public String next() {
        ArrayDeque<String> first = takeSitemapNext ? sitemap : links;
        ArrayDeque<String> second = takeSitemapNext ? links : sitemap;
        takeSitemapNext = !takeSitemapNext;
        String url = first.poll();
        return url != null ? url : second.poll();
    }

    /** URLs still queued: left out when the page budget is spent. */
    public int queued() {
        return links.size() + sitemap.size();
    }

    public int skipped() {
        return skipped;
    }
}
