package dochooks.adapters.provider.resilience;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The cap on byte streams in flight over all integrations (downloads, thumbnails, uploads): each holds a
 * connection and buffers until it ends. No queue: a stream that finds no slot is refused at once.
 */
final class StreamSlots {
    private final int max;
    private final AtomicInteger inUse = new AtomicInteger();

    StreamSlots(int max) {
        this.max = max;
    }

    /** A slot, or null when all are taken. */
    Permit tryAcquire() {
        while (true) {
            int current = inUse.get();
            if (current >= max) {
                return null;
            }
            if (inUse.compareAndSet(current, current + 1)) {
                return new Permit(inUse::decrementAndGet);
            }
        }
    }

    int inUse() {
        return inUse.get();
    }
}
