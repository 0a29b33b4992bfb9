package dochooks.adapters.provider.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dochooks.application.error.ProviderErrorException;
import dochooks.application.error.ProviderNotFoundException;
import dochooks.application.error.ProviderTimeoutException;
import dochooks.application.error.ProviderUnreachableException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The waits between attempts (the attempts themselves run against a real provider in the IT). */
class ReadRetriesTest {
    private final AtomicReference<Double> random = new AtomicReference<>(0.0);
    private final ReadRetries retries = new ReadRetries(null, 2, 200, 3_000, random::get);

    @Test
    void backsOffExponentiallyWithJitterBetweenHalfAndAllOfTheStep() {
        ProviderUnreachableException refused = new ProviderUnreachableException("refused");
        random.set(0.0);
        assertEquals(100, retries.delayBeforeRetry(1, refused));
        assertEquals(200, retries.delayBeforeRetry(2, refused));
        random.set(0.999_999);
        assertEquals(200, retries.delayBeforeRetry(1, refused));
        assertEquals(400, retries.delayBeforeRetry(2, refused));
        random.set(0.5);
        assertEquals(150, retries.delayBeforeRetry(1, refused));
    }

    @Test
    void retriesAtMostTheLimit() {
        assertEquals(-1, retries.delayBeforeRetry(3, new ProviderErrorException(503, null)));
        ReadRetries none = new ReadRetries(null, 0, 200, 3_000, random::get);
        assertEquals(-1, none.delayBeforeRetry(1, new ProviderErrorException(503, null)));
    }

    @Test
    void retriesOnlyTransientFailures() {
        assertEquals(-1, retries.delayBeforeRetry(1, new ProviderTimeoutException("slow")));
        assertEquals(-1, retries.delayBeforeRetry(1, new ProviderErrorException(500, null)));
        assertEquals(-1, retries.delayBeforeRetry(1, new ProviderNotFoundException("gone")));
    }

    @Test
    void waitsForTheProvidersRetryAfterWhenLongerThanTheBackoff() {
        random.set(0.0);
        assertEquals(2_000, retries.delayBeforeRetry(1, new ProviderErrorException(503, null, Duration.ofSeconds(2))));
        assertEquals(100, retries.delayBeforeRetry(1, new ProviderErrorException(503, null, Duration.ZERO)));
        assertEquals(3_000, retries.delayBeforeRetry(2, new ProviderErrorException(503, null, Duration.ofSeconds(3))));
    }

    @Test
    void doesNotRetryWhenTheProviderAsksForLongerThanTheCap() {
        assertEquals(-1, retries.delayBeforeRetry(1, new ProviderErrorException(503, null, Duration.ofMillis(3_001))));
        assertEquals(-1, retries.delayBeforeRetry(1, new ProviderErrorException(429, null, Duration.ofSeconds(1))),
                "a 429 is not retried, whatever it says");
    }
}
