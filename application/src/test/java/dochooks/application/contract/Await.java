package dochooks.application.contract;

import io.vertx.core.Future;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Blocks a test thread on a port's Future, never longer than {@link #SECONDS}: an implementation may complete its
 * futures at once (in memory) or later, on another thread (a database client).
 */
final class Await {
    static final long SECONDS = 10;

    private Await() {
    }

    /** The result of a future that must succeed. */
    static <T> T result(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("expected success, failed with " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("no result within " + SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }

    /** The failure of a future that must fail with {@code type}. */
    static <E extends Throwable> E failure(Future<?> future, Class<E> type) {
        Throwable failure = outcome(future).failure();
        if (failure == null) {
            throw new AssertionError("expected " + type.getSimpleName() + ", succeeded");
        }
        if (!type.isInstance(failure)) {
            throw new AssertionError("expected " + type.getSimpleName() + ", failed with " + failure, failure);
        }
        return type.cast(failure);
    }

    /** How the future ended, success or failure, within the bound. */
    static <T> Outcome<T> outcome(Future<T> future) {
        try {
            return new Outcome<>(future.toCompletionStage().toCompletableFuture().get(SECONDS, TimeUnit.SECONDS), null);
        } catch (ExecutionException e) {
            return new Outcome<>(null, e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("no outcome within " + SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }

    /** A success (with its value, maybe null) or a failure. */
    record Outcome<T>(T value, Throwable failure) {
        boolean succeeded() {
            return failure == null;
        }
    }
}
