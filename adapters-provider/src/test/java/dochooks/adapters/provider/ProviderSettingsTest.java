package dochooks.adapters.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProviderSettingsTest {

    @Test
    void defaultsToAStrictPolicyAnd30Seconds() throws Exception {
        ProviderSettings settings = ProviderSettings.fromEnvironment(Map.of());
        assertEquals(Duration.ofMillis(30_000), settings.timeout());
        assertFalse(settings.egressPolicy().permits(InetAddress.getByAddress(new byte[] {127, 0, 0, 1})));
    }

    @Test
    void readsBothVariables() throws Exception {
        ProviderSettings settings = ProviderSettings.fromEnvironment(Map.of(
                "DOCHOOKS_PROVIDER_ALLOWED_CIDRS", "127.0.0.0/8", "DOCHOOKS_PROVIDER_TIMEOUT_MS", " 1500 "));
        assertEquals(Duration.ofMillis(1500), settings.timeout());
        assertTrue(settings.egressPolicy().permits(InetAddress.getByAddress(new byte[] {127, 0, 0, 1})));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "0", "-5", "1.5", "99999999999", "30s"})
    void aMalformedTimeoutNamesItsVariable(String timeout) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ProviderSettings.fromEnvironment(Map.of("DOCHOOKS_PROVIDER_TIMEOUT_MS", timeout)));
        assertTrue(error.getMessage().startsWith("DOCHOOKS_PROVIDER_TIMEOUT_MS: "), error.getMessage());
    }

    @Test
    void aMalformedBlockNamesItsVariable() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ProviderSettings.fromEnvironment(Map.of("DOCHOOKS_PROVIDER_ALLOWED_CIDRS", "10.0.0.0/40")));
        assertTrue(error.getMessage().startsWith("DOCHOOKS_PROVIDER_ALLOWED_CIDRS: '10.0.0.0/40'"), error.getMessage());
    }
}
