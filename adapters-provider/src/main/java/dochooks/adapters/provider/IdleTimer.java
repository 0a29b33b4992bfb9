package dochooks.adapters.provider;

import io.vertx.core.Vertx;

/**
 * Fires once when nothing happened for {@code timeoutMs}: {@link #touch()} marks activity, {@link #suspend()}
 * stops the clock while the consumer, not the provider, is the one holding things up (back-pressure).
 * Not thread-safe: used on one Vert.x context.
 */
final class IdleTimer {
    private final Vertx vertx;
    private final long timeoutMs;
    private final Runnable onIdle;
    private long lastActivityNanos;
    private long timerId = -1;
    private boolean suspended;
    private boolean finished;

    IdleTimer(Vertx vertx, long timeoutMs, Runnable onIdle) {
        this.vertx = vertx;
        this.timeoutMs = timeoutMs;
        this.onIdle = onIdle;
    }

    void start() {
        touch();
        arm(timeoutMs);
    }

    void touch() {
        lastActivityNanos = System.nanoTime();
    }

    void suspend() {
        suspended = true;
    }

    void resume() {
        if (suspended) {
            suspended = false;
            touch();
        }
    }

    /** Stops for good; {@code onIdle} will not run. */
    void cancel() {
        finished = true;
        if (timerId != -1) {
            vertx.cancelTimer(timerId);
            timerId = -1;
        }
    }

    private void arm(long delayMs) {
        timerId = vertx.setTimer(Math.max(1, delayMs), id -> check());
    }

    private void check() {
        timerId = -1;
        if (finished) {
            return;
        }
        if (suspended) {
            arm(timeoutMs);
            return;
        }
        long idleMs = (System.nanoTime() - lastActivityNanos) / 1_000_000;
        if (idleMs >= timeoutMs) {
            finished = true;
            onIdle.run();
        } else {
            arm(timeoutMs - idleMs);
        }
    }
}
