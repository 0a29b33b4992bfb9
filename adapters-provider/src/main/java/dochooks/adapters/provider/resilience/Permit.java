package dochooks.adapters.provider.resilience;

import java.util.concurrent.atomic.AtomicBoolean;

/** A right to run a provider call; released exactly once, however often {@link #release()} is called. */
final class Permit {
    private final AtomicBoolean released = new AtomicBoolean();
    private final Runnable onRelease;

    Permit(Runnable onRelease) {
        this.onRelease = onRelease;
    }

    void release() {
        if (released.compareAndSet(false, true)) {
            onRelease.run();
        }
    }

    /** One permit standing for this one and {@code other}: releasing it releases both. */
    Permit and(Permit other) {
        return new Permit(() -> {
            release();
            other.release();
        });
    }
}
