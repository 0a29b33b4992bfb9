package dochooks.application.error;

/**
 * The integration's provider failed repeatedly (timeouts, unreachable, 502/503/504), so dochooks stopped
 * calling it for a while: 503 {@code provider-circuit-open} with {@code Retry-After:}
 * {@link #retryAfterSeconds()}. Nothing was sent to the provider.
 */
public final class ProviderCircuitOpenException extends ApplicationException {
    private final long retryAfterSeconds;

    /** @param retryAfterSeconds when the provider will be tried again, at least 1 */
    public ProviderCircuitOpenException(long retryAfterSeconds) {
        super("the integration's provider failed repeatedly; calls are paused for " + retryAfterSeconds + " s");
        if (retryAfterSeconds < 1) {
            throw new IllegalArgumentException("Retry-After must be at least 1 second, was " + retryAfterSeconds);
        }
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Seconds until dochooks lets a call through to the provider again (the {@code Retry-After} header). */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
