package dochooks.adapters.provider;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import java.util.function.IntFunction;

/**
 * An answer whose head has arrived and whose body has not been read: {@link #body()} is paused, streams with
 * back-pressure and fails (with an application exception) after silence longer than the timeout.
 * Either consume the body, read a bounded part of it ({@link #readAtMost}), or {@link #abort()}.
 */
public final class StreamedAnswer {
    private final int status;
    private final MultiMap headers;
    private final ReadStream<Buffer> body;
    private final Runnable abort;
    private final IntFunction<Future<Buffer>> readAtMost;

    StreamedAnswer(int status, MultiMap headers, ReadStream<Buffer> body, Runnable abort,
            IntFunction<Future<Buffer>> readAtMost) {
        this.status = status;
        this.headers = headers;
        this.body = body;
        this.abort = abort;
        this.readAtMost = readAtMost;
    }

    public int status() {
        return status;
    }

    public MultiMap headers() {
        return headers;
    }

    /** The body, paused: pipe it, or set handlers and resume. */
    public ReadStream<Buffer> body() {
        return body;
    }

    /** Resets the connection: the body is not read further and fails. Idempotent. */
    public void abort() {
        abort.run();
    }

    /**
     * The first {@code maxBytes} of the body (all of it when shorter), within the timeout; the rest is not
     * read and the connection is reset. For error bodies, whose text is all dochooks wants.
     */
    public Future<Buffer> readAtMost(int maxBytes) {
        return readAtMost.apply(maxBytes);
    }

    @Override
    public String toString() {
        return "StreamedAnswer[status=" + status + "]";
    }
}
