package dochooks.adapters.provider.resilience;

import dochooks.application.error.ProviderErrorException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * Retries of reads ({@link ProviderFaults#isRetryable retryable failures} only), waiting on Vert.x timers:
 * retry {@code n} waits a random 50–100 % of {@code baseDelay * 2^(n-1)} (jitter, so that many callers failed
 * together do not return together), or the provider's {@code Retry-After} when longer. A {@code Retry-After}
 * longer than the cap means no retry: the caller would wait more than a call may take.
 */
final class ReadRetries {
    private final Vertx vertx;
    private final int maxRetries;
    private final long baseDelayMs;
    private final long maxRetryAfterMs;
    private final DoubleSupplier random;

    /**
     * @param maxRetryAfterMs the longest provider {@code Retry-After} waited for
     * @param random          values in [0, 1) for the jitter
     */
    ReadRetries(Vertx vertx, int maxRetries, long baseDelayMs, long maxRetryAfterMs, DoubleSupplier random) {
        this.vertx = vertx;
        this.maxRetries = maxRetries;
        this.baseDelayMs = baseDelayMs;
        this.maxRetryAfterMs = maxRetryAfterMs;
        this.random = random;
    }

    /**
     * Runs {@code attempt}, and again after a retryable failure while {@code mayRetry} holds, up to the limit;
     * {@code onRetry} runs before each retry. Fails with the last attempt's failure.
     */
    <T> Future<T> run(Supplier<Future<T>> attempt, BooleanSupplier mayRetry, Runnable onRetry) {
        Promise<T> result = Promise.promise();
        attempt(1, attempt, mayRetry, onRetry, result);
        return result.future();
    }

    /** How long to wait before retry number {@code retry} (1-based) after {@code failure}; -1: do not retry. */
    long delayBeforeRetry(int retry, Throwable failure) {
        if (retry > maxRetries || !ProviderFaults.isRetryable(failure)) {
            return -1;
        }
        long backoff = baseDelayMs << (retry - 1);
        long half = backoff / 2;
        long delay = half + (long) (random.getAsDouble() * (backoff - half + 1));
        if (failure instanceof ProviderErrorException error && error.retryAfter().isPresent()) {
            Duration asked = error.retryAfter().get();
            if (asked.toMillis() > maxRetryAfterMs) {
                return -1;
            }
            delay = Math.max(delay, asked.toMillis());
        }
        return delay;
    }

    private <T> void attempt(int number, Supplier<Future<T>> attempt, BooleanSupplier mayRetry, Runnable onRetry,
            Promise<T> result) {
        Attempts.start(attempt).onComplete(outcome -> {
            if (outcome.succeeded()) {
                result.complete(outcome.result());
                return;
            }
            long delay = delayBeforeRetry(number, outcome.cause());
            if (delay < 0 || !mayRetry.getAsBoolean()) {
                result.fail(outcome.cause());
                return;
            }
            onRetry.run();
            vertx.setTimer(Math.max(1, delay), id -> attempt(number + 1, attempt, mayRetry, onRetry, result));
        });
    }
}
