package dochooks.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dochooks.adapters.provider.ConnectionLimits;
import dochooks.adapters.provider.ProviderSettings;
import dochooks.adapters.provider.ResilienceSettings;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigTest {

    @Test
    void defaultsToTheEmbeddedDatabaseOnPort8080() {
        Config config = Config.fromEnvironment(Map.of());
        assertEquals(8080, config.httpPort());
        assertEquals("http://localhost:8080", config.publicBaseUrl());
        assertEquals(Path.of("./data").toAbsolutePath().normalize(), config.dataDir());
        assertTrue(config.usesEmbeddedDatabase());
        assertEquals(30000, config.providerTimeoutMs());
        assertFalse(config.allowHttpProviders());
    }

    @Test
    void theDatabasePoolSizeIsConfigurableWithinBounds() {
        assertEquals(16, Config.fromEnvironment(Map.of()).databasePoolSize());
        assertEquals(40, Config.fromEnvironment(Map.of("DOCHOOKS_DATABASE_POOL_SIZE", "40")).databasePoolSize());
        ConfigException error = assertThrows(ConfigException.class,
                () -> Config.fromEnvironment(Map.of("DOCHOOKS_DATABASE_POOL_SIZE", "0")));
        assertEquals(List.of("DOCHOOKS_DATABASE_POOL_SIZE must be an integer from 1 to 256 (was \"0\")"), error.lines());
    }

    @Test
    void listensOnEveryInterfaceUnlessToldOtherwise() {
        assertEquals("0.0.0.0", Config.fromEnvironment(Map.of()).httpHost());
        assertEquals("127.0.0.1", Config.fromEnvironment(Map.of("DOCHOOKS_HTTP_HOST", "127.0.0.1")).httpHost());
        assertEquals("::1", Config.fromEnvironment(Map.of("DOCHOOKS_HTTP_HOST", "::1")).httpHost());
        ConfigException error = assertThrows(ConfigException.class,
                () -> Config.fromEnvironment(Map.of("DOCHOOKS_HTTP_HOST", "127.0.0.1 ; rm")));
        assertEquals(List.of("DOCHOOKS_HTTP_HOST must be an IP address or a host name, e.g. 127.0.0.1 (was \"127.0.0.1 ; rm\")"),
                error.lines());
    }

    @Test
    void publicBaseUrlFollowsThePortByDefault() {
        assertEquals("http://localhost:9090", Config.fromEnvironment(Map.of("DOCHOOKS_HTTP_PORT", "9090")).publicBaseUrl());
    }

    @Test
    void reportsEveryMalformedValueOnALineOfItsOwn() {
        ConfigException error = assertThrows(ConfigException.class, () -> Config.fromEnvironment(Map.of(
                "DOCHOOKS_HTTP_PORT", "eighty",
                "DOCHOOKS_ALLOW_HTTP_PROVIDERS", "yes",
                "DOCHOOKS_PROVIDER_TIMEOUT_MS", "0",
                "DOCHOOKS_PUBLIC_BASE_URL", "ftp://x")));
        assertEquals(4, error.lines().size(), error.lines().toString());
        assertTrue(error.lines().get(0).startsWith("DOCHOOKS_HTTP_PORT must be an integer"));
        assertTrue(error.lines().stream().anyMatch(l -> l.startsWith("DOCHOOKS_ALLOW_HTTP_PROVIDERS must be true or false")));
    }

    @Test
    void anExternalDatabaseNeedsTheSecretAndTheKeys() {
        ConfigException error = assertThrows(ConfigException.class, () -> Config.fromEnvironment(Map.of(
                "DOCHOOKS_DATABASE_URL", "postgresql://app:pw@db.internal:5432/dochooks")));
        assertEquals(2, error.lines().size());
        assertTrue(error.lines().get(0).startsWith("DOCHOOKS_JWT_SECRET is required"));
        assertTrue(error.lines().get(1).startsWith("DOCHOOKS_ENCRYPTION_KEYS is required"));
    }

    @Test
    void neverEchoesSecretValues() {
        ConfigException error = assertThrows(ConfigException.class, () -> Config.fromEnvironment(Map.of(
                "DOCHOOKS_JWT_SECRET", "too-short-secret",
                "DOCHOOKS_ENCRYPTION_KEYS", "k1:not-base64-key-material",
                "DOCHOOKS_DATABASE_URL", "mysql://user:hunter2@db/x")));
        String all = String.join("\n", error.lines());
        assertTrue(all.contains("DOCHOOKS_JWT_SECRET must be at least 32 bytes"), all);
        assertFalse(all.contains("too-short-secret"));
        assertFalse(all.contains("not-base64-key-material"));
        assertFalse(all.contains("hunter2"));
        assertTrue(all.contains("DOCHOOKS_ENCRYPTION_KEYS"));
        assertTrue(all.contains("DOCHOOKS_DATABASE_URL"));
    }

    @Test
    void aMalformedAllowedBlockIsReportedWithTheOtherMalformedValues() {
        ConfigException error = assertThrows(ConfigException.class, () -> Config.fromEnvironment(Map.of(
                "DOCHOOKS_PROVIDER_ALLOWED_CIDRS", "10.0.0.0/8, 300.1.2.3/8",
                "DOCHOOKS_PROVIDER_TIMEOUT_MS", "soon")));

        assertEquals(2, error.lines().size(), error.lines().toString());
        assertTrue(error.lines().get(0).startsWith("DOCHOOKS_PROVIDER_ALLOWED_CIDRS "), error.lines().get(0));
        assertTrue(error.lines().get(0).contains("300.1.2.3/8"), error.lines().get(0));
        assertTrue(error.lines().get(1).startsWith("DOCHOOKS_PROVIDER_TIMEOUT_MS must be an integer"));
    }

    @Test
    void theProviderSettingsFollowTheirVariables() throws Exception {
        ProviderSettings settings = Config.fromEnvironment(Map.of(
                "DOCHOOKS_PROVIDER_ALLOWED_CIDRS", "127.0.0.0/8",
                "DOCHOOKS_PROVIDER_TIMEOUT_MS", "2500")).providerSettings();

        assertEquals(Duration.ofMillis(2500), settings.timeout());
        assertTrue(settings.egressPolicy().permits(InetAddress.getByName("127.0.0.1")));
        assertFalse(settings.egressPolicy().permits(InetAddress.getByName("10.0.0.1")));
        assertFalse(Config.fromEnvironment(Map.of()).providerSettings().egressPolicy()
                .permits(InetAddress.getByName("127.0.0.1")), "nothing special is allowed by default");
    }

    @Test
    void theProviderLimitsAndProtectionsFollowTheirVariables() {
        ProviderSettings settings = Config.fromEnvironment(Map.of(
                "DOCHOOKS_PROVIDER_MAX_CONCURRENT_CALLS", "3",
                "DOCHOOKS_PROVIDER_BREAKER_OPEN_MS", " 1500 ",
                "DOCHOOKS_PROVIDER_MAX_RETRIES", "0",
                "DOCHOOKS_PROVIDER_MAX_JSON_BYTES", "2048")).providerSettings();

        assertEquals(3, settings.resilience().maxConcurrentCalls());
        assertEquals(Duration.ofMillis(1500), settings.resilience().breakerOpenDuration());
        assertEquals(0, settings.resilience().maxRetries());
        assertEquals(2048, settings.limits().maxJsonBytes());
        assertEquals(ResilienceSettings.DEFAULTS.maxQueuedCalls(), settings.resilience().maxQueuedCalls());
        assertEquals(ConnectionLimits.DEFAULTS, Config.fromEnvironment(Map.of()).providerSettings().limits());
    }

    @Test
    void everyMalformedProviderLimitIsALineOfItsOwnWithTheOtherMalformedValues() {
        ConfigException error = assertThrows(ConfigException.class, () -> Config.fromEnvironment(Map.of(
                "DOCHOOKS_HTTP_PORT", "eighty",
                "DOCHOOKS_PROVIDER_MAX_CONCURRENT_CALLS", "many",
                "DOCHOOKS_PROVIDER_MAX_RETRIES", "5",
                "DOCHOOKS_PROVIDER_MAX_POOL_WAITERS", "-1",
                "DOCHOOKS_PROVIDER_BREAKER_OPEN_MS", "2000")));

        List<String> lines = error.lines();
        assertEquals(4, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("DOCHOOKS_HTTP_PORT "), lines.get(0));
        for (String variable : List.of("DOCHOOKS_PROVIDER_MAX_CONCURRENT_CALLS", "DOCHOOKS_PROVIDER_MAX_RETRIES",
                "DOCHOOKS_PROVIDER_MAX_POOL_WAITERS")) {
            assertEquals(1, lines.stream().filter(line -> line.startsWith(variable)).count(), lines.toString());
        }
        assertTrue(lines.stream().noneMatch(line -> line.contains("BREAKER_OPEN")), "a well-formed one is no error");
    }

    @Test
    void theOAuthReturnUrlIsAnAbsoluteHttpUrlWhoseQueryIsKept() {
        Config config = Config.fromEnvironment(Map.of("DOCHOOKS_OAUTH_RETURN_URL", "https://app.example/done?tab=1"));
        ConfigException error = assertThrows(ConfigException.class,
                () -> Config.fromEnvironment(Map.of("DOCHOOKS_OAUTH_RETURN_URL", "/relative/page")));

        assertEquals("https://app.example/done?tab=1", config.oauthReturnUrl().orElseThrow());
        assertTrue(Config.fromEnvironment(Map.of()).oauthReturnUrl().isEmpty());
        assertTrue(error.lines().get(0).startsWith("DOCHOOKS_OAUTH_RETURN_URL must be an absolute http or https URL"),
                error.lines().toString());
    }

    @Test
    void toStringHidesTheSecret() {
        Config config = Config.fromEnvironment(Map.of("DOCHOOKS_JWT_SECRET", "a-secret-of-at-least-thirty-two-bytes!!"));
        assertFalse(config.toString().contains("a-secret-of-at-least"));
    }
}
