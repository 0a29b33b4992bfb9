package dochooks.adapters.http;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Cuts off a client that takes too long to send a request's head: a new connection gets the head deadline
 * (10 s), a kept-alive one the keep-alive deadline (60 s, as lenient as common proxies) from the end of each
 * answer. A slow-loris client dripping its first request's headers a byte at a time therefore holds a
 * connection for 10 s at most. The clock stops while a request is being answered (a long download or upload is
 * not cut by this; provider deadlines and the clients' own timeouts govern those).
 */
final class RequestHeadDeadline {
    static final Duration DEFAULT = Duration.ofSeconds(10);
    static final Duration KEEP_ALIVE = Duration.ofSeconds(60);

    private final Vertx vertx;
    private volatile long headMs;
    private volatile long keepAliveMs;
    private final Map<HttpConnection, Long> timers = new ConcurrentHashMap<>();

    RequestHeadDeadline(Vertx vertx, Duration head, Duration keepAlive) {
        this.vertx = vertx;
        change(head, keepAlive);
    }

    /** Applies to the timers armed from now on. */
    void change(Duration head, Duration keepAlive) {
        this.headMs = Math.max(1, head.toMillis());
        this.keepAliveMs = Math.max(1, keepAlive.toMillis());
    }

    /** For the server's connection handler: the first head must arrive within the deadline. */
    void connected(HttpConnection connection) {
        arm(connection, headMs);
        connection.closeHandler(closed -> disarm(connection));
    }

    /** The first route of the router: a head arrived; the next one is due after this answer. */
    void headReceived(RoutingContext ctx) {
        HttpConnection connection = ctx.request().connection();
        disarm(connection);
        ctx.addEndHandler(answered -> arm(connection, keepAliveMs));
        ctx.next();
    }

    Handler<RoutingContext> handler() {
        return this::headReceived;
    }

    private void arm(HttpConnection connection, long deadlineMs) {
        long timer = vertx.setTimer(deadlineMs, fired -> {
            timers.remove(connection);
            connection.close();
        });
        Long previous = timers.put(connection, timer);
        if (previous != null) {
            vertx.cancelTimer(previous);
        }
    }

    private void disarm(HttpConnection connection) {
        Long timer = timers.remove(connection);
        if (timer != null) {
            vertx.cancelTimer(timer);
        }
    }
}
