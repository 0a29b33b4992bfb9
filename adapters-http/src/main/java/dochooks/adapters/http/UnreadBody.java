package dochooks.adapters.http;

import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * What happens to a streamed request body (an upload) that will not be read because the request was refused
 * or failed before the body was all taken: the answer goes out with {@code Connection: close}, and the
 * connection is closed once it is sent.
 *
 * <p>Closing at once could make the client miss the answer: a socket closed with unread data sends a TCP
 * reset, which can destroy the answer before the client reads it. So, as web servers do ("lingering close"),
 * what the client still sends is read and dropped for a little while, up to {@link #MAX_DISCARDED_BYTES} or
 * {@link #MAX_LINGER_MILLIS}, whichever comes first, and never for a whole large upload. A client that waits for
 * {@code 100 Continue} sent no body: its connection is closed right after the answer.
 */
final class UnreadBody {
    static final long MAX_DISCARDED_BYTES = 1024 * 1024;
    static final long MAX_LINGER_MILLIS = 2_000;

    private final RoutingContext ctx;
    private final HttpConnection connection;
    private long discarded;
    private boolean answered;
    private boolean closeWanted;
    private boolean closed;

    private UnreadBody(RoutingContext ctx) {
        this.ctx = ctx;
        this.connection = ctx.request().connection();
    }

    /**
     * Call before answering a request whose body may still be on its way. Does nothing when the body was read
     * to its end: the connection then stays usable.
     *
     * @param awaitingContinue whether the client still waits for {@code 100 Continue} (so sends no body)
     */
    static void discardThenClose(RoutingContext ctx, boolean awaitingContinue) {
        HttpServerRequest request = ctx.request();
        if (request.isEnded() || ctx.response().closed()) {
            return;
        }
        ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
        new UnreadBody(ctx).linger(awaitingContinue);
    }

    private void linger(boolean awaitingContinue) {
        HttpServerRequest request = ctx.request();
        closeWanted = awaitingContinue;
        if (!awaitingContinue) {
            request.handler(chunk -> {
                discarded += chunk.length();
                if (discarded > MAX_DISCARDED_BYTES) {
                    closeOnceAnswered();
                }
            });
            request.endHandler(end -> closeOnceAnswered());
            request.exceptionHandler(gone -> closeOnceAnswered());
            request.resume();
        }
        ctx.addEndHandler(sent -> {
            answered = true;
            if (closeWanted) {
                close();
            } else {
                ctx.vertx().setTimer(MAX_LINGER_MILLIS, timer -> close());
            }
        });
    }

    private void closeOnceAnswered() {
        closeWanted = true;
        if (answered) {
            close();
        }
    }

    private void close() {
        if (!closed) {
            closed = true;
            connection.close();
        }
    }
}
