package dochooks.application.connection.service;

import java.time.Duration;
import java.util.Objects;

/**
 * How a refresh waits for another process's: the lease a refresher takes (longer than a token call can last,
 * so that it never runs out under a live call), how often a waiter looks at the stored connection, and how
 * many times before it gives up (504).
 */
public record RefreshSettings(Duration leaseDuration, Duration pollInterval, int maxPolls) {
    static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(100);
    /** The lease outlives the token call's deadline by this much (clock skew, database round trips). */
    static final Duration LEASE_MARGIN = Duration.ofSeconds(5);

    public RefreshSettings {
        Objects.requireNonNull(leaseDuration, "leaseDuration");
        Objects.requireNonNull(pollInterval, "pollInterval");
        if (leaseDuration.isNegative() || leaseDuration.isZero() || pollInterval.isNegative() || maxPolls < 0) {
            throw new IllegalArgumentException("the lease must be positive, the poll interval and count not negative");
        }
    }

    /**
     * For token calls that take at most {@code tokenCallTimeout} ({@code DOCHOOKS_PROVIDER_TIMEOUT_MS}): a lease
     * of that plus 5 s, polls every 100 ms for as long as a lease can last, and a little more, so that a waiter
     * outlasts a refresher that hangs until its deadline, then takes the lease over itself.
     */
    public static RefreshSettings forTokenCallTimeout(Duration tokenCallTimeout) {
        Duration lease = tokenCallTimeout.plus(LEASE_MARGIN);
        long polls = lease.toMillis() / DEFAULT_POLL_INTERVAL.toMillis() + 10;
        return new RefreshSettings(lease, DEFAULT_POLL_INTERVAL, (int) Math.min(polls, 100_000));
    }
}
