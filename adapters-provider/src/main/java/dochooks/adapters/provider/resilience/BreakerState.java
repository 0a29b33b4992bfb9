package dochooks.adapters.provider.resilience;

/** The state of an integration's circuit breaker. */
public enum BreakerState {
    /** Calls go through; consecutive provider failures are counted. */
    CLOSED,
    /** Calls fail fast with {@code provider-circuit-open} until the open time is over. */
    OPEN,
    /** The open time is over: the next call goes through as a probe, and its outcome closes or reopens. */
    HALF_OPEN
}
