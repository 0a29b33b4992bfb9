package dochooks.adapters.provider;

import dochooks.application.error.ProviderBadResponseException;
import dochooks.application.error.ProviderTimeoutException;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;

/**
 * One request whose whole answer is read into memory: under a total deadline (resolution, connection, head
 * and body together, so a provider dripping a byte a second cannot hold it) and a size cap (reading stops and
 * the connection is reset as soon as the answer would exceed it).
 */
final class BufferedExchange {
    private final Connector connector;
    private final OutboundRequest request;
    private final Buffer requestBody;
    private final int maxBytes;
    private final Promise<BufferedAnswer> promise;
    private long deadlineTimer = -1;
    private HttpClientRequest http;
    private Integer status;
    private boolean done;

    BufferedExchange(Connector connector, OutboundRequest request, Buffer requestBody, int maxBytes,
            Promise<BufferedAnswer> promise) {
        this.connector = connector;
        this.request = request;
        this.requestBody = requestBody;
        this.maxBytes = maxBytes;
        this.promise = promise;
    }

    void start() {
        long timeoutMs = connector.timeoutMs();
        deadlineTimer = connector.vertx().setTimer(timeoutMs, id -> fail(
                new ProviderTimeoutException("the provider gave no complete answer within " + timeoutMs + " ms")));
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
            http.exceptionHandler(this::fail);
            http.response().onComplete(answered -> {
                if (answered.succeeded()) {
                    read(answered.result());
                } else {
                    fail(answered.cause());
                }
            });
            (requestBody == null ? http.end() : http.end(requestBody)).onFailure(this::fail);
        });
    }

    private void read(HttpClientResponse response) {
        status = response.statusCode();
        Buffer body = Buffer.buffer();
        response.handler(chunk -> {
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
        response.endHandler(v -> succeed(new BufferedAnswer(status, response.headers(), body)));
    }

    private void succeed(BufferedAnswer answer) {
        if (done) {
            return;
        }
        done = true;
        connector.vertx().cancelTimer(deadlineTimer);
        promise.complete(answer);
    }

    private void fail(Throwable failure) {
        if (done) {
            return;
        }
        done = true;
        connector.vertx().cancelTimer(deadlineTimer);
        if (http != null) {
            http.reset(); // stop reading, close the connection: nothing more of this answer is wanted
        }
        promise.fail(failure instanceof IllegalArgumentException ? failure
                : TransportFailures.map(failure, status, connector.timeoutMs()));
    }
}
