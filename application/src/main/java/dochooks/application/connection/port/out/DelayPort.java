package dochooks.application.connection.port.out;

import io.vertx.core.Future;
import java.time.Duration;

/**
 * Waits without blocking: a Future that completes after {@code delay}. The application sees no timers of its
 * own; bootstrap passes e.g. {@code d -> vertx.timer(d.toMillis(), TimeUnit.MILLISECONDS).mapEmpty()}.
 */
@FunctionalInterface
public interface DelayPort {
    Future<Void> delay(Duration delay);
}
