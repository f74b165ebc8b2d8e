package be.lokaalsignaal.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.hc.client5.http.DnsResolver;

/**
 * Resolves host names for every fetch from the web (the crawler, the newsletter feed). Overrides come
 * first (like curl --resolve). Unless private hosts are allowed, addresses that are not public
 * ({@link PublicAddresses}) are refused: a municipal website or a feed that points into someone's
 * internal network is not something to fetch. Checking here, at connect time, also covers redirects
 * and DNS answers that change between checks.
 */
public final class GuardedDnsResolver implements DnsResolver {

    private final Map<String, String> overrides;
    private final boolean allowPrivate;
    private final Predicate<InetAddress> isPublic;

    public GuardedDnsResolver(Map<String, String> overrides, boolean allowPrivate) {
        this(overrides, allowPrivate, PublicAddresses::isPublic);
    }

    /** With another rule for what is public: for tests, where a loopback address stands in for a public one. */
    public GuardedDnsResolver(Map<String, String> overrides, boolean allowPrivate, Predicate<InetAddress> isPublic) {
        this.overrides = overrides;
        this.allowPrivate = allowPrivate;
        this.isPublic = isPublic;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        String h = host.toLowerCase(Locale.ROOT);
        InetAddress[] all;
        String ip = overrides.get(h);
        if (ip != null) {
            all = new InetAddress[] {InetAddress.getByAddress(h, InetAddress.getByName(ip).getAddress())};
        } else {
            all = InetAddress.getAllByName(h);
        }
        if (allowPrivate) {
            return all;
        }
        List<InetAddress> usable = new ArrayList<>();
        for (InetAddress a : all) {
            if (isPublic.test(a)) {
                usable.add(a);
            }
        }
        if (usable.isEmpty()) {
            throw new RefusedHostException(host);
        }
        return usable.toArray(new InetAddress[0]);
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return host;
    }

    /** The host resolves only to addresses the crawler may not visit. */
    public static final class RefusedHostException extends UnknownHostException {
        public RefusedHostException(String host) {
            super(host + " resolves only to loopback, private, link-local or multicast addresses; refused");
        }
    }
}
