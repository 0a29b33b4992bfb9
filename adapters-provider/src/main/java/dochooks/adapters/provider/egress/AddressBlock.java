package dochooks.adapters.provider.egress;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Arrays;

/**
 * A CIDR block of IPv4 or IPv6 addresses, e.g. {@code 10.0.0.0/8} or {@code fc00::/7}; a bare address is a
 * block of one. Host bits are cleared ({@code 10.1.2.3/8} is {@code 10.0.0.0/8}). An IPv4-mapped IPv6 block
 * ({@code ::ffff:10.0.0.0/104}) is the IPv4 block it maps, since Java turns mapped addresses into IPv4 ones.
 */
public final class AddressBlock {
    private final byte[] network;
    private final int prefixLength;

    private AddressBlock(byte[] network, int prefixLength) {
        this.network = mask(network, prefixLength);
        this.prefixLength = prefixLength;
    }

    /**
     * Parses {@code address[/prefix]}.
     *
     * @throws IllegalArgumentException naming the text and what is wrong with it
     */
    public static AddressBlock parse(String cidr) {
        return parse(cidr, true);
    }

    /** Parses a block as written, even an IPv4-mapped IPv6 one: for matching the raw bytes of IPv6 addresses. */
    static AddressBlock parseRaw(String cidr) {
        return parse(cidr, false);
    }

    private static AddressBlock parse(String cidr, boolean mappedAsIpv4) {
        String text = cidr.strip();
        int slash = text.indexOf('/');
        String addressText = slash < 0 ? text : text.substring(0, slash);
        byte[] address = addressText.indexOf(':') >= 0 ? IpLiterals.parseIpv6(addressText)
                : IpLiterals.parseDottedQuad(addressText);
        if (address == null) {
            throw new IllegalArgumentException("'" + cidr + "' is not a CIDR block: '" + addressText
                    + "' is not an IPv4 (a.b.c.d) or IPv6 address");
        }
        int maxPrefix = address.length * 8;
        int prefix = maxPrefix;
        if (slash >= 0) {
            String prefixText = text.substring(slash + 1);
            if (prefixText.isEmpty() || prefixText.length() > 3 || !prefixText.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new IllegalArgumentException("'" + cidr + "' is not a CIDR block: the prefix length must be a number");
            }
            prefix = Integer.parseInt(prefixText);
            if (prefix > maxPrefix) {
                throw new IllegalArgumentException("'" + cidr + "' is not a CIDR block: the prefix length must be 0 to "
                        + maxPrefix);
            }
        }
        InetAddress canonical = IpLiterals.toAddress(address);
        if (mappedAsIpv4 && address.length == 16 && canonical instanceof Inet4Address) {
            if (prefix < 96) {
                throw new IllegalArgumentException("'" + cidr + "' is not a CIDR block this policy can use: an IPv4-mapped"
                        + " block needs a prefix of at least 96");
            }
            return new AddressBlock(canonical.getAddress(), prefix - 96);
        }
        return new AddressBlock(address, prefix);
    }

    /** True when {@code address} is of this block's family and inside it. */
    public boolean contains(InetAddress address) {
        return contains(address.getAddress());
    }

    boolean contains(byte[] address) {
        return address.length == network.length && Arrays.equals(mask(address, prefixLength), network);
    }

    private static byte[] mask(byte[] address, int prefixLength) {
        byte[] masked = address.clone();
        for (int bit = prefixLength; bit < masked.length * 8; bit++) {
            masked[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        return masked;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AddressBlock that && prefixLength == that.prefixLength
                && Arrays.equals(network, that.network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + prefixLength;
    }

    @Override
    public String toString() {
        if (network.length == 4) {
            return (network[0] & 0xFF) + "." + (network[1] & 0xFF) + "." + (network[2] & 0xFF) + "."
                    + (network[3] & 0xFF) + "/" + prefixLength;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 16; i += 2) {
            text.append(i == 0 ? "" : ":").append(Integer.toHexString(((network[i] & 0xFF) << 8) | (network[i + 1] & 0xFF)));
        }
        return text + "/" + prefixLength;
    }
}
