package dochooks.adapters.provider.resilience;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * A provider's byte stream that gives its permit back when it ends or fails (an abort makes it fail), whether
 * or not the consumer listens for that. A failure that comes before the consumer set its exception handler is
 * kept and handed over when it does, as the provider stream itself does.
 */
final class ReleasingStream implements ReadStream<Buffer> {
    private final ReadStream<Buffer> delegate;
    private Handler<Void> endHandler;
    private Handler<Throwable> exceptionHandler;
    private Throwable failure;

    ReleasingStream(ReadStream<Buffer> delegate, Permit permit) {
        this.delegate = delegate;
        delegate.endHandler(v -> {
            permit.release();
            Handler<Void> current = endHandler;
            if (current != null) {
                current.handle(v);
            }
        });
        delegate.exceptionHandler(failed -> {
            permit.release();
            failure = failed;
            Handler<Throwable> current = exceptionHandler;
            if (current != null) {
                current.handle(failed);
            }
        });
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
        delegate.handler(handler);
        return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
        delegate.pause();
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        delegate.resume();
        return this;
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
        delegate.fetch(amount);
        return this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> handler) {
        endHandler = handler;
        return this;
    }
}
