package dochooks.adapters.provider.egress;

import java.net.IDN;
import java.net.InetAddress;
import java.util.Locale;

/**
 * What a URL's host is, decided without any lookup: an address literal, a name to look up, or something
 * refused outright.
 *
 * <p>A host whose last label is a number ({@code 127.1}, {@code 2130706433}, {@code 0x7f000001}) is always an
 * address, never a name (as browsers decide, WHATWG URL): it must be one of the decimal forms Java reads, and
 * forms that other software reads differently (hex, octal-looking leading zeros: C's inet_aton takes
 * {@code 0177.0.0.1} for 127.0.0.1 where Java takes 177.0.0.1) are refused, so that no two readers of the
 * same URL can disagree about where it goes.
 */
sealed interface HostForm {

    /** An IP address literal. */
    record Literal(InetAddress address) implements HostForm {
    }

    /** A DNS name (ASCII, lower case, without a trailing dot) to look up. */
    record Name(String name) implements HostForm {
    }

    /** A host that must not be connected to, and why. */
    record Refused(String reason) implements HostForm {
    }

    static HostForm of(String host) {
        if (host == null || host.isEmpty()) {
            return new Refused("no host");
        }
        if (host.startsWith("[") || host.indexOf(':') >= 0) {
            String inner = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
            byte[] ipv6 = IpLiterals.parseIpv6(inner);
            return ipv6 == null ? new Refused("not a valid IPv6 address") : new Literal(IpLiterals.toAddress(ipv6));
        }
        String bare = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (endsInNumber(bare)) {
            byte[] ipv4 = IpLiterals.parseIpv4Parts(bare);
            return ipv4 == null ? new Refused("an ambiguous or invalid numeric address") : new Literal(IpLiterals.toAddress(ipv4));
        }
        return name(bare);
    }

    private static HostForm name(String host) {
        String ascii;
        try {
            ascii = IDN.toASCII(host, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException notAName) {
            return new Refused("not a valid host name");
        }
        if (ascii.isEmpty() || ascii.startsWith(".") || ascii.endsWith(".") || ascii.contains("..")) {
            return new Refused("not a valid host name");
        }
        return new Name(ascii);
    }

    /** True when the last label is all decimal digits, or {@code 0x} followed by hex digits (WHATWG "ends in a number"). */
    private static boolean endsInNumber(String host) {
        String last = host.substring(host.lastIndexOf('.') + 1);
        if (last.isEmpty()) {
            return false;
        }
        if (last.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return true;
        }
        String lower = last.toLowerCase(Locale.ROOT);
        return lower.startsWith("0x") && lower.substring(2).chars().allMatch(c -> Character.digit(c, 16) >= 0 && c < 128);
    }
}
