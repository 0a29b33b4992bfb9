package dochooks.adapters.provider;

import dochooks.adapters.provider.egress.EgressPolicy;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * The operator's settings for outbound calls: the egress policy ({@code DOCHOOKS_PROVIDER_ALLOWED_CIDRS},
 * default none) and the timeout ({@code DOCHOOKS_PROVIDER_TIMEOUT_MS}, default 30000): connect timeout, idle
 * timeout of streams, total deadline of JSON answers.
 */
public record ProviderSettings(EgressPolicy egressPolicy, Duration timeout) {
    public static final String ALLOWED_CIDRS_VARIABLE = "DOCHOOKS_PROVIDER_ALLOWED_CIDRS";
    public static final String TIMEOUT_VARIABLE = "DOCHOOKS_PROVIDER_TIMEOUT_MS";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(30_000);

    public ProviderSettings {
        Objects.requireNonNull(egressPolicy, "egressPolicy");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.toMillis() < 1 || timeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("the provider timeout must be 1 to " + Integer.MAX_VALUE + " ms");
        }
    }

    /**
     * Reads both variables.
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
        String timeout = environment.get(TIMEOUT_VARIABLE);
        if (timeout == null || timeout.isBlank()) {
            return new ProviderSettings(policy, DEFAULT_TIMEOUT);
        }
        String digits = timeout.strip();
        if (digits.length() > 10 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')
                || Long.parseLong(digits) < 1 || Long.parseLong(digits) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(TIMEOUT_VARIABLE + ": '" + timeout
                    + "' is not a number of milliseconds from 1 to " + Integer.MAX_VALUE);
        }
        return new ProviderSettings(policy, Duration.ofMillis(Long.parseLong(digits)));
    }
}
