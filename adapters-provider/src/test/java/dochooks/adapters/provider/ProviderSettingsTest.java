package dochooks.adapters.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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

    @Test
    void defaultsOfLimitsAndResilience() {
        ProviderSettings settings = ProviderSettings.fromEnvironment(Map.of());
        assertEquals(new ConnectionLimits(16 * 1024 * 1024, 64, 256), settings.limits());
        assertEquals(new ResilienceSettings(64, 64, Duration.ofSeconds(5), 256, 5, Duration.ofSeconds(30), 2,
                Duration.ofMillis(200), Duration.ofSeconds(5)), settings.resilience());
        assertEquals(settings, new ProviderSettings(settings.egressPolicy(), settings.timeout()));
    }

    @Test
    void readsEveryLimitAndResilienceVariable() {
        Map<String, String> environment = new HashMap<>();
        environment.put("DOCHOOKS_PROVIDER_MAX_JSON_BYTES", "2048");
        environment.put("DOCHOOKS_PROVIDER_MAX_CONNECTIONS_PER_HOST", "8");
        environment.put("DOCHOOKS_PROVIDER_MAX_POOL_WAITERS", "0");
        environment.put("DOCHOOKS_PROVIDER_MAX_CONCURRENT_CALLS", "10");
        environment.put("DOCHOOKS_PROVIDER_MAX_QUEUED_CALLS", "0");
        environment.put("DOCHOOKS_PROVIDER_MAX_QUEUE_WAIT_MS", "750");
        environment.put("DOCHOOKS_PROVIDER_MAX_CONCURRENT_STREAMS", "12");
        environment.put("DOCHOOKS_PROVIDER_BREAKER_FAILURE_THRESHOLD", "3");
        environment.put("DOCHOOKS_PROVIDER_BREAKER_OPEN_MS", "1500");
        environment.put("DOCHOOKS_PROVIDER_MAX_RETRIES", "0");
        environment.put("DOCHOOKS_PROVIDER_RETRY_BASE_DELAY_MS", "50");
        environment.put("DOCHOOKS_PROVIDER_MAX_RETRY_AFTER_MS", "0");
        ProviderSettings settings = ProviderSettings.fromEnvironment(environment);
        assertEquals(new ConnectionLimits(2048, 8, 0), settings.limits());
        assertEquals(new ResilienceSettings(10, 0, Duration.ofMillis(750), 12, 3, Duration.ofMillis(1500), 0,
                Duration.ofMillis(50), Duration.ZERO), settings.resilience());
    }

    @ParameterizedTest
    @CsvSource({
        "DOCHOOKS_PROVIDER_MAX_CONCURRENT_CALLS, 0",
        "DOCHOOKS_PROVIDER_MAX_CONCURRENT_CALLS, many",
        "DOCHOOKS_PROVIDER_MAX_QUEUED_CALLS, -1",
        "DOCHOOKS_PROVIDER_MAX_QUEUE_WAIT_MS, 0",
        "DOCHOOKS_PROVIDER_MAX_CONCURRENT_STREAMS, 1e3",
        "DOCHOOKS_PROVIDER_BREAKER_FAILURE_THRESHOLD, 0",
        "DOCHOOKS_PROVIDER_BREAKER_OPEN_MS, 30s",
        "DOCHOOKS_PROVIDER_MAX_RETRIES, 3",
        "DOCHOOKS_PROVIDER_RETRY_BASE_DELAY_MS, 0",
        "DOCHOOKS_PROVIDER_MAX_RETRY_AFTER_MS, 99999999999999999999",
        "DOCHOOKS_PROVIDER_MAX_JSON_BYTES, 100",
        "DOCHOOKS_PROVIDER_MAX_CONNECTIONS_PER_HOST, 0",
        "DOCHOOKS_PROVIDER_MAX_POOL_WAITERS, lots"
    })
    void aMalformedOrOutOfRangeValueIsOneLineNamingItsVariable(String variable, String value) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ProviderSettings.fromEnvironment(Map.of(variable, value)));
        assertTrue(error.getMessage().startsWith(variable + ": '" + value + "' is not a number of "),
                error.getMessage());
        assertFalse(error.getMessage().contains("\n"));
    }
}
