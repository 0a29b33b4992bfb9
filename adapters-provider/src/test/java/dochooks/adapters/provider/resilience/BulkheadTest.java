package dochooks.adapters.provider.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dochooks.adapters.provider.testing.Await;
import dochooks.application.error.ProviderBusyException;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The bulkhead on a real Vert.x (timers and contexts), without any provider. */
class BulkheadTest {
    private static final Duration SHORT = Duration.ofSeconds(5);
    private static Vertx vertx;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() {
        Await.result(vertx.close());
    }

    @Test
    void grantsUpToTheLimitQueuesUpToTheQueueAndRefusesBeyond() {
        Bulkhead bulkhead = new Bulkhead(vertx, 2, 1, 60_000);
        Permit first = Await.result(bulkhead.acquire(), SHORT);
        Await.result(bulkhead.acquire(), SHORT);
        Future<Permit> waiting = bulkhead.acquire();
        assertFalse(waiting.isComplete());
        ProviderBusyException busy = Await.failure(bulkhead.acquire(), ProviderBusyException.class, SHORT);
        assertEquals(1, busy.retryAfterSeconds());
        assertEquals(2, bulkhead.inFlight());
        assertEquals(1, bulkhead.queued());
        assertEquals(1, bulkhead.refusedCalls());

        first.release();
        Await.result(waiting, SHORT);
        assertEquals(2, bulkhead.inFlight(), "the released slot went to the waiter");
        assertEquals(0, bulkhead.queued());
    }

    @Test
    void releasingTwiceFreesOneSlot() {
        Bulkhead bulkhead = new Bulkhead(vertx, 2, 0, 60_000);
        Permit permit = Await.result(bulkhead.acquire(), SHORT);
        Await.result(bulkhead.acquire(), SHORT);
        permit.release();
        permit.release();
        assertEquals(1, bulkhead.inFlight());
    }

    @Test
    void waitersAreServedOldestFirst() {
        Bulkhead bulkhead = new Bulkhead(vertx, 1, 3, 60_000);
        Permit running = Await.result(bulkhead.acquire(), SHORT);
        List<Integer> served = new ArrayList<>();
        List<Future<Permit>> waiting = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int number = i;
            waiting.add(bulkhead.acquire().onSuccess(permit -> {
                synchronized (served) {
                    served.add(number);
                }
            }));
        }
        running.release();
        Await.result(waiting.get(0), SHORT).release();
        Await.result(waiting.get(1), SHORT).release();
        Await.result(waiting.get(2), SHORT).release();
        assertEquals(List.of(0, 1, 2), served);
        assertEquals(0, bulkhead.inFlight());
    }

    @Test
    void aWaiterGivesUpAfterTheLongestWaitAsBusy() {
        Bulkhead bulkhead = new Bulkhead(vertx, 1, 1, 100);
        Permit running = Await.result(bulkhead.acquire(), SHORT);
        long started = System.nanoTime();
        Await.failure(bulkhead.acquire(), ProviderBusyException.class, SHORT);
        assertTrue(System.nanoTime() - started >= 90_000_000L, "it waited about the longest wait");
        assertEquals(0, bulkhead.queued());
        running.release();
        assertEquals(0, bulkhead.inFlight(), "the slot of a call that gave up is not lost");
    }

    @Test
    void aWaiterResumesOnItsOwnContext() {
        Bulkhead bulkhead = new Bulkhead(vertx, 1, 1, 60_000);
        Permit running = Await.result(bulkhead.acquire(), SHORT);
        Context callers = vertx.getOrCreateContext();
        Promise<Context> resumedOn = Promise.promise();
        callers.runOnContext(v -> bulkhead.acquire().onSuccess(permit -> resumedOn.complete(Vertx.currentContext())));
        waitUntil(() -> bulkhead.queued() == 1);
        running.release(); // from the test's thread, not a Vert.x one
        assertSame(callers, Await.result(resumedOn.future(), SHORT));
    }

    static void waitUntil(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + SHORT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + SHORT);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
