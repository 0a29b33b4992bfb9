package dochooks.bootstrap;

import dochooks.adapters.persistence.DatabaseConnection;
import dochooks.adapters.persistence.EncryptionKeys;
import dochooks.adapters.provider.ConnectionLimits;
import dochooks.adapters.provider.ProviderSettings;
import dochooks.adapters.provider.ResilienceSettings;
import dochooks.adapters.provider.egress.EgressPolicy;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The server's configuration, read from the environment variables of api.md section 8 and those of the
 * provider adapter's limits and protections ({@link ConnectionLimits}, {@link ResilienceSettings}). Every
 * malformed value is reported at once, one clear line each, and never with the value of a secret variable.
 *
 * @param providerSettings the provider adapter's settings: the egress policy and timeout above, and every
 *                         limit and protection read from the environment
 * @param databasePoolSize connections the database pool keeps at most (its wait queue holds 32 requests per
 *                         connection; beyond, 503 {@code database-unavailable})
 */
public record Config(
        String httpHost,
        int httpPort,
        String publicBaseUrl,
        Path dataDir,
        Optional<DatabaseConnection> database,
        Optional<String> jwtSecret,
        Optional<EncryptionKeys> encryptionKeys,
        String providerAllowedCidrs,
        boolean allowHttpProviders,
        Optional<String> oauthReturnUrl,
        int providerTimeoutMs,
        boolean metricsPerIntegration,
        ProviderSettings providerSettings,
        int databasePoolSize) {

    public static final int MIN_JWT_SECRET_BYTES = 32;

    /** The provider adapter's variables beyond the egress policy and the timeout, which are read here. */
    static final List<String> PROVIDER_LIMIT_VARIABLES = List.of(
            ConnectionLimits.MAX_JSON_BYTES_VARIABLE,
            ConnectionLimits.MAX_CONNECTIONS_PER_HOST_VARIABLE,
            ConnectionLimits.MAX_POOL_WAITERS_VARIABLE,
            ResilienceSettings.MAX_CONCURRENT_CALLS_VARIABLE,
            ResilienceSettings.MAX_QUEUED_CALLS_VARIABLE,
            ResilienceSettings.MAX_QUEUE_WAIT_VARIABLE,
            ResilienceSettings.MAX_CONCURRENT_STREAMS_VARIABLE,
            ResilienceSettings.BREAKER_FAILURE_THRESHOLD_VARIABLE,
            ResilienceSettings.BREAKER_OPEN_VARIABLE,
            ResilienceSettings.MAX_RETRIES_VARIABLE,
            ResilienceSettings.RETRY_BASE_DELAY_VARIABLE,
            ResilienceSettings.MAX_RETRY_AFTER_VARIABLE);

    public boolean usesEmbeddedDatabase() {
        return database.isEmpty();
    }

    @Override
    public String toString() {
        return "Config[httpHost=" + httpHost + ", httpPort=" + httpPort + ", publicBaseUrl=" + publicBaseUrl + ", dataDir=" + dataDir
                + ", database=" + database.map(Object::toString).orElse("embedded")
                + ", jwtSecret=" + (jwtSecret.isPresent() ? "****" : "generated")
                + ", encryptionKeys=" + encryptionKeys.map(Object::toString).orElse("generated")
                + ", providerAllowedCidrs=" + providerAllowedCidrs + ", allowHttpProviders=" + allowHttpProviders
                + ", providerTimeoutMs=" + providerTimeoutMs + ", oauthReturnUrl=" + oauthReturnUrl.orElse("default")
                + ", providerSettings=" + providerSettings + "]";
    }

    public static Config fromEnvironment(Map<String, String> env) {
        Reader reader = new Reader(env);
        String host = reader.read("DOCHOOKS_HTTP_HOST", "0.0.0.0", Config::host);
        int port = reader.read("DOCHOOKS_HTTP_PORT", "8080", Config::port);
        String publicBaseUrl = reader.read("DOCHOOKS_PUBLIC_BASE_URL", "http://localhost:" + port,
                value -> httpUrl(value, false));
        Path dataDir = reader.read("DOCHOOKS_DATA_DIR", "./data", value -> {
            require(!value.isBlank(), "must be a directory path");
            return Path.of(value).toAbsolutePath().normalize();
        });
        // the URL may hold a password: its value is never echoed in an error line
        Optional<DatabaseConnection> database = reader.optionalSecret("DOCHOOKS_DATABASE_URL", DatabaseConnection::fromUrl);
        Optional<String> jwtSecret = reader.optionalSecret("DOCHOOKS_JWT_SECRET", value -> {
            require(value.getBytes(StandardCharsets.UTF_8).length >= MIN_JWT_SECRET_BYTES,
                    "must be at least " + MIN_JWT_SECRET_BYTES + " bytes");
            return value;
        });
        Optional<EncryptionKeys> keys = reader.optionalSecret("DOCHOOKS_ENCRYPTION_KEYS", EncryptionKeys::parse);
        if (env.get("DOCHOOKS_DATABASE_URL") != null && !env.get("DOCHOOKS_DATABASE_URL").isEmpty()) {
            reader.requirePresent("DOCHOOKS_JWT_SECRET", "is required when DOCHOOKS_DATABASE_URL is set, so that all instances agree");
            reader.requirePresent("DOCHOOKS_ENCRYPTION_KEYS", "is required when DOCHOOKS_DATABASE_URL is set");
        }
        String cidrs = reader.read(ProviderSettings.ALLOWED_CIDRS_VARIABLE, "", value -> {
            EgressPolicy.allowing(value); // a malformed block is reported with the other malformed values
            return value;
        });
        boolean allowHttp = reader.read("DOCHOOKS_ALLOW_HTTP_PROVIDERS", "false", Config::bool);
        Optional<String> returnUrl = reader.optional("DOCHOOKS_OAUTH_RETURN_URL", value -> httpUrl(value, true));
        int timeout = reader.read(ProviderSettings.TIMEOUT_VARIABLE, "30000", value -> {
            int ms = integer(value);
            require(ms >= 1 && ms <= 600_000, "must be an integer from 1 to 600000");
            return ms;
        });
        boolean perIntegration = reader.read("DOCHOOKS_METRICS_PER_INTEGRATION", "false", Config::bool);
        int poolSize = reader.read("DOCHOOKS_DATABASE_POOL_SIZE", "16", value -> {
            int size = integer(value);
            require(size >= 1 && size <= 256, "must be an integer from 1 to 256");
            return size;
        });
        for (String variable : PROVIDER_LIMIT_VARIABLES) {
            reader.checkProviderVariable(variable);
        }
        reader.throwIfAny();
        ProviderSettings provider = reader.providerSettings();
        reader.throwIfAny();
        return new Config(host, port, publicBaseUrl, dataDir, database, jwtSecret, keys, cidrs, allowHttp, returnUrl,
                timeout, perIntegration, provider, poolSize);
    }

    /** An address to bind: an IP literal or a host name (e.g. {@code 127.0.0.1} to serve this machine only). */
    private static String host(String value) {
        require(value.matches("[A-Za-z0-9.:-]{1,253}"), "must be an IP address or a host name, e.g. 127.0.0.1");
        return value;
    }

    private static int port(String value) {
        int port = integer(value);
        require(port >= 0 && port <= 65535, "must be an integer from 0 to 65535");
        return port;
    }

    private static int integer(String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be an integer");
        }
    }

    private static boolean bool(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("must be true or false");
        };
    }

    private static String httpUrl(String value, boolean queryAllowed) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            require((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null,
                    "must be an absolute http or https URL");
            require(uri.getRawFragment() == null, "must not contain a fragment");
            require(queryAllowed || uri.getRawQuery() == null, "must not contain a query");
            return value.endsWith("/") && !queryAllowed ? value.substring(0, value.length() - 1) : value;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("must be an absolute http or https URL");
        }
    }

    private static void require(boolean condition, String rule) {
        if (!condition) {
            throw new IllegalArgumentException(rule);
        }
    }

    /** Reads variables, collecting one line per malformed value. */
    private static final class Reader {
        private final Map<String, String> env;
        private final List<String> errors = new ArrayList<>();

        Reader(Map<String, String> env) {
            this.env = env;
        }

        <T> T read(String name, String defaultValue, Function<String, T> parser) {
            String value = env.get(name);
            if (value == null || value.isEmpty()) {
                return parser.apply(defaultValue);
            }
            return parse(name, value, parser, true).orElseGet(() -> parser.apply(defaultValue));
        }

        <T> Optional<T> optional(String name, Function<String, T> parser) {
            String value = env.get(name);
            return value == null || value.isEmpty() ? Optional.empty() : parse(name, value, parser, true);
        }

        <T> Optional<T> optionalSecret(String name, Function<String, T> parser) {
            String value = env.get(name);
            return value == null || value.isEmpty() ? Optional.empty() : parse(name, value, parser, false);
        }

        /**
         * Checks one of the provider adapter's variables alone, through the adapter's own reading of it, so
         * that each malformed one is a line of its own (the adapter stops at the first).
         */
        void checkProviderVariable(String name) {
            String value = env.get(name);
            if (value == null || value.isBlank()) {
                return;
            }
            try {
                ProviderSettings.fromEnvironment(Map.of(name, value));
            } catch (IllegalArgumentException malformed) {
                errors.add(malformed.getMessage());
            }
        }

        /** Every provider variable read by the adapter, once each was found well-formed on its own. */
        ProviderSettings providerSettings() {
            try {
                return ProviderSettings.fromEnvironment(env);
            } catch (IllegalArgumentException malformed) {
                errors.add(malformed.getMessage());
                return null;
            }
        }

        void requirePresent(String name, String rule) {
            String value = env.get(name);
            if (value == null || value.isEmpty()) {
                errors.add(name + " " + rule);
            }
        }

        private <T> Optional<T> parse(String name, String value, Function<String, T> parser, boolean showValue) {
            try {
                return Optional.of(parser.apply(value));
            } catch (IllegalArgumentException e) {
                errors.add(name + " " + e.getMessage() + (showValue ? " (was \"" + value + "\")" : ""));
                return Optional.empty();
            }
        }

        void throwIfAny() {
            if (!errors.isEmpty()) {
                throw new ConfigException(errors);
            }
        }
    }
}
