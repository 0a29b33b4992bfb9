package dochooks.adapters.provider.egress;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses IP address literals without ever looking a name up. {@link InetAddress#getByName} is not used on
 * untrusted text because it falls back to DNS for anything it does not take as a literal.
 */
final class IpLiterals {
    private IpLiterals() {
    }

    /** A strict IPv4 literal: four decimal parts 0–255, no leading zeros; null when {@code text} is not one. */
    static byte[] parseDottedQuad(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            long value = decimal(parts[i]);
            if (value < 0 || value > 255) {
                return null;
            }
            bytes[i] = (byte) value;
        }
        return bytes;
    }

    /**
     * The IPv4 address of a numeric host in the 1–4 part decimal forms Java and browsers accept
     * ({@code 127.1}, {@code 2130706433}): every part but the last is one byte, the last fills the rest.
     * Null when a part is empty, not decimal, has a leading zero (octal to C's inet_aton) or is out of range.
     */
    static byte[] parseIpv4Parts(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length < 1 || parts.length > 4) {
            return null;
        }
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = decimal(parts[i]);
            if (values[i] < 0) {
                return null;
            }
            long max = i < parts.length - 1 ? 255 : (1L << (8 * (5 - parts.length))) - 1;
            if (values[i] > max) {
                return null;
            }
        }
        long address = 0;
        for (int i = 0; i < parts.length - 1; i++) {
            address |= values[i] << (8 * (3 - i));
        }
        address |= values[parts.length - 1];
        return new byte[] {(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address};
    }

    /** A decimal number without sign or leading zero ({@code 0} itself is fine), at most 10 digits; else -1. */
    private static long decimal(String text) {
        if (text.isEmpty() || text.length() > 10 || (text.length() > 1 && text.charAt(0) == '0')) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /**
     * The 16 bytes of an IPv6 literal (RFC 4291 text forms: {@code ::} compression, a dotted IPv4 tail), without
     * brackets; null when {@code text} is not one. Zone ids ({@code %eth0}) are refused: they only name local links.
     */
    static byte[] parseIpv6(String text) {
        if (text.isEmpty() || text.indexOf('%') >= 0) {
            return null;
        }
        int compression = text.indexOf("::");
        if (compression >= 0 && text.indexOf("::", compression + 1) >= 0) {
            return null;
        }
        List<Integer> head;
        List<Integer> tail;
        if (compression >= 0) {
            head = groups(text.substring(0, compression), false);
            tail = groups(text.substring(compression + 2), true);
        } else {
            head = groups(text, true);
            tail = List.of();
        }
        if (head == null || tail == null) {
            return null;
        }
        int units = head.size() + tail.size();
        if ((compression < 0 && units != 8) || (compression >= 0 && units > 7)) {
            return null;
        }
        byte[] bytes = new byte[16];
        int at = 0;
        for (int unit : head) {
            bytes[at++] = (byte) (unit >>> 8);
            bytes[at++] = (byte) unit;
        }
        at = 16 - 2 * tail.size();
        for (int unit : tail) {
            bytes[at++] = (byte) (unit >>> 8);
            bytes[at++] = (byte) unit;
        }
        return bytes;
    }

    /** 16-bit units of colon-separated hex groups; a dotted IPv4 may end the last segment. Null when malformed. */
    private static List<Integer> groups(String segment, boolean ipv4TailAllowed) {
        List<Integer> units = new ArrayList<>();
        if (segment.isEmpty()) {
            return units;
        }
        String[] groups = segment.split(":", -1);
        for (int i = 0; i < groups.length; i++) {
            String group = groups[i];
            if (ipv4TailAllowed && i == groups.length - 1 && group.indexOf('.') >= 0) {
                byte[] ipv4 = parseDottedQuad(group);
                if (ipv4 == null) {
                    return null;
                }
                units.add(((ipv4[0] & 0xFF) << 8) | (ipv4[1] & 0xFF));
                units.add(((ipv4[2] & 0xFF) << 8) | (ipv4[3] & 0xFF));
                continue;
            }
            if (group.isEmpty() || group.length() > 4) {
                return null;
            }
            int unit = 0;
            for (int c = 0; c < group.length(); c++) {
                int digit = hexDigit(group.charAt(c));
                if (digit < 0) {
                    return null;
                }
                unit = (unit << 4) | digit;
            }
            units.add(unit);
        }
        return units;
    }

    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /** The address of 4 or 16 bytes, as Java builds it (an IPv4-mapped IPv6 address becomes an IPv4 one). */
    static InetAddress toAddress(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException impossible) {
            throw new IllegalArgumentException("an address has 4 or 16 bytes, not " + bytes.length, impossible);
        }
    }
}
