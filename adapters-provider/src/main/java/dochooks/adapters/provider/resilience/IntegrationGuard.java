package dochooks.adapters.provider.resilience;

import dochooks.domain.integration.IntegrationId;
import java.util.concurrent.atomic.AtomicLong;

/** The protections of one integration: its bulkhead, its circuit breaker, and a count of retries. */
final class IntegrationGuard {
    final IntegrationId id;
    final Bulkhead bulkhead;
    final CircuitBreaker breaker;
    private final AtomicLong retries = new AtomicLong();

    IntegrationGuard(IntegrationId id, Bulkhead bulkhead, CircuitBreaker breaker) {
        this.id = id;
        this.bulkhead = bulkhead;
        this.breaker = breaker;
    }

    void countRetry() {
        retries.incrementAndGet();
    }

    IntegrationResilience snapshot() {
        return new IntegrationResilience(id, breaker.state(), breaker.consecutiveFailures(), breaker.timesOpened(),
                breaker.refusedCalls(), bulkhead.inFlight(), bulkhead.queued(), bulkhead.refusedCalls(),
                retries.get());
    }
}
