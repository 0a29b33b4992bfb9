package dochooks.adapters.provider.egress;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * The addresses no provider may have unless an operator allows them: every block of the IANA IPv4 and IPv6
 * Special-Purpose Address Registries, multicast, and cloud metadata addresses outside them.
 */
final class SpecialPurposeAddresses {
    private SpecialPurposeAddresses() {
    }

    /** IANA IPv4 Special-Purpose Address Registry, plus multicast and Azure's wire server. */
    static final List<AddressBlock> IPV4 = blocks(
            "0.0.0.0/8",          // "this network"
            "10.0.0.0/8",         // private
            "100.64.0.0/10",      // shared address space (CGNAT); holds Alibaba's 100.100.100.200 metadata
            "127.0.0.0/8",        // loopback
            "169.254.0.0/16",     // link-local; holds 169.254.169.254, the usual cloud metadata address
            "172.16.0.0/12",      // private
            "192.0.0.0/24",       // IETF protocol assignments (192.0.0.0/29, .8, .9, .10, .170, .171...)
            "192.0.2.0/24",       // TEST-NET-1
            "192.31.196.0/24",    // AS112-v4
            "192.52.193.0/24",    // AMT
            "192.88.99.0/24",     // deprecated 6to4 relay anycast
            "192.168.0.0/16",     // private
            "192.175.48.0/24",    // direct delegation AS112 service
            "198.18.0.0/15",      // benchmarking
            "198.51.100.0/24",    // TEST-NET-2
            "203.0.113.0/24",     // TEST-NET-3
            "224.0.0.0/4",        // multicast
            "240.0.0.0/4",        // reserved
            "255.255.255.255/32", // limited broadcast
            "168.63.129.16/32");  // Azure wire server / metadata, a public address

    /**
     * IANA IPv6 Special-Purpose Address Registry, plus multicast and deprecated site-local. Everything outside
     * the global unicast block 2000::/3 is refused as well (see {@link #isRefused}); these entries say why.
     */
    static final List<AddressBlock> IPV6 = blocks(
            "::/128",             // unspecified
            "::1/128",            // loopback
            "64:ff9b:1::/48",     // local-use IPv4/IPv6 translation
            "100::/64",           // discard-only
            "100:0:0:1::/64",     // dummy IPv6 prefix
            "2001::/23",          // IETF protocol assignments: TEREDO, PCP/TURN anycast, benchmarking, AMT, ORCHID...
            "2001:db8::/32",      // documentation
            "2620:4f:8000::/48",  // direct delegation AS112 service
            "3fff::/20",          // documentation
            "5f00::/16",          // segment routing (SRv6) SIDs
            "fc00::/7",           // unique-local; holds AWS's fd00:ec2::254 metadata
            "fe80::/10",          // link-local
            "fec0::/10",          // deprecated site-local
            "ff00::/8");          // multicast

    private static final AddressBlock GLOBAL_UNICAST = AddressBlock.parse("2000::/3");
    private static final AddressBlock IPV4_COMPATIBLE = AddressBlock.parseRaw("::/96");
    private static final AddressBlock IPV4_MAPPED = AddressBlock.parseRaw("::ffff:0:0/96");
    /** :: and ::1 are IPv6's own unspecified and loopback addresses, not IPv4-compatible ones (RFC 4291). */
    private static final AddressBlock UNSPECIFIED_OR_LOOPBACK = AddressBlock.parseRaw("::/127");
    private static final AddressBlock NAT64 = AddressBlock.parse("64:ff9b::/96");
    private static final AddressBlock SIX_TO_FOUR = AddressBlock.parse("2002::/16");

    /** Whether {@code address} is special-purpose: in a listed block, or an IPv6 address outside 2000::/3. */
    static boolean isRefused(InetAddress address) {
        if (address instanceof Inet4Address) {
            return IPV4.stream().anyMatch(block -> block.contains(address));
        }
        return !GLOBAL_UNICAST.contains(address) || IPV6.stream().anyMatch(block -> block.contains(address));
    }

    /**
     * The IPv4 address an IPv6 address carries, when it is of a form that reaches (or names) that IPv4 host:
     * IPv4-mapped ::ffff:0:0/96, IPv4-compatible ::/96 (but :: and ::1), NAT64 64:ff9b::/96 (the last 32 bits) and 6to4
     * 2002::/16 (bits 16 to 48).
     */
    static Optional<Inet4Address> embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return Optional.empty();
        }
        byte[] bytes = address.getAddress();
        byte[] ipv4;
        if (IPV4_MAPPED.contains(bytes) || NAT64.contains(bytes)
                || (IPV4_COMPATIBLE.contains(bytes) && !UNSPECIFIED_OR_LOOPBACK.contains(bytes))) {
            ipv4 = new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]};
        } else if (SIX_TO_FOUR.contains(bytes)) {
            ipv4 = new byte[] {bytes[2], bytes[3], bytes[4], bytes[5]};
        } else {
            return Optional.empty();
        }
        return Optional.of((Inet4Address) IpLiterals.toAddress(ipv4));
    }

    private static List<AddressBlock> blocks(String... cidrs) {
        return java.util.Arrays.stream(cidrs).map(AddressBlock::parse).toList();
    }
}
