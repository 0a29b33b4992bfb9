package dochooks.adapters.provider.egress;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which addresses dochooks may connect to. Refused: every block of the IANA IPv4 and IPv6 special-purpose
 * registries (loopback, "this network", private, link-local, CGNAT, documentation, benchmarking, reserved,
 * unique-local...), multicast, any IPv6 address outside global unicast 2000::/3, and 168.63.129.16 — unless
 * inside one of the allowed blocks ({@code DOCHOOKS_PROVIDER_ALLOWED_CIDRS}). An IPv6 address that carries an
 * IPv4 one (mapped, compatible, NAT64 64:ff9b::/96, 6to4 2002::/16) is judged as that IPv4 address alone, so
 * {@code [::ffff:127.0.0.1]} is loopback, {@code [64:ff9b::8.8.8.8]} is public, and allowing {@code 64:ff9b::/96}
 * does not let {@code [64:ff9b::7f00:1]} through.
 */
public final class EgressPolicy {
    private final List<AddressBlock> allowed;

    private EgressPolicy(List<AddressBlock> allowed) {
        this.allowed = List.copyOf(allowed);
    }

    /** The policy without exceptions: every special-purpose address is refused. */
    public static EgressPolicy strict() {
        return new EgressPolicy(List.of());
    }

    /**
     * The policy allowing the comma-separated CIDR blocks of {@code allowedCidrs} (a bare address is one host;
     * null or blank allows nothing special), e.g. {@code "127.0.0.0/8, ::1"} for local use.
     *
     * @throws IllegalArgumentException naming the first malformed block
     */
    public static EgressPolicy allowing(String allowedCidrs) {
        List<AddressBlock> blocks = new ArrayList<>();
        if (allowedCidrs != null && !allowedCidrs.isBlank()) {
            for (String cidr : allowedCidrs.split(",", -1)) {
                if (cidr.isBlank()) {
                    throw new IllegalArgumentException("'" + allowedCidrs + "' has an empty entry between commas");
                }
                blocks.add(AddressBlock.parse(cidr));
            }
        }
        return new EgressPolicy(blocks);
    }

    /** Whether dochooks may connect to {@code address}. */
    public boolean permits(InetAddress address) {
        Optional<Inet4Address> embedded = SpecialPurposeAddresses.embeddedIpv4(address);
        if (embedded.isPresent()) {
            // judged by the IPv4 address alone: an allowed IPv6 block cannot let a loopback IPv4 through
            return permits(embedded.get());
        }
        return isAllowed(address) || !SpecialPurposeAddresses.isRefused(address);
    }

    private boolean isAllowed(InetAddress address) {
        return allowed.stream().anyMatch(block -> block.contains(address));
    }

    /** The allowed blocks, normalized, for logs. */
    public List<AddressBlock> allowedBlocks() {
        return allowed;
    }

    @Override
    public String toString() {
        return "EgressPolicy[allowed=" + allowed + "]";
    }
}
