package dochooks.adapters.provider.egress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HostFormTest {

    /** Valid literals give the address Java itself gives (Java does not look valid literals up). */
    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "127.1", "2130706433", "127.0.1", "8.8.8.8", "255.255.255.255",
            "[::ffff:127.0.0.1]", "[::127.0.0.1]", "[64:ff9b::7f00:1]", "[2002:7f00:1::]", "[::]", "[::1]",
            "[fe80::1]", "[2001:db8:0:0:0:0:0:1]", "[2001:DB8::A:b]", "[1:2:3:4:5:6:7:8]", "[1::]", "[::2:3:4:5:6:7:8]",
            "[1:2:3:4:5:6:1.2.3.4]", "[::ffff:0:0]", "::1"})
    void readsLiteralsAsJavaDoes(String host) throws Exception {
        InetAddress ours = assertInstanceOf(HostForm.Literal.class, HostForm.of(host)).address();
        InetAddress javas = InetAddress.getByName(host);
        assertEquals(javas.getClass(), ours.getClass(), host);
        assertArrayEquals(javas.getAddress(), ours.getAddress(), host);
    }

    @ParameterizedTest
    @CsvSource({"127.1, 127.0.0.1", "2130706433, 127.0.0.1", "10.65535, 10.0.255.255", "127.0.0.1., 127.0.0.1",
            "1.2.65535, 1.2.255.255", "0, 0.0.0.0"})
    void readsShortDecimalForms(String host, String expected) {
        InetAddress address = assertInstanceOf(HostForm.Literal.class, HostForm.of(host)).address();
        assertEquals(expected, address.getHostAddress());
    }

    /** Hosts that end in a number but that readers disagree on, or that are no address at all: never looked up. */
    @ParameterizedTest
    @ValueSource(strings = {"0x7f000001", "0x7f.1", "017700000001", "0177.0.0.1", "127.0.0.01", "4294967296",
            "256.0.0.1", "1.2.3.4.5", "1.2.3.256", "1.2.16777216", "example.123", "1..2", "[fe80::1%eth0]",
            "[fe80::1%25eth0]", "[::ffff:127.0.0.1:80]", "[1:2:3:4:5:6:7:8:9]", "[1::2::3]", "[12345::]", "[:1::]",
            "[1:2:3:4:5:6:7::8]", "[g::]", "[::1.2.3]", "", ".", "a..example", "0X7F000001"})
    void refusesAmbiguousOrInvalidForms(String host) {
        assertInstanceOf(HostForm.Refused.class, HostForm.of(host), host);
    }

    @Test
    void namesAreLowerCasedAsciiWithoutTrailingDot() {
        assertEquals(new HostForm.Name("dms.acme.example"), HostForm.of("DMS.Acme.Example."));
        assertEquals(new HostForm.Name("xn--bcher-kva.example"), HostForm.of("bücher.example"));
        assertEquals(new HostForm.Name("0x.example"), HostForm.of("0x.example"));
        assertEquals(new HostForm.Name("123.example"), HostForm.of("123.example"));
    }
}
