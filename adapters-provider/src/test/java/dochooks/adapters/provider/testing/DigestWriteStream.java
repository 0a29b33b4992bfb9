package dochooks.adapters.provider.testing;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.WriteStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * A {@link WriteStream} that keeps only a SHA-256 and a byte count of what it is given, never the bytes.
 * Optionally slow: after every {@code stallEvery} bytes it reports a full queue for {@code stallMillis}, so
 * that the writer must honour back-pressure.
 */
public final class DigestWriteStream implements WriteStream<Buffer> {
    private final Vertx vertx;
    private final long stallEvery;
    private final long stallMillis;
    private final MessageDigest digest = GeneratedContent.newDigest();
    private long bytes;
    private long sinceStall;
    private boolean full;
    private Handler<Void> drainHandler;
    private boolean ended;

    public DigestWriteStream(Vertx vertx) {
        this(vertx, Long.MAX_VALUE, 0);
    }

    public DigestWriteStream(Vertx vertx, long stallEvery, long stallMillis) {
        this.vertx = vertx;
        this.stallEvery = stallEvery;
        this.stallMillis = stallMillis;
    }

    public synchronized long bytes() {
        return bytes;
    }

    public synchronized String sha256() {
        try {
            return HexFormat.of().formatHex(((MessageDigest) digest.clone()).digest());
        } catch (CloneNotSupportedException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    public synchronized boolean ended() {
        return ended;
    }

    @Override
    public WriteStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        return this;
    }

    @Override
    public synchronized Future<Void> write(Buffer data) {
        digest.update(data.getBytes());
        bytes += data.length();
        sinceStall += data.length();
        if (sinceStall >= stallEvery && !full) {
            sinceStall = 0;
            full = true;
            vertx.setTimer(stallMillis, id -> drain());
        }
        return Future.succeededFuture();
    }

    private void drain() {
        Handler<Void> handler;
        synchronized (this) {
            full = false;
            handler = drainHandler;
            drainHandler = null;
        }
        if (handler != null) {
            handler.handle(null);
        }
    }

    @Override
    public synchronized Future<Void> end() {
        ended = true;
        return Future.succeededFuture();
    }

    @Override
    public WriteStream<Buffer> setWriteQueueMaxSize(int maxSize) {
        return this;
    }

    @Override
    public synchronized boolean writeQueueFull() {
        return full;
    }

    @Override
    public synchronized WriteStream<Buffer> drainHandler(Handler<Void> handler) {
        drainHandler = handler;
        return this;
    }
}
