package dochooks.adapters.provider;

import dochooks.application.error.ProviderBadResponseException;
import dochooks.application.error.ProviderTimeoutException;
import io.vertx.core.AsyncResult;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.streams.Pipe;
import io.vertx.core.streams.ReadStream;

/**
 * One request whose body is streamed from the caller's {@link ReadStream} (with back-pressure) and whose
 * answer is read whole, capped. While the body flows there is no total deadline, but the provider must not
 * stall it (not read, not answer) for the timeout; once the body is sent, the answer must be complete within
 * the timeout. When the source fails, the request is reset, never ended: a partial body must not pass for a
 * whole one.
 */
final class UploadExchange {
    private final Connector connector;
    private final OutboundRequest request;
    private final Long length;
    private final int maxBytes;
    private final Promise<BufferedAnswer> promise;
    private final Pipe<Buffer> pipe;
    private final IdleTimer idle;
    private WatchedRequestBody sink;
    private HttpClientRequest http;
    private long answerDeadline = -1;
    private Integer status;
    private boolean bodySent;
    private BufferedAnswer earlyAnswer;
    private boolean done;

    UploadExchange(Connector connector, OutboundRequest request, ReadStream<Buffer> content, Long length, int maxBytes,
            Promise<BufferedAnswer> promise) {
        this.connector = connector;
        this.request = request;
        this.length = length;
        this.maxBytes = maxBytes;
        this.promise = promise;
        // taken (and paused) at once, so that nothing the source emits while we connect is lost
        this.pipe = content.pipe();
        this.pipe.endOnFailure(false);
        this.idle = new IdleTimer(connector.vertx(), connector.timeoutMs(), () -> fail(new ProviderTimeoutException(
                "the provider stalled for " + connector.timeoutMs() + " ms")));
    }

    void start() {
        idle.start();
        connector.open(request).onComplete(opened -> {
            if (done) {
                if (opened.succeeded()) {
                    opened.result().reset();
                }
                return;
            }
            if (opened.failed()) {
                fail(opened.cause());
                return;
            }
            http = opened.result();
            if (length != null) {
                http.putHeader(HttpHeaders.CONTENT_LENGTH, Long.toString(length));
            } else {
                http.setChunked(true);
            }
            http.exceptionHandler(this::fail);
            http.response().onComplete(answered -> {
                if (answered.succeeded()) {
                    read(answered.result());
                } else {
                    fail(answered.cause());
                }
            });
            sink = new WatchedRequestBody(http, idle);
            idle.suspend(); // from now on the clock runs only while the provider holds the body back
            pipe.to(sink).onComplete(this::bodyFinished);
        });
    }

    private void bodyFinished(AsyncResult<Void> result) {
        if (done) {
            return;
        }
        if (result.failed()) {
            // the sink records its own failures; any other failure is the source's
            fail(sink.failure() != null ? sink.failure() : new SourceFailure(result.cause()));
            return;
        }
        bodySent = true;
        idle.cancel();
        if (earlyAnswer != null) {
            succeed(earlyAnswer);
            return;
        }
        long timeoutMs = connector.timeoutMs();
        answerDeadline = connector.vertx().setTimer(timeoutMs, id -> fail(
                new ProviderTimeoutException("the provider gave no complete answer within " + timeoutMs + " ms")));
    }

    private void read(HttpClientResponse response) {
        status = response.statusCode();
        Buffer body = Buffer.buffer();
        response.handler(chunk -> {
            idle.touch();
            if (done) {
                return;
            }
            if ((long) body.length() + chunk.length() > maxBytes) {
                fail(new ProviderBadResponseException(status, "the provider's answer exceeds " + maxBytes + " bytes"));
                return;
            }
            body.appendBuffer(chunk);
        });
        response.exceptionHandler(this::fail);
        response.endHandler(v -> {
            BufferedAnswer answer = new BufferedAnswer(status, response.headers(), body);
            if (bodySent || !answer.isSuccess()) {
                succeed(answer); // a refusal before the body is all sent ends the upload at once
            } else {
                earlyAnswer = answer; // success claimed early: only believed once the whole body is sent
            }
        });
    }

    private void succeed(BufferedAnswer answer) {
        if (done) {
            return;
        }
        done = true;
        cleanUp();
        if (!bodySent) {
            pipe.close();
            abandon(http);
        }
        promise.complete(answer);
    }

    private void fail(Throwable failure) {
        if (done) {
            return;
        }
        done = true;
        cleanUp();
        pipe.close();
        if (http != null) {
            abandon(http); // never end a request whose body is incomplete
        }
        if (failure instanceof SourceFailure source) {
            promise.fail(source.getCause());
        } else if (failure instanceof IllegalArgumentException) {
            promise.fail(failure);
        } else {
            promise.fail(TransportFailures.map(failure, status, connector.timeoutMs()));
        }
    }

    /**
     * Resets a request whose body was not sent whole, and closes its connection: when the provider has already
     * answered, a reset alone can leave the connection looking reusable with its encoder in the middle of a body,
     * and the next request on it would fail before it is sent.
     */
    private static void abandon(HttpClientRequest request) {
        request.reset();
        request.connection().close();
    }

    private void cleanUp() {
        idle.cancel();
        if (answerDeadline != -1) {
            connector.vertx().cancelTimer(answerDeadline);
        }
    }

    /** Marks a failure of the caller's content stream, which is relayed as is. */
    private static final class SourceFailure extends RuntimeException {
        SourceFailure(Throwable cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }
}
