package dochooks.application.error;

/**
 * dochooks refused to start a provider call because too many are already in flight or waiting: for one
 * integration (its bulkhead is full), for all providers together (concurrent streams), or for one provider
 * host (its connection pool's waiters). 503 {@code provider-busy} with {@code Retry-After:}
 * {@link #retryAfterSeconds()}. Nothing was sent to the provider.
 */
public final class ProviderBusyException extends ApplicationException {
    private final long retryAfterSeconds;

    /** @param retryAfterSeconds when to try again, at least 1 */
    public ProviderBusyException(String message, long retryAfterSeconds) {
        super(message);
        if (retryAfterSeconds < 1) {
            throw new IllegalArgumentException("Retry-After must be at least 1 second, was " + retryAfterSeconds);
        }
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** A full bulkhead of one integration, with the default message. */
    public ProviderBusyException(long retryAfterSeconds) {
        this("too many calls to the integration's provider are in flight", retryAfterSeconds);
    }

    /** Seconds after which a new attempt may find room (the {@code Retry-After} header), at least 1. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
