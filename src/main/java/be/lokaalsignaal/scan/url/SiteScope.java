package be.lokaalsignaal.scan.url;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The hosts that belong to one municipal site: the start host, its www./bare twin, and hosts the start
 * URL redirects to. Everything else, a neighbouring municipality included, is off-site.
 */
public final class SiteScope {

    private final Set<String> bareHosts = ConcurrentHashMap.newKeySet();

    public SiteScope(String startHost) {
        add(startHost);
    }

    /** Scope of the single host a page came from (WARC records, where there is no crawl). */
    public static SiteScope ofUrl(String url) {
        String host = Urls.host(url);
        return new SiteScope(host == null ? "" : host);
    }

    public void add(String host) {
        String h = Urls.normaliseHost(host);
        if (h != null) {
            bareHosts.add(Urls.bareHost(h));
        }
    }

    public boolean contains(String host) {
        String h = Urls.normaliseHost(host);
        return h != null && bareHosts.contains(Urls.bareHost(h));
    }

    public boolean containsUrl(String url) {
        return contains(Urls.host(url));
    }

    @Override
    public String toString() {
        return bareHosts.toString();
    }
}
