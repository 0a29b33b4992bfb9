package dochooks.adapters.persistence;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Bounded polling: a condition that must come true within a deadline, checked every 10 ms. */
final class Eventually {
    private static final long POLL_MILLIS = 10;

    private Eventually() {
    }

    /** How long {@code condition} took to hold; fails the test when it did not within {@code within}. */
    static Duration holds(Duration within, BooleanSupplier condition, Supplier<String> what) {
        long start = System.nanoTime();
        long deadline = start + within.toNanos();
        while (true) {
            if (condition.getAsBoolean()) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + within.toMillis() + " ms: " + what.get());
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
    }
}
