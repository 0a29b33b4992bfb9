package dochooks.adapters.provider.testing;

import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import java.io.IOException;

/**
 * A {@link ReadStream} of {@link GeneratedContent}, emitted in 64 KiB chunks on one context with real
 * back-pressure (it emits only while there is demand), optionally failing after some bytes, as a client that
 * goes away mid-upload does. Starts paused.
 */
public final class GeneratedReadStream implements ReadStream<Buffer> {
    private static final int CHUNK = 64 * 1024;

    private final Context context;
    private final GeneratedContent content;
    private final long failAfter;
    private Handler<Buffer> handler;
    private Handler<Void> endHandler;
    private Handler<Throwable> exceptionHandler;
    private long demand;
    private long offset;
    private boolean scheduled;
    private boolean finished;

    /** @param failAfter fail (instead of ending) once this many bytes were emitted; -1 never */
    public GeneratedReadStream(Context context, GeneratedContent content, long failAfter) {
        this.context = context;
        this.content = content;
        this.failAfter = failAfter;
    }

    public long emitted() {
        return offset;
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        exceptionHandler = handler;
        return this;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        this.handler = handler;
        return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
        demand = 0;
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        return fetch(Long.MAX_VALUE);
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
        demand = Long.MAX_VALUE - demand < amount ? Long.MAX_VALUE : demand + amount;
        schedule();
        return this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> handler) {
        endHandler = handler;
        return this;
    }

    private void schedule() {
        if (!scheduled && !finished) {
            scheduled = true;
            context.runOnContext(v -> {
                scheduled = false;
                emit();
            });
        }
    }

    private void emit() {
        int batch = 0;
        while (!finished && demand > 0 && offset < content.size() && batch++ < 16) {
            if (failAfter >= 0 && offset >= failAfter) {
                finished = true;
                if (exceptionHandler != null) {
                    exceptionHandler.handle(new IOException("the source went away after " + offset + " bytes"));
                }
                return;
            }
            int length = (int) Math.min(CHUNK, content.size() - offset);
            Buffer chunk = content.chunk(offset, length);
            offset += length;
            if (demand != Long.MAX_VALUE) {
                demand--;
            }
            if (handler != null) {
                handler.handle(chunk);
            }
        }
        if (!finished && offset >= content.size()) {
            finished = true;
            if (endHandler != null) {
                endHandler.handle(null);
            }
        } else if (demand > 0) {
            schedule();
        }
    }
}
