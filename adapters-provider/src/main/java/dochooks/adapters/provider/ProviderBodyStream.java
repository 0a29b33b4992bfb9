package dochooks.adapters.provider;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.streams.ReadStream;

/**
 * A provider's answer body as handed to the caller: the response's stream with back-pressure, touching the
 * idle timer on every chunk, stopping its clock while the consumer pauses, and failing with application
 * exceptions only. A failure that happens before the consumer attached its exception handler is kept and
 * delivered when it does, so a pipe set up late still learns of it.
 */
final class ProviderBodyStream implements ReadStream<Buffer> {
    private final HttpClientResponse response;
    private final IdleTimer idle;
    private Handler<Buffer> handler;
    private Handler<Void> endHandler;
    private Handler<Throwable> exceptionHandler;
    private Throwable failure;
    private boolean ended;

    ProviderBodyStream(HttpClientResponse response, IdleTimer idle, Handler<Throwable> onTransportFailure,
            Runnable onEnd) {
        this.response = response;
        this.idle = idle;
        response.handler(chunk -> {
            idle.touch();
            Handler<Buffer> current = handler;
            if (current != null) {
                current.handle(chunk);
            }
        });
        response.exceptionHandler(onTransportFailure);
        response.endHandler(v -> {
            if (failure != null) {
                return;
            }
            ended = true;
            onEnd.run();
            Handler<Void> current = endHandler;
            if (current != null) {
                current.handle(null);
            }
        });
    }

    /** Ends the stream with {@code mapped}, once, unless it already ended. */
    void fail(Throwable mapped) {
        if (ended || failure != null) {
            return;
        }
        failure = mapped;
        Handler<Throwable> current = exceptionHandler;
        if (current != null) {
            current.handle(mapped);
        }
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        exceptionHandler = handler;
        if (handler != null && failure != null) {
            handler.handle(failure);
        }
        return this;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        this.handler = handler;
        return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
        idle.suspend();
        response.pause();
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        return fetch(Long.MAX_VALUE);
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
        if (amount > 0) {
            idle.resume();
        }
        if (!ended && failure == null) {
            response.fetch(amount);
        }
        return this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> handler) {
        endHandler = handler;
        return this;
    }
}
