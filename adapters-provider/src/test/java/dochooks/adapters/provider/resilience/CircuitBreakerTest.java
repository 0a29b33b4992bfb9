package dochooks.adapters.provider.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The breaker's rules on a clock the test moves by hand. */
class CircuitBreakerTest {
    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong now = new AtomicLong(42 * SECOND);
    private final CircuitBreaker breaker = new CircuitBreaker(3, 10_000, 5_000, now::get);

    private void fail(int times) {
        for (int i = 0; i < times; i++) {
            breaker.record(breaker.admit(), true);
        }
    }

    @Test
    void opensAtTheThresholdOfConsecutiveProviderFaults() {
        fail(2);
        assertEquals(BreakerState.CLOSED, breaker.state());
        assertEquals(2, breaker.consecutiveFailures());
        assertEquals(BreakerState.OPEN, breaker.record(breaker.admit(), true));
        assertEquals(BreakerState.OPEN, breaker.state());
        assertEquals(1, breaker.timesOpened());
    }

    @Test
    void anAnswerThatIsNotTheProvidersFaultResetsTheCount() {
        fail(2);
        assertNull(breaker.record(breaker.admit(), false));
        fail(2);
        assertEquals(BreakerState.CLOSED, breaker.state());
        assertEquals(2, breaker.consecutiveFailures());
    }

    @Test
    void refusesWhileOpenAnnouncingTheRestOfTheOpenTime() {
        fail(3);
        assertNull(breaker.admit());
        assertEquals(10, breaker.refusal());
        now.addAndGet(2 * SECOND + 1);
        assertEquals(8, breaker.refusal(), "7.999... s left, announced rounded up");
        now.addAndGet(7 * SECOND);
        assertEquals(1, breaker.refusal());
        assertEquals(4, breaker.refusedCalls(), "one admission and three looks refused");
        assertFalse(breaker.isClosed());
    }

    @Test
    void afterTheOpenTimeOneProbeGoesThroughAndItsSuccessCloses() {
        fail(3);
        now.addAndGet(10 * SECOND);
        assertEquals(BreakerState.HALF_OPEN, breaker.state());
        assertEquals(0, breaker.refusal(), "the look before queueing lets the would-be probe through");
        CircuitBreaker.Admission probe = breaker.admit();
        assertNotNull(probe);
        assertTrue(probe.probe());
        assertNull(breaker.admit(), "one probe at a time");
        assertEquals(1, breaker.refusal(), "while the probe runs, Retry-After is 1");
        assertEquals(BreakerState.CLOSED, breaker.record(probe, false));
        assertTrue(breaker.isClosed());
        assertEquals(0, breaker.consecutiveFailures());
        assertNotNull(breaker.admit());
    }

    @Test
    void aFailedProbeOpensAgainForAFullOpenTime() {
        fail(3);
        now.addAndGet(11 * SECOND);
        CircuitBreaker.Admission probe = breaker.admit();
        assertEquals(BreakerState.OPEN, breaker.record(probe, true));
        assertEquals(2, breaker.timesOpened());
        assertEquals(10, breaker.retryAfterSeconds());
        assertNull(breaker.admit());
    }

    @Test
    void outcomesOfCallsAdmittedBeforeTheBreakerChangedAreIgnored() {
        CircuitBreaker.Admission slowCall = breaker.admit();
        fail(3);
        now.addAndGet(10 * SECOND);
        breaker.record(breaker.admit(), false); // the probe closes it
        assertNull(breaker.record(slowCall, true), "a failure from before the breaker opened says nothing now");
        assertEquals(0, breaker.consecutiveFailures());

        CircuitBreaker.Admission beforeOpening = breaker.admit();
        fail(3);
        now.addAndGet(10 * SECOND);
        CircuitBreaker.Admission probe = breaker.admit();
        assertNull(breaker.record(beforeOpening, false), "only the probe decides in half-open");
        assertEquals(BreakerState.HALF_OPEN, breaker.state());
        assertEquals(BreakerState.OPEN, breaker.record(probe, true));
    }

    @Test
    void aProbeThatOutlivesItsLeaseNoLongerBlocksAndTheFirstOutcomeDecides() {
        fail(3);
        now.addAndGet(10 * SECOND);
        CircuitBreaker.Admission slowProbe = breaker.admit();
        now.addAndGet(4 * SECOND);
        assertNull(breaker.admit(), "within its lease the probe runs alone");
        now.addAndGet(SECOND);
        assertEquals(0, breaker.refusal());
        CircuitBreaker.Admission secondProbe = breaker.admit();
        assertNotNull(secondProbe);
        assertTrue(secondProbe.probe());
        assertNull(breaker.admit(), "the second probe has a lease of its own");

        assertEquals(BreakerState.CLOSED, breaker.record(secondProbe, false));
        assertNull(breaker.record(slowProbe, true), "the late probe's failure comes after the decision");
        assertTrue(breaker.isClosed());
    }
}
