package dochooks.adapters.provider.egress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The policy decides on parsed addresses; nothing here touches the network. */
class EgressPolicyTest {

    private static InetAddress address(String literal) {
        HostForm form = HostForm.of(literal);
        if (form instanceof HostForm.Literal parsed) {
            return parsed.address();
        }
        throw new AssertionError(literal + " is not an address literal: " + form);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "0.0.0.0", "0.1.2.3", "127.0.0.1", "127.255.255.254", "10.0.0.1", "10.255.255.255", "100.64.0.1",
            "100.127.255.255", "169.254.169.254", "169.254.0.1", "172.16.0.1", "172.31.255.255", "192.0.0.1",
            "192.0.0.170", "192.0.2.1", "192.31.196.1", "192.52.193.1", "192.88.99.1", "192.168.1.1",
            "192.175.48.1", "198.18.0.1", "198.19.255.255", "198.51.100.7", "203.0.113.9", "224.0.0.1",
            "239.255.255.250", "240.0.0.1", "255.255.255.254", "255.255.255.255", "168.63.129.16",
            "[::]", "[::1]", "[::ffff:127.0.0.1]", "[::ffff:7f00:1]", "[::ffff:10.0.0.1]", "[::127.0.0.1]",
            "[64:ff9b::7f00:1]", "[64:ff9b::a9fe:a9fe]", "[2002:7f00:1::]", "[2002:a00:1::1]", "[64:ff9b:1::1]",
            "[100::1]", "[2001::1]", "[2001:1::1]", "[2001:10::1]", "[2001:1ff:ffff::1]", "[2001:db8::1]",
            "[2620:4f:8000::1]", "[3fff::1]", "[3fff:fff:ffff::1]", "[5f00::1]", "[fc00::1]", "[fd00::1]",
            "[fd00:ec2::254]", "[fe80::1]", "[febf::1]", "[fec0::1]", "[ff02::1]", "[ff05::2]", "[1::1]",
            "[4000::1]", "[::ffff:0:127.0.0.1]"})
    void refusesSpecialPurposeAddresses(String literal) {
        assertFalse(EgressPolicy.strict().permits(address(literal)), literal);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "8.8.8.8", "1.1.1.1", "93.184.215.14", "100.63.255.255", "100.128.0.0", "172.15.255.255", "172.32.0.0",
            "169.253.255.255", "169.255.0.0", "192.0.1.1", "192.167.255.255", "192.169.0.0", "198.17.255.255",
            "198.20.0.0", "223.255.255.255", "168.63.129.15", "168.63.129.17", "11.0.0.1", "126.255.255.255",
            "128.0.0.1", "[2606:4700::1111]", "[2a00:1450:4001::200e]", "[2001:200::1]", "[2001:4860::8888]",
            "[::ffff:8.8.8.8]", "[64:ff9b::808:808]", "[2002:808:808::1]", "[3fff:1000::1]"})
    void permitsPublicAddresses(String literal) {
        assertTrue(EgressPolicy.strict().permits(address(literal)), literal);
    }

    @Test
    void allowedBlocksLiftTheRefusal() {
        EgressPolicy policy = EgressPolicy.allowing("127.0.0.0/8, 10.1.2.3/16 ,fd00::/8,::1");
        assertTrue(policy.permits(address("127.0.0.1")));
        assertTrue(policy.permits(address("127.9.9.9")));
        assertTrue(policy.permits(address("10.1.200.7")), "host bits of 10.1.2.3/16 are cleared");
        assertFalse(policy.permits(address("10.2.0.1")));
        assertTrue(policy.permits(address("[fd12::1]")));
        assertFalse(policy.permits(address("[fc00::1]")));
        assertTrue(policy.permits(address("[::1]")));
        assertFalse(policy.permits(address("169.254.169.254")));
    }

    @Test
    void embeddedIpv4IsAllowedExactlyWhenItsIpv4Is() {
        EgressPolicy policy = EgressPolicy.allowing("127.0.0.0/8");
        assertTrue(policy.permits(address("[::ffff:127.0.0.1]")));
        assertTrue(policy.permits(address("[64:ff9b::7f00:1]")));
        assertTrue(policy.permits(address("[2002:7f00:1::]")));
        assertTrue(policy.permits(address("[::127.0.0.1]")));
        assertFalse(policy.permits(address("[64:ff9b::a00:1]")), "10.0.0.1 is not allowed");
        assertFalse(policy.permits(address("[::1]")), "::1 is IPv6 loopback, not allowed by an IPv4 block");
    }

    @Test
    void anAllowedIpv6BlockCannotLetAnEmbeddedIpv4Through() {
        EgressPolicy policy = EgressPolicy.allowing("64:ff9b::/96,2002::/16,::1");
        assertFalse(policy.permits(address("[64:ff9b::7f00:1]")));
        assertFalse(policy.permits(address("[2002:a9fe:a9fe::]")));
        assertTrue(policy.permits(address("[64:ff9b::808:808]")), "public through NAT64");
        assertTrue(policy.permits(address("[::1]")), "::1 is IPv6 loopback, allowed as such");
        assertFalse(policy.permits(address("[::]")));
    }

    @Test
    void aBareAddressAllowsOneHost() {
        EgressPolicy policy = EgressPolicy.allowing("192.168.1.10");
        assertTrue(policy.permits(address("192.168.1.10")));
        assertFalse(policy.permits(address("192.168.1.11")));
    }

    @Test
    void aMappedBlockIsTheIpv4BlockItMaps() {
        EgressPolicy policy = EgressPolicy.allowing("::ffff:10.0.0.0/104");
        assertTrue(policy.permits(address("10.200.0.1")));
        assertFalse(policy.permits(address("172.16.0.1")));
        assertEquals(List.of(AddressBlock.parse("10.0.0.0/8")), policy.allowedBlocks());
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/33", "10.0.0/8", "localhost", "10.0.0.0/", "10.0.0.0/-1", "::1/129",
            "fe80::1%eth0", "0x7f000001", "010.0.0.0/8", "127.0.0.0/8,,::1", "::ffff:1.2.3.4/64", "1.2.3.4/8/8",
            "256.0.0.0/8", "[::1]"})
    void refusesMalformedAllowedBlocksWithAMessageNamingThem(String cidrs) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> EgressPolicy.allowing(cidrs));
        assertTrue(error.getMessage().contains("'"), error.getMessage());
    }

    @Test
    void blankAllowsNothingSpecial() {
        assertFalse(EgressPolicy.allowing("  ").permits(address("127.0.0.1")));
        assertFalse(EgressPolicy.allowing(null).permits(address("127.0.0.1")));
    }
}
