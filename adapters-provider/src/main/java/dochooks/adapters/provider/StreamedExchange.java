package dochooks.adapters.provider;

import dochooks.application.error.ProviderTimeoutException;
import dochooks.application.error.ProviderUnreachableException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;

/**
 * One request whose answer body is streamed to the caller: no total deadline (a large file takes as long as
 * it takes), but an idle timeout from the start: no connection, no head, or silence in the body for that long
 * fails the call. The clock stops while the consumer holds the stream paused (its back-pressure, not the
 * provider's silence).
 */
final class StreamedExchange {
    private final Connector connector;
    private final OutboundRequest request;
    private final Promise<StreamedAnswer> promise;
    private final IdleTimer idle;
    private HttpClientRequest http;
    private ProviderBodyStream body;
    private Integer status;
    private boolean done;

    StreamedExchange(Connector connector, OutboundRequest request, Promise<StreamedAnswer> promise) {
        this.connector = connector;
        this.request = request;
        this.promise = promise;
        this.idle = new IdleTimer(connector.vertx(), connector.timeoutMs(), () -> fail(new ProviderTimeoutException(
                "the provider was silent for " + connector.timeoutMs() + " ms")));
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
            idle.touch();
            http = opened.result();
            http.exceptionHandler(this::fail);
            http.response().onComplete(answered -> {
                if (answered.succeeded()) {
                    answer(answered.result());
                } else {
                    fail(answered.cause());
                }
            });
            http.end().onFailure(this::fail);
        });
    }

    private void answer(HttpClientResponse response) {
        // paused before anything else, so that no chunk is lost until the consumer is ready
        response.pause();
        idle.touch();
        status = response.statusCode();
        body = new ProviderBodyStream(response, idle, this::fail, this::finished);
        promise.complete(new StreamedAnswer(status, response.headers(), body, this::abort, this::readAtMost));
    }

    private void finished() {
        done = true;
        idle.cancel();
    }

    private void abort() {
        fail(new ProviderUnreachableException("the transfer was aborted by dochooks"));
    }

    private Future<Buffer> readAtMost(int maxBytes) {
        Promise<Buffer> read = Promise.promise();
        Buffer collected = Buffer.buffer();
        long timeoutMs = connector.timeoutMs();
        long deadline = connector.vertx().setTimer(timeoutMs, id -> fail(
                new ProviderTimeoutException("the provider gave no complete answer within " + timeoutMs + " ms")));
        read.future().onComplete(ar -> connector.vertx().cancelTimer(deadline));
        body.exceptionHandler(read::tryFail);
        body.endHandler(v -> read.tryComplete(collected));
        body.handler(chunk -> {
            int room = maxBytes - collected.length();
            collected.appendBuffer(chunk.length() <= room ? chunk : chunk.getBuffer(0, room));
            if (collected.length() >= maxBytes && read.tryComplete(collected)) {
                abort(); // enough: the rest is not read
            }
        });
        body.resume();
        return read.future();
    }

    private void fail(Throwable failure) {
        if (done) {
            return;
        }
        done = true;
        idle.cancel();
        if (http != null) {
            http.reset();
        }
        Throwable mapped = failure instanceof IllegalArgumentException ? failure
                : TransportFailures.map(failure, status, connector.timeoutMs());
        if (body != null) {
            body.fail(mapped);
        } else {
            promise.tryFail(mapped);
        }
    }
}
