package dochooks.bootstrap;

import dochooks.adapters.persistence.DatabaseConnection;
import dochooks.adapters.persistence.EncryptionKeys;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** The environment variables the system tests start dochooks with; each test adds or replaces what it needs. */
final class SystemTestEnvironment {
    /** Providers and OAuth2 servers of the tests: plain HTTP, on loopback. */
    static final Map<String, String> LOOPBACK_PROVIDERS = Map.of(
            "DOCHOOKS_ALLOW_HTTP_PROVIDERS", "true",
            "DOCHOOKS_PROVIDER_ALLOWED_CIDRS", "127.0.0.0/8");

    private SystemTestEnvironment() {
    }

    /** A server on any free port, on {@code database}, with {@code jwtSecret} and a fresh encryption key. */
    static Map<String, String> onDatabase(DatabaseConnection database, String jwtSecret) {
        Map<String, String> env = new HashMap<>();
        env.put("DOCHOOKS_HTTP_PORT", "0");
        env.put("DOCHOOKS_DATABASE_URL", databaseUrl(database));
        env.put("DOCHOOKS_JWT_SECRET", jwtSecret);
        env.put("DOCHOOKS_ENCRYPTION_KEYS", EncryptionKeys.generate().format());
        return env;
    }

    /** {@code DOCHOOKS_DATABASE_URL} for {@code database}. */
    static String databaseUrl(DatabaseConnection database) {
        return "postgresql://" + encode(database.user()) + ":" + encode(database.password()) + "@" + database.host()
                + ":" + database.port() + "/" + database.database();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
