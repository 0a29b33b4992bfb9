package dochooks.application.testing;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;

/**
 * Outcomes of futures that the services complete synchronously (their ports answer with completed
 * futures), so tests need no Vert.x instance and never wait.
 */
public final class Futures {
    private Futures() {
    }

    /** The result of a future that must already have succeeded. */
    public static <T> T succeeded(Future<T> future) {
        assertTrue(future.isComplete(), "the future should be complete");
        if (future.failed()) {
            throw new AssertionError("expected success, failed with " + future.cause(), future.cause());
        }
        return future.result();
    }

    /** The failure of a future that must already have failed with {@code type}. */
    public static <E extends Throwable> E failed(Future<?> future, Class<E> type) {
        assertTrue(future.isComplete(), "the future should be complete");
        assertTrue(future.failed(), () -> "expected " + type.getSimpleName() + ", succeeded with " + future.result());
        return assertInstanceOf(type, future.cause());
    }
}
