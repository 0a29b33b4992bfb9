package dochooks.adapters.provider.resilience;

import java.util.function.LongSupplier;

/**
 * One integration's circuit breaker. Closed, it counts consecutive provider faults (a call that reached the
 * provider and got any other outcome resets the count); at the threshold it opens for a fixed time, during
 * which every call is refused. Then the first call is let through as the one probe (others are refused while
 * it runs): its success closes the breaker, a provider fault opens it again. A probe that has not reported
 * within its lease (an upload fed slowly by its user, say) no longer blocks: the next call probes as well, and
 * whichever reports first decides.
 *
 * <p>Outcomes of calls admitted in an earlier period (before it opened or closed) are ignored: a slow call
 * started before the breaker opened says nothing about the provider now. Thread-safe: calls may come from any
 * event loop.
 */
final class CircuitBreaker {
    /** A call let through; report its outcome with {@link #record}. */
    record Admission(long period, boolean probe) {
    }

    private final int failureThreshold;
    private final long openNanos;
    private final long probeLeaseNanos;
    private final LongSupplier nanoClock;
    private BreakerState state = BreakerState.CLOSED;
    private long period;
    private int consecutiveFailures;
    private long openUntilNanos;
    private long probeStartedNanos;
    private long timesOpened;
    private long refusedCalls;

    /**
     * @param probeLeaseMillis how long one probe may run before another call may probe too (the provider
     *                         timeout: any JSON call has its outcome by then)
     */
    CircuitBreaker(int failureThreshold, long openMillis, long probeLeaseMillis, LongSupplier nanoClock) {
        this.failureThreshold = failureThreshold;
        this.openNanos = openMillis * 1_000_000L;
        this.probeLeaseNanos = probeLeaseMillis * 1_000_000L;
        this.nanoClock = nanoClock;
    }

    /**
     * A cheap look before a call queues for a permit: 0 when the breaker may let it through, else the seconds to
     * announce in {@code Retry-After} (the call is counted as refused).
     */
    synchronized long refusal() {
        long now = nanoClock.getAsLong();
        boolean refused = (state == BreakerState.HALF_OPEN && now - probeStartedNanos < probeLeaseNanos)
                || (state == BreakerState.OPEN && now - openUntilNanos < 0);
        if (!refused) {
            return 0;
        }
        refusedCalls++;
        return retryAfterSeconds();
    }

    /** Lets a call through (possibly as the probe), or null when it is refused (see {@link #retryAfterSeconds}). */
    synchronized Admission admit() {
        if (state == BreakerState.CLOSED) {
            return new Admission(period, false);
        }
        long now = nanoClock.getAsLong();
        boolean probeDue = state == BreakerState.OPEN ? now - openUntilNanos >= 0
                : now - probeStartedNanos >= probeLeaseNanos;
        if (probeDue) {
            state = BreakerState.HALF_OPEN;
            probeStartedNanos = now;
            return new Admission(period, true);
        }
        refusedCalls++;
        return null;
    }

    /**
     * Reports the outcome of an admitted call: whether it failed in a way that is the provider's fault.
     *
     * @return the state the breaker changed to because of it ({@code OPEN} or {@code CLOSED}), or null
     */
    synchronized BreakerState record(Admission admission, boolean providerFault) {
        if (admission.period() != period) {
            return null;
        }
        if (admission.probe()) {
            if (providerFault) {
                open();
                return BreakerState.OPEN;
            }
            state = BreakerState.CLOSED;
            consecutiveFailures = 0;
            period++;
            return BreakerState.CLOSED;
        }
        if (state != BreakerState.CLOSED) {
            return null;
        }
        if (!providerFault) {
            consecutiveFailures = 0;
        } else if (++consecutiveFailures >= failureThreshold) {
            open();
            return BreakerState.OPEN;
        }
        return null;
    }

    /** Whether calls go through unhindered (retries are made only then). */
    synchronized boolean isClosed() {
        return state == BreakerState.CLOSED;
    }

    /** Seconds until a call may go through again: the rest of the open time, or 1 while a probe runs; at least 1. */
    synchronized long retryAfterSeconds() {
        if (state != BreakerState.OPEN) {
            return 1;
        }
        long remaining = openUntilNanos - nanoClock.getAsLong();
        return Math.max(1, (remaining + 999_999_999L) / 1_000_000_000L);
    }

    /** The state as a reader of metrics sees it: open with its time over is half-open (the next call probes). */
    synchronized BreakerState state() {
        if (state == BreakerState.OPEN && nanoClock.getAsLong() - openUntilNanos >= 0) {
            return BreakerState.HALF_OPEN;
        }
        return state;
    }

    synchronized int consecutiveFailures() {
        return consecutiveFailures;
    }

    synchronized long timesOpened() {
        return timesOpened;
    }

    synchronized long refusedCalls() {
        return refusedCalls;
    }

    private void open() {
        state = BreakerState.OPEN;
        openUntilNanos = nanoClock.getAsLong() + openNanos;
        timesOpened++;
        period++;
    }
}
