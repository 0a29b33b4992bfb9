package dochooks.adapters.provider;

import java.util.Map;

/**
 * Memory and connection bounds of the outbound client: the largest answer read into memory (JSON answers,
 * error bodies), the connections kept per provider host, and how many requests may wait for one of them
 * (beyond that a call fails at once with {@link dochooks.application.error.ProviderBusyException}).
 *
 * @param maxJsonBytes          {@value #MAX_JSON_BYTES_VARIABLE}, default 16 MiB
 * @param maxConnectionsPerHost {@value #MAX_CONNECTIONS_PER_HOST_VARIABLE}, default 64 (as many as one
 *                              integration may have calls in flight, so its own pool never makes it wait)
 * @param maxPoolWaiters        {@value #MAX_POOL_WAITERS_VARIABLE}, default 256 per host
 */
public record ConnectionLimits(int maxJsonBytes, int maxConnectionsPerHost, int maxPoolWaiters) {
    public static final String MAX_JSON_BYTES_VARIABLE = "DOCHOOKS_PROVIDER_MAX_JSON_BYTES";
    public static final String MAX_CONNECTIONS_PER_HOST_VARIABLE = "DOCHOOKS_PROVIDER_MAX_CONNECTIONS_PER_HOST";
    public static final String MAX_POOL_WAITERS_VARIABLE = "DOCHOOKS_PROVIDER_MAX_POOL_WAITERS";

    static final int MIN_JSON_BYTES = 1024;
    static final int MAX_JSON_BYTES = 1024 * 1024 * 1024;
    static final int MAX_CONNECTIONS = 10_000;
    static final int MAX_WAITERS = 100_000;

    public static final ConnectionLimits DEFAULTS = new ConnectionLimits(16 * 1024 * 1024, 64, 256);

    public ConnectionLimits {
        requireRange("maxJsonBytes", maxJsonBytes, MIN_JSON_BYTES, MAX_JSON_BYTES);
        requireRange("maxConnectionsPerHost", maxConnectionsPerHost, 1, MAX_CONNECTIONS);
        requireRange("maxPoolWaiters", maxPoolWaiters, 0, MAX_WAITERS);
    }

    /** Reads the three variables; unset or blank ones take the default. */
    public static ConnectionLimits fromEnvironment(Map<String, String> environment) {
        return new ConnectionLimits(
                EnvironmentNumbers.readInt(environment, MAX_JSON_BYTES_VARIABLE, DEFAULTS.maxJsonBytes(),
                        MIN_JSON_BYTES, MAX_JSON_BYTES, "bytes"),
                EnvironmentNumbers.readInt(environment, MAX_CONNECTIONS_PER_HOST_VARIABLE,
                        DEFAULTS.maxConnectionsPerHost(), 1, MAX_CONNECTIONS, "connections"),
                EnvironmentNumbers.readInt(environment, MAX_POOL_WAITERS_VARIABLE, DEFAULTS.maxPoolWaiters(), 0,
                        MAX_WAITERS, "waiting requests"));
    }

    static void requireRange(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be " + min + " to " + max + ", was " + value);
        }
    }
}
