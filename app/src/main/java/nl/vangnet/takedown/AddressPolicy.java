package nl.vangnet.takedown;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Which addresses outbound requests may connect to. Re-checks fetch URLs that strangers chose, so
 * without this a URL could make the server reach its own admin ports, the cloud metadata service
 * or the office network (SSRF). Loopback, private and link-local ranges are refused unless
 * configured; multicast, unspecified, documentation, benchmarking and reserved ranges always.
 * IPv6 forms that embed an IPv4 address (mapped, compatible, NAT64, 6to4) are judged by the
 * embedded address.
 */
final class AddressPolicy {

    /** What kind of address it is; only {@link #PUBLIC} is always allowed. */
    enum Kind {
        PUBLIC,
        LOOPBACK,
        PRIVATE,
        LINK_LOCAL,
        SPECIAL
    }

    private final boolean allowLoopback;
    private final boolean allowPrivate;
    private final boolean allowLinkLocal;

    AddressPolicy(boolean allowLoopback, boolean allowPrivate, boolean allowLinkLocal) {
        this.allowLoopback = allowLoopback;
        this.allowPrivate = allowPrivate;
        this.allowLinkLocal = allowLinkLocal;
    }

    static AddressPolicy of(TakedownProperties.Fetch fetch) {
        return new AddressPolicy(fetch.allowLoopback(), fetch.allowPrivate(), fetch.allowLinkLocal());
    }

    boolean allows(InetAddress address) {
        return switch (kind(address)) {
            case PUBLIC -> true;
            case LOOPBACK -> allowLoopback;
            case PRIVATE -> allowPrivate;
            case LINK_LOCAL -> allowLinkLocal;
            case SPECIAL -> false;
        };
    }

    static Kind kind(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return kind4(b);
        }
        if (address instanceof Inet6Address v6) {
            return kind6(v6, b);
        }
        return Kind.SPECIAL;
    }

    private static Kind kind4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        if (a0 == 127) {
            return Kind.LOOPBACK;
        }
        if (a0 == 10 || (a0 == 172 && a1 >= 16 && a1 <= 31) || (a0 == 192 && a1 == 168)) {
            return Kind.PRIVATE;
        }
        if (a0 == 100 && a1 >= 64 && a1 <= 127) {
            return Kind.PRIVATE; // carrier-grade NAT (RFC 6598)
        }
        if (a0 == 169 && a1 == 254) {
            return Kind.LINK_LOCAL; // includes the cloud metadata service 169.254.169.254
        }
        if (a0 == 0
                || a0 >= 224 // multicast and 240/4 reserved, incl. 255.255.255.255
                || (a0 == 192 && a1 == 0 && a2 == 0)
                || (a0 == 192 && a1 == 0 && a2 == 2)
                || (a0 == 198 && (a1 == 18 || a1 == 19))
                || (a0 == 198 && a1 == 51 && a2 == 100)
                || (a0 == 203 && a1 == 0 && a2 == 113)) {
            return Kind.SPECIAL;
        }
        return Kind.PUBLIC;
    }

    private static Kind kind6(Inet6Address address, byte[] b) {
        if (address.isLoopbackAddress()) {
            return Kind.LOOPBACK;
        }
        if (address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return Kind.SPECIAL;
        }
        if (address.isIPv4CompatibleAddress()) {
            return kind4(new byte[] {b[12], b[13], b[14], b[15]});
        }
        if (isMapped(b)) {
            return kind4(new byte[] {b[12], b[13], b[14], b[15]});
        }
        // NAT64 well-known prefix 64:ff9b::/96 and 6to4 2002::/16 carry an IPv4 address.
        if (b[0] == 0x00 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && zero(b, 4, 12)) {
            return kind4(new byte[] {b[12], b[13], b[14], b[15]});
        }
        if (b[0] == 0x20 && b[1] == 0x02) {
            return kind4(new byte[] {b[2], b[3], b[4], b[5]});
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if (first == 0xfe && (second & 0xc0) == 0x80) {
            return Kind.LINK_LOCAL; // fe80::/10
        }
        if ((first & 0xfe) == 0xfc || (first == 0xfe && (second & 0xc0) == 0xc0)) {
            return Kind.PRIVATE; // unique local fc00::/7, deprecated site-local fec0::/10
        }
        if ((first == 0x20 && second == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8)
                || (first == 0x01 && second == 0x00 && zero(b, 2, 8))
                || first == 0x00) {
            return Kind.SPECIAL; // documentation 2001:db8::/32, discard 100::/64, the rest of ::/8
        }
        return Kind.PUBLIC;
    }

    private static boolean isMapped(byte[] b) {
        return zero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }

    private static boolean zero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
