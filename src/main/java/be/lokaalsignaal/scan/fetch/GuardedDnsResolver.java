package be.lokaalsignaal.scan.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hc.client5.http.DnsResolver;

/**
 * Resolves host names for the crawler. Overrides come first (like curl --resolve). Unless private hosts
 * are allowed, addresses in loopback, private, link-local, multicast and similar ranges are refused: a
 * municipal website that points into someone's internal network is not something to crawl. Checking here,
 * at connect time, also covers redirects and DNS answers that change between checks.
 */
public final class GuardedDnsResolver implements DnsResolver {

    private final Map<String, String> overrides;
    private final boolean allowPrivate;

    public GuardedDnsResolver(Map<String, String> overrides, boolean allowPrivate) {
        this.overrides = overrides;
        this.allowPrivate = allowPrivate;
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
            if (isPublic(a)) {
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

    /** True for addresses on the public internet. */
    public static boolean isPublic(InetAddress a) {
        if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isMulticastAddress()
                || a.isAnyLocalAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int b0 = b[0] & 0xff;
            int b1 = b[1] & 0xff;
            return !(b0 == 0                                  // "this" network
                    || b0 == 100 && b1 >= 64 && b1 <= 127      // carrier-grade NAT
                    || b0 == 192 && b1 == 0 && (b[2] & 0xff) == 0 // IETF protocol assignments
                    || b0 == 198 && (b1 == 18 || b1 == 19)     // benchmarking
                    || b0 >= 240);                             // reserved, broadcast
        }
        if (a instanceof Inet6Address) {
            int b0 = b[0] & 0xff;
            if ((b0 & 0xfe) == 0xfc) {                         // unique local fc00::/7
                return false;
            }
            // IPv4-mapped ::ffff:a.b.c.d: judge the IPv4 address
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                try {
                    return isPublic(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The host resolves only to addresses the crawler may not visit. */
    public static final class RefusedHostException extends UnknownHostException {
        public RefusedHostException(String host) {
            super(host + " resolves only to loopback, private, link-local or multicast addresses; refused");
        }
    }
}
