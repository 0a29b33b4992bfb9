package dochooks.application.document.testing;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/** A monotonic nanosecond clock that stands still until a test moves it. */
public final class Ticker implements LongSupplier {
    private long nanos = 1_000_000_000L;

    public void advanceMillis(long millis) {
        nanos += TimeUnit.MILLISECONDS.toNanos(millis);
    }

    @Override
    public long getAsLong() {
        return nanos;
    }
}
