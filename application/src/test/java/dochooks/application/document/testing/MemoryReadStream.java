package dochooks.application.document.testing;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A request body in memory: chunks delivered to the handler while there is demand, then the end. It starts
 * flowing, as an HTTP server request does, and remembers whether it was paused and what it delivered.
 */
public final class MemoryReadStream implements ReadStream<Buffer> {
    private final Deque<Buffer> chunks = new ArrayDeque<>();
    private Handler<Buffer> handler;
    private Handler<Void> endHandler;
    private long demand = Long.MAX_VALUE;
    private boolean ended;
    private int delivered;

    public MemoryReadStream(String... chunks) {
        for (String chunk : chunks) {
            this.chunks.add(Buffer.buffer(chunk));
        }
    }

    public boolean paused() {
        return demand == 0;
    }

    /** How many chunks reached a handler. */
    public int delivered() {
        return delivered;
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        return this;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        this.handler = handler;
        flow();
        return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
        demand = 0;
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        demand = Long.MAX_VALUE;
        flow();
        return this;
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
        demand = Long.MAX_VALUE - demand < amount ? Long.MAX_VALUE : demand + amount;
        flow();
        return this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
        this.endHandler = endHandler;
        flow();
        return this;
    }

    private void flow() {
        while (handler != null && demand > 0 && !chunks.isEmpty()) {
            if (demand != Long.MAX_VALUE) {
                demand--;
            }
            delivered++;
            handler.handle(chunks.poll());
        }
        if (chunks.isEmpty() && !ended && endHandler != null && demand > 0) {
            ended = true;
            endHandler.handle(null);
        }
    }
}
