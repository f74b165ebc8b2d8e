package be.lokaalsignaal.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Which addresses are on the public internet. Everything else (loopback, private, link-local,
 * multicast, reserved and documentation ranges) is someone's internal network, which a fetcher
 * sent there by a website or a feed must not reach. IPv6 forms that carry an IPv4 address
 * (IPv4-mapped and -compatible, IPv4-translated, NAT64, 6to4, Teredo) are judged by that address,
 * so that {@code ::7f00:1} or {@code 64:ff9b::a00:1} is not a way around the IPv4 rules.
 */
public final class PublicAddresses {

    private PublicAddresses() {}

    /** True for addresses on the public internet. */
    public static boolean isPublic(InetAddress a) {
        if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isMulticastAddress()
                || a.isAnyLocalAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            return isPublicIpv4(b);
        }
        if (a instanceof Inet6Address) {
            return isPublicIpv6(b);
        }
        return false;
    }

    private static boolean isPublicIpv4(byte[] b) {
        int b0 = b[0] & 0xff;
        int b1 = b[1] & 0xff;
        int b2 = b[2] & 0xff;
        return !(b0 == 0                                   // "this" network
                || b0 == 10                                // private
                || b0 == 127                               // loopback
                || b0 == 169 && b1 == 254                  // link-local
                || b0 == 172 && b1 >= 16 && b1 <= 31       // private
                || b0 == 192 && b1 == 168                  // private
                || b0 == 100 && b1 >= 64 && b1 <= 127      // carrier-grade NAT
                || b0 == 192 && b1 == 0 && b2 == 0         // IETF protocol assignments
                || b0 == 192 && b1 == 0 && b2 == 2         // documentation (TEST-NET-1)
                || b0 == 192 && b1 == 88 && b2 == 99       // 6to4 relay anycast (deprecated)
                || b0 == 198 && (b1 == 18 || b1 == 19)     // benchmarking
                || b0 == 198 && b1 == 51 && b2 == 100      // documentation (TEST-NET-2)
                || b0 == 203 && b1 == 0 && b2 == 113       // documentation (TEST-NET-3)
                || b0 >= 224);                             // multicast, reserved, broadcast
    }

    private static boolean isPublicIpv6(byte[] b) {
        int b0 = b[0] & 0xff;
        int b1 = b[1] & 0xff;
        if ((b0 & 0xfe) == 0xfc                            // unique local fc00::/7
                || b0 == 0xfe && (b1 & 0xc0) == 0xc0       // site-local fec0::/10 (deprecated)
                || b0 == 0xff) {                           // multicast
            return false;
        }
        if (zero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return isPublicIpv4(ipv4(b, 12));              // IPv4-mapped ::ffff:a.b.c.d
        }
        if (zero(b, 0, 12)) {
            return false;                                  // IPv4-compatible ::a.b.c.d (deprecated), ::, ::1
        }
        if (zero(b, 0, 8) && (b[8] & 0xff) == 0xff && (b[9] & 0xff) == 0xff && zero(b, 10, 12)) {
            return isPublicIpv4(ipv4(b, 12));              // IPv4-translated ::ffff:0:a.b.c.d
        }
        if (b0 == 0x00 && b1 == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
            if (zero(b, 4, 12)) {
                return isPublicIpv4(ipv4(b, 12));          // NAT64 well-known prefix 64:ff9b::/96
            }
            return false;                                  // local-use NAT64 64:ff9b:1::/48
        }
        if (b0 == 0x01 && b1 == 0x00 && zero(b, 2, 8)) {
            return false;                                  // discard-only 100::/64
        }
        if (b0 == 0x20 && b1 == 0x02) {
            return isPublicIpv4(ipv4(b, 2));               // 6to4 2002:a.b.c.d::/48
        }
        if (b0 == 0x20 && b1 == 0x01) {
            int b2 = b[2] & 0xff;
            int b3 = b[3] & 0xff;
            if (b2 == 0x00 && b3 == 0x00) {
                // Teredo 2001::/32: the server's IPv4 address, and the client's with every bit flipped
                byte[] client = ipv4(b, 12);
                for (int i = 0; i < 4; i++) {
                    client[i] = (byte) ~client[i];
                }
                return isPublicIpv4(ipv4(b, 4)) && isPublicIpv4(client);
            }
            if (b2 == 0x0d && b3 == 0xb8                   // documentation 2001:db8::/32
                    || b2 == 0x00 && (b3 & 0xf0) == 0x10    // ORCHID 2001:10::/28
                    || b2 == 0x00 && (b3 & 0xf0) == 0x20    // ORCHIDv2 2001:20::/28
                    || b2 == 0x00 && b3 == 0x02 && b[4] == 0 && b[5] == 0) { // benchmarking 2001:2::/48
                return false;
            }
        }
        if (b0 == 0x3f && (b1 & 0xf0) == 0xf0) {
            return false;                                  // documentation 3fff::/20
        }
        return true;
    }

    private static boolean zero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] ipv4(byte[] b, int at) {
        return new byte[] {b[at], b[at + 1], b[at + 2], b[at + 3]};
    }
}
