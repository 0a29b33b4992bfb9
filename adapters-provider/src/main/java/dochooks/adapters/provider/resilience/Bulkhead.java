package dochooks.adapters.provider.resilience;

import dochooks.application.error.ProviderBusyException;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * One integration's bulkhead: at most {@code maxConcurrent} calls in flight; further calls wait in a queue of
 * at most {@code maxQueued}, each at most {@code maxWaitMs}, and are refused with
 * {@link ProviderBusyException} beyond either bound. A released permit goes straight to the oldest waiter, on
 * that waiter's own Vert.x context. Thread-safe: calls may come from any event loop; no lock is held while a
 * waiter is resumed.
 */
final class Bulkhead {
    /** Retry-After of a refusal: room is made as soon as one call ends, so a short wait is the honest hint. */
    static final long BUSY_RETRY_AFTER_SECONDS = 1;

    private final Vertx vertx;
    private final int maxConcurrent;
    private final int maxQueued;
    private final long maxWaitMs;
    private final Deque<Waiter> queue = new ArrayDeque<>();
    private int inFlight;
    private long refusedCalls;

    private static final class Waiter {
        final Context context;
        final Promise<Permit> promise = Promise.promise();
        long timer = -1;

        Waiter(Context context) {
            this.context = context;
        }
    }

    Bulkhead(Vertx vertx, int maxConcurrent, int maxQueued, long maxWaitMs) {
        this.vertx = vertx;
        this.maxConcurrent = maxConcurrent;
        this.maxQueued = maxQueued;
        this.maxWaitMs = maxWaitMs;
    }

    /** A permit now, one after a wait in the queue, or a {@link ProviderBusyException}. */
    Future<Permit> acquire() {
        Waiter waiter;
        synchronized (this) {
            if (inFlight < maxConcurrent) {
                inFlight++;
                return Future.succeededFuture(newPermit());
            }
            if (queue.size() >= maxQueued) {
                refusedCalls++;
                return Future.failedFuture(new ProviderBusyException(BUSY_RETRY_AFTER_SECONDS));
            }
            waiter = new Waiter(Vertx.currentContext());
            queue.addLast(waiter);
        }
        long timer = vertx.setTimer(maxWaitMs, id -> giveUp(waiter));
        synchronized (this) {
            waiter.timer = timer;
        }
        return waiter.promise.future();
    }

    synchronized int inFlight() {
        return inFlight;
    }

    synchronized int queued() {
        return queue.size();
    }

    synchronized long refusedCalls() {
        return refusedCalls;
    }

    private Permit newPermit() {
        return new Permit(this::release);
    }

    private void release() {
        Waiter next;
        long timer;
        synchronized (this) {
            next = queue.pollFirst();
            if (next == null) {
                inFlight--;
                return;
            }
            timer = next.timer; // the slot passes to the waiter: inFlight stays as it is
        }
        if (timer != -1) {
            vertx.cancelTimer(timer);
        }
        resume(next, newPermit());
    }

    private void giveUp(Waiter waiter) {
        synchronized (this) {
            if (!queue.remove(waiter)) {
                return; // it got a permit meanwhile
            }
            refusedCalls++;
        }
        waiter.promise.fail(new ProviderBusyException(BUSY_RETRY_AFTER_SECONDS));
    }

    private static void resume(Waiter waiter, Permit permit) {
        if (waiter.context == null) {
            waiter.promise.complete(permit);
        } else {
            waiter.context.runOnContext(v -> waiter.promise.complete(permit));
        }
    }
}
