package dochooks.adapters.provider.resilience;

import io.vertx.core.Future;
import java.util.function.Supplier;

/** Starting a provider call so that whatever it throws while starting becomes a failed Future. */
final class Attempts {
    private Attempts() {
    }

    static <T> Future<T> start(Supplier<Future<T>> call) {
        try {
            Future<T> started = call.get();
            return started == null ? Future.failedFuture(new IllegalStateException("no Future")) : started;
        } catch (RuntimeException thrown) {
            return Future.failedFuture(thrown);
        }
    }
}
