package dochooks.adapters.provider;

import static dochooks.adapters.provider.ConnectionLimits.requireRange;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How dochooks protects itself and each integration from a provider that hangs or fails, per integration:
 * a bulkhead (calls in flight, a bounded wait queue, how long a call may wait in it), a cap on streams in flight
 * over all integrations, a circuit breaker (how many consecutive provider failures open it, how long it stays
 * open) and the retries of reads (how many, their base backoff, the longest provider {@code Retry-After} that
 * is waited for).
 *
 * @param maxConcurrentCalls      {@value #MAX_CONCURRENT_CALLS_VARIABLE}: calls in flight per integration
 *                                (a stream counts until it ends), default 64
 * @param maxQueuedCalls          {@value #MAX_QUEUED_CALLS_VARIABLE}: calls waiting for one of them, default 64
 * @param maxQueueWait            {@value #MAX_QUEUE_WAIT_VARIABLE}: the longest wait in that queue, default 5 s
 * @param maxConcurrentStreams    {@value #MAX_CONCURRENT_STREAMS_VARIABLE}: downloads, thumbnails and uploads
 *                                in flight over all integrations, default 256
 * @param breakerFailureThreshold {@value #BREAKER_FAILURE_THRESHOLD_VARIABLE}: consecutive provider failures
 *                                that open an integration's circuit, default 5
 * @param breakerOpenDuration     {@value #BREAKER_OPEN_VARIABLE}: how long it stays open before one probe
 *                                call is let through, default 30 s
 * @param maxRetries              {@value #MAX_RETRIES_VARIABLE}: retries of a read, 0 to 2, default 2
 * @param retryBaseDelay          {@value #RETRY_BASE_DELAY_VARIABLE}: the first retry waits 50–100 % of it,
 *                                the second 50–100 % of twice it; default 200 ms
 * @param maxRetryAfter           {@value #MAX_RETRY_AFTER_VARIABLE}: the longest provider {@code Retry-After}
 *                                honoured by a retry (a longer one: no retry), default 5 s, never more than
 *                                half the provider timeout
 */
public record ResilienceSettings(int maxConcurrentCalls, int maxQueuedCalls, Duration maxQueueWait,
        int maxConcurrentStreams, int breakerFailureThreshold, Duration breakerOpenDuration, int maxRetries,
        Duration retryBaseDelay, Duration maxRetryAfter) {
    public static final String MAX_CONCURRENT_CALLS_VARIABLE = "DOCHOOKS_PROVIDER_MAX_CONCURRENT_CALLS";
    public static final String MAX_QUEUED_CALLS_VARIABLE = "DOCHOOKS_PROVIDER_MAX_QUEUED_CALLS";
    public static final String MAX_QUEUE_WAIT_VARIABLE = "DOCHOOKS_PROVIDER_MAX_QUEUE_WAIT_MS";
    public static final String MAX_CONCURRENT_STREAMS_VARIABLE = "DOCHOOKS_PROVIDER_MAX_CONCURRENT_STREAMS";
    public static final String BREAKER_FAILURE_THRESHOLD_VARIABLE = "DOCHOOKS_PROVIDER_BREAKER_FAILURE_THRESHOLD";
    public static final String BREAKER_OPEN_VARIABLE = "DOCHOOKS_PROVIDER_BREAKER_OPEN_MS";
    public static final String MAX_RETRIES_VARIABLE = "DOCHOOKS_PROVIDER_MAX_RETRIES";
    public static final String RETRY_BASE_DELAY_VARIABLE = "DOCHOOKS_PROVIDER_RETRY_BASE_DELAY_MS";
    public static final String MAX_RETRY_AFTER_VARIABLE = "DOCHOOKS_PROVIDER_MAX_RETRY_AFTER_MS";

    /** The most retries a read ever gets (issue 5): more only multiplies the load on a struggling provider. */
    public static final int RETRY_LIMIT = 2;
    static final int MAX_CALLS = 100_000;
    static final long MAX_MILLIS = 86_400_000L;

    public static final ResilienceSettings DEFAULTS = new ResilienceSettings(64, 64, Duration.ofSeconds(5), 256, 5,
            Duration.ofSeconds(30), RETRY_LIMIT, Duration.ofMillis(200), Duration.ofSeconds(5));

    public ResilienceSettings {
        Objects.requireNonNull(maxQueueWait, "maxQueueWait");
        Objects.requireNonNull(breakerOpenDuration, "breakerOpenDuration");
        Objects.requireNonNull(retryBaseDelay, "retryBaseDelay");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        requireRange("maxConcurrentCalls", maxConcurrentCalls, 1, MAX_CALLS);
        requireRange("maxQueuedCalls", maxQueuedCalls, 0, MAX_CALLS);
        requireRange("maxQueueWait (ms)", maxQueueWait.toMillis(), 1, MAX_MILLIS);
        requireRange("maxConcurrentStreams", maxConcurrentStreams, 1, MAX_CALLS);
        requireRange("breakerFailureThreshold", breakerFailureThreshold, 1, MAX_CALLS);
        requireRange("breakerOpenDuration (ms)", breakerOpenDuration.toMillis(), 1, MAX_MILLIS);
        requireRange("maxRetries", maxRetries, 0, RETRY_LIMIT);
        requireRange("retryBaseDelay (ms)", retryBaseDelay.toMillis(), 1, MAX_MILLIS);
        requireRange("maxRetryAfter (ms)", maxRetryAfter.toMillis(), 0, MAX_MILLIS);
    }

    /** Reads every variable; unset or blank ones take the default. */
    public static ResilienceSettings fromEnvironment(Map<String, String> environment) {
        ResilienceSettings d = DEFAULTS;
        return new ResilienceSettings(
                EnvironmentNumbers.readInt(environment, MAX_CONCURRENT_CALLS_VARIABLE, d.maxConcurrentCalls(), 1,
                        MAX_CALLS, "calls"),
                EnvironmentNumbers.readInt(environment, MAX_QUEUED_CALLS_VARIABLE, d.maxQueuedCalls(), 0, MAX_CALLS,
                        "calls"),
                millis(environment, MAX_QUEUE_WAIT_VARIABLE, d.maxQueueWait(), 1),
                EnvironmentNumbers.readInt(environment, MAX_CONCURRENT_STREAMS_VARIABLE, d.maxConcurrentStreams(), 1,
                        MAX_CALLS, "streams"),
                EnvironmentNumbers.readInt(environment, BREAKER_FAILURE_THRESHOLD_VARIABLE,
                        d.breakerFailureThreshold(), 1, MAX_CALLS, "failures"),
                millis(environment, BREAKER_OPEN_VARIABLE, d.breakerOpenDuration(), 1),
                EnvironmentNumbers.readInt(environment, MAX_RETRIES_VARIABLE, d.maxRetries(), 0, RETRY_LIMIT,
                        "retries"),
                millis(environment, RETRY_BASE_DELAY_VARIABLE, d.retryBaseDelay(), 1),
                millis(environment, MAX_RETRY_AFTER_VARIABLE, d.maxRetryAfter(), 0));
    }

    private static Duration millis(Map<String, String> environment, String variable, Duration otherwise, long min) {
        return Duration.ofMillis(EnvironmentNumbers.read(environment, variable, otherwise.toMillis(), min, MAX_MILLIS,
                "milliseconds"));
    }
}
