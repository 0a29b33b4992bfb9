package dochooks.adapters.provider;

import dochooks.adapters.provider.egress.EgressPolicy;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * The operator's settings for outbound calls: the egress policy ({@code DOCHOOKS_PROVIDER_ALLOWED_CIDRS},
 * default none), the timeout ({@code DOCHOOKS_PROVIDER_TIMEOUT_MS}, default 30000: connect timeout, idle
 * timeout of streams, total deadline of JSON answers), the client's memory and connection bounds
 * ({@link ConnectionLimits}) and the per-integration protections ({@link ResilienceSettings}).
 */
public record ProviderSettings(EgressPolicy egressPolicy, Duration timeout, ConnectionLimits limits,
        ResilienceSettings resilience) {
    public static final String ALLOWED_CIDRS_VARIABLE = "DOCHOOKS_PROVIDER_ALLOWED_CIDRS";
    public static final String TIMEOUT_VARIABLE = "DOCHOOKS_PROVIDER_TIMEOUT_MS";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(30_000);

    public ProviderSettings {
        Objects.requireNonNull(egressPolicy, "egressPolicy");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(resilience, "resilience");
        if (timeout.toMillis() < 1 || timeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("the provider timeout must be 1 to " + Integer.MAX_VALUE + " ms");
        }
    }

    /** With the default limits and resilience settings. */
    public ProviderSettings(EgressPolicy egressPolicy, Duration timeout) {
        this(egressPolicy, timeout, ConnectionLimits.DEFAULTS, ResilienceSettings.DEFAULTS);
    }

    /** These settings with other resilience settings. */
    public ProviderSettings withResilience(ResilienceSettings other) {
        return new ProviderSettings(egressPolicy, timeout, limits, other);
    }

    /** These settings with other connection limits. */
    public ProviderSettings withLimits(ConnectionLimits other) {
        return new ProviderSettings(egressPolicy, timeout, other, resilience);
    }

    /**
     * Reads every variable of the provider adapter (these two, {@link ConnectionLimits} and
     * {@link ResilienceSettings}); unset or blank ones take their defaults.
     *
     * @throws IllegalArgumentException with one line naming the malformed variable and why
     */
    public static ProviderSettings fromEnvironment(Map<String, String> environment) {
        EgressPolicy policy;
        try {
            policy = EgressPolicy.allowing(environment.get(ALLOWED_CIDRS_VARIABLE));
        } catch (IllegalArgumentException malformed) {
            throw new IllegalArgumentException(ALLOWED_CIDRS_VARIABLE + ": " + malformed.getMessage(), malformed);
        }
        Duration timeout = Duration.ofMillis(EnvironmentNumbers.read(environment, TIMEOUT_VARIABLE,
                DEFAULT_TIMEOUT.toMillis(), 1, Integer.MAX_VALUE, "milliseconds"));
        return new ProviderSettings(policy, timeout, ConnectionLimits.fromEnvironment(environment),
                ResilienceSettings.fromEnvironment(environment));
    }
}
