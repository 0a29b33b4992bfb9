package dochooks.adapters.http;

import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

/**
 * Answers requests the HTTP decoder could not read, which never reach the router: a request line over
 * the limit (414 {@code uri-too-long}, without {@code instance}: the path was never read), headers over
 * the limit (431 {@code headers-too-large}), anything else (400 {@code malformed-request}). The
 * connection is closed afterwards, since the rest of what the client sent cannot be trusted.
 */
final class RefusedRequests implements Handler<HttpServerRequest> {
    private final RequestTracking tracking;
    private final ProblemResponder problems;

    RefusedRequests(RequestTracking tracking, ProblemResponder problems) {
        this.tracking = tracking;
        this.problems = problems;
    }

    @Override
    public void handle(HttpServerRequest request) {
        Throwable cause = request.decoderResult().cause();
        ProblemType type;
        boolean requestLineRead;
        if (cause instanceof TooLongHttpLineException) {
            type = ProblemType.URI_TOO_LONG;
            requestLineRead = false;
        } else if (cause instanceof TooLongHttpHeaderException) {
            type = ProblemType.HEADERS_TOO_LARGE;
            requestLineRead = true;
        } else {
            type = ProblemType.MALFORMED_REQUEST;
            requestLineRead = false;
        }
        tracking.beginRefused(request, requestLineRead);
        request.response().putHeader(HttpHeaders.CONNECTION, "close");
        problems.send(request, Problem.of(type), requestLineRead).onComplete(sent -> request.connection().close());
    }
}
