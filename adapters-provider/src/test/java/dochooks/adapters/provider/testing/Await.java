package dochooks.adapters.provider.testing;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Bounded waits on Vert.x futures for tests: every wait has a timeout, failures come back unwrapped. */
public final class Await {
    public static final Duration DEFAULT = Duration.ofSeconds(20);

    private Await() {
    }

    /** The future's result; throws its failure (unwrapped) or an AssertionError after {@link #DEFAULT}. */
    public static <T> T result(Future<T> future) {
        return result(future, DEFAULT);
    }

    public static <T> T result(Future<T> future, Duration timeout) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new CheckedFailure(cause);
        } catch (TimeoutException late) {
            throw new AssertionError("no result within " + timeout, late);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", interrupted);
        }
    }

    /** A checked exception a future failed with, carried unchecked. */
    public static final class CheckedFailure extends RuntimeException {
        CheckedFailure(Throwable cause) {
            super(cause);
        }
    }

    /** The failure of a future that must fail (within {@link #DEFAULT}) with an exception of {@code type}. */
    public static <E extends Throwable> E failure(Future<?> future, Class<E> type) {
        return failure(future, type, DEFAULT);
    }

    public static <E extends Throwable> E failure(Future<?> future, Class<E> type, Duration timeout) {
        try {
            Object value = result(future, timeout);
            throw new AssertionError("expected " + type.getSimpleName() + " but succeeded with " + value);
        } catch (AssertionError assertion) {
            if (type.isInstance(assertion)) {
                return type.cast(assertion);
            }
            throw assertion;
        } catch (RuntimeException failure) {
            if (type.isInstance(failure)) {
                return type.cast(failure);
            }
            if (failure instanceof CheckedFailure checked && type.isInstance(checked.getCause())) {
                return type.cast(checked.getCause());
            }
            throw new AssertionError("expected " + type.getSimpleName() + " but failed with " + failure, failure);
        }
    }
}
