package dochooks.adapters.http;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.streams.ReadStream;

/**
 * An upload's request body as the use case reads it: the request itself (paused since admission, read with
 * back-pressure), with two additions. A client that sent {@code Expect: 100-continue} is told to send only when
 * the body is first asked for, that is once the provider is ready to take it; and a failure of the request
 * (the client went away) that happens before anyone listens is kept and delivered to the handler set later,
 * so that a transfer started late still learns that its source is gone.
 */
final class UploadBody implements ReadStream<Buffer> {
    private final HttpServerRequest request;
    private boolean continueSent;
    private Handler<Throwable> exceptionHandler;
    private Throwable failure;

    UploadBody(HttpServerRequest request) {
        this.request = request;
        request.exceptionHandler(this::failed);
    }

    /** The length the client declared, or null when it sent none (a chunked body) or an unreadable one. */
    Long declaredLength() {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null || length.isEmpty() || length.length() > 18 || !length.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Long.parseLong(length);
    }

    /** Whether the client waits for {@code 100 Continue} that it was never sent: then it sent no body. */
    boolean awaitingContinue() {
        return !continueSent && "100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT));
    }

    private void failed(Throwable cause) {
        if (failure == null) {
            failure = cause;
        }
        Handler<Throwable> current = exceptionHandler;
        if (current != null) {
            current.handle(cause);
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
        request.handler(handler);
        return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
        request.pause();
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        sendContinueOnce();
        request.resume();
        return this;
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
        sendContinueOnce();
        request.fetch(amount);
        return this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
        request.endHandler(endHandler);
        return this;
    }

    private void sendContinueOnce() {
        if (awaitingContinue() && !request.isEnded()) {
            request.response().writeContinue();
        }
        continueSent = true;
    }
}
