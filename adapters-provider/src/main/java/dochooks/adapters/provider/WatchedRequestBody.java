package dochooks.adapters.provider;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.streams.WriteStream;

/**
 * The request body as a pipe destination: runs the idle clock only while the provider holds the body back
 * (write queue full), and records the first write failure so it can be told apart from a failure of the source.
 */
final class WatchedRequestBody implements WriteStream<Buffer> {
    private final HttpClientRequest request;
    private final IdleTimer idle;
    private Throwable failure;

    WatchedRequestBody(HttpClientRequest request, IdleTimer idle) {
        this.request = request;
        this.idle = idle;
    }

    Throwable failure() {
        return failure;
    }

    @Override
    public WriteStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        return this; // the request's own exception handler reports transport failures
    }

    @Override
    public Future<Void> write(Buffer data) {
        Future<Void> written = request.write(data).onFailure(this::record);
        if (request.writeQueueFull()) {
            idle.resume();
        }
        return written;
    }

    @Override
    public Future<Void> end() {
        return request.end().onFailure(this::record);
    }

    @Override
    public WriteStream<Buffer> setWriteQueueMaxSize(int maxSize) {
        request.setWriteQueueMaxSize(maxSize);
        return this;
    }

    @Override
    public boolean writeQueueFull() {
        return request.writeQueueFull();
    }

    @Override
    public WriteStream<Buffer> drainHandler(Handler<Void> handler) {
        request.drainHandler(handler == null ? null : v -> {
            idle.suspend(); // the provider took the data: waiting on the source again
            handler.handle(v);
        });
        return this;
    }

    private void record(Throwable writeFailure) {
        if (failure == null) {
            failure = writeFailure;
        }
    }
}
