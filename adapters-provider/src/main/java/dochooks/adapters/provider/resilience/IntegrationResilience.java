package dochooks.adapters.provider.resilience;

import dochooks.domain.integration.IntegrationId;

/**
 * A snapshot of one integration's protections, for metrics. Counters run from the start of the process.
 *
 * @param integration         the integration
 * @param breaker             its circuit breaker's state
 * @param consecutiveFailures provider faults in a row counted by the breaker
 * @param timesOpened         how often the breaker opened
 * @param refusedByBreaker    calls refused with {@code provider-circuit-open}
 * @param callsInFlight       calls holding a permit of the bulkhead (streams until they end)
 * @param callsQueued         calls waiting for one
 * @param refusedAsBusy       calls refused with {@code provider-busy} by the bulkhead (queue full or wait over)
 * @param retries             retries of reads made
 */
public record IntegrationResilience(IntegrationId integration, BreakerState breaker, int consecutiveFailures,
        long timesOpened, long refusedByBreaker, int callsInFlight, int callsQueued, long refusedAsBusy,
        long retries) {
}
