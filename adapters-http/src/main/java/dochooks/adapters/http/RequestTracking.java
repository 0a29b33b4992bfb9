package dochooks.adapters.http;

import dochooks.application.Caller;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * Gives every request its id ({@code X-Request-Id}: the caller's when well-formed, else a new one) and,
 * once answered, writes one structured log line (request id, method, route template, tenant when
 * authenticated, status, duration) and counts and times it. Log lines and metrics name the route template,
 * never the concrete path or query, so no id, token or OAuth2 code can reach them; metrics carry no tenant.
 */
final class RequestTracking {
    static final String REQUEST_ID_HEADER = "X-Request-Id";
    private static final Pattern WELL_FORMED_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final String REQUEST_ID_KEY = "dochooks.requestId";
    private static final String ROUTE_KEY = "dochooks.route";
    private static final String UNREAD_METHOD = "UNKNOWN";
    private static final Logger LOG = LoggerFactory.getLogger(RequestTracking.class);

    private final HttpMetrics metrics;

    RequestTracking(HttpMetrics metrics) {
        this.metrics = metrics;
    }

    /** The first handler of every route. */
    Handler<RoutingContext> handler() {
        return ctx -> {
            begin(ctx);
            ctx.next();
        };
    }

    /**
     * Starts tracking the request unless already done: Vert.x Web may fail a request (a missing Host
     * header) before any route ran, and the failure handler calls this again.
     */
    void begin(RoutingContext ctx) {
        if (ctx.get(REQUEST_ID_KEY) != null) {
            return;
        }
        long started = System.nanoTime();
        String requestId = assignId(ctx.request());
        ctx.put(REQUEST_ID_KEY, requestId);
        String method = ctx.request().method().name();
        ctx.addEndHandler(done -> finish(new RequestLine(requestId, method, routeOf(ctx), tenantOf(ctx)),
                ctx.response().getStatusCode(), started, done.succeeded()));
    }

    /** Tracks a request the HTTP decoder refused (414, 431): it never reaches the router. */
    String beginRefused(HttpServerRequest request, boolean requestLineRead) {
        long started = System.nanoTime();
        String requestId = assignId(request);
        String method = requestLineRead ? request.method().name() : UNREAD_METHOD;
        request.response().endHandler(ended -> finish(new RequestLine(requestId, method, HttpMetrics.UNMATCHED, null),
                request.response().getStatusCode(), started, true));
        return requestId;
    }

    /** Marks the request as matched by {@code template}, for logs and metrics. */
    static Handler<RoutingContext> matched(String template) {
        return ctx -> {
            ctx.put(ROUTE_KEY, template);
            ctx.next();
        };
    }

    static String requestId(RoutingContext ctx) {
        return ctx.get(REQUEST_ID_KEY);
    }

    /** The caller's tenant once the token was verified (the end handler runs after admission); else null. */
    private static String tenantOf(RoutingContext ctx) {
        Caller caller = Admission.caller(ctx);
        return caller == null ? null : caller.tenant().value();
    }

    private static String routeOf(RoutingContext ctx) {
        String template = ctx.get(ROUTE_KEY);
        return template == null ? HttpMetrics.UNMATCHED : template;
    }

    private static String assignId(HttpServerRequest request) {
        String incoming = request.getHeader(REQUEST_ID_HEADER);
        String requestId = incoming != null && WELL_FORMED_ID.matcher(incoming).matches()
                ? incoming
                : UUID.randomUUID().toString();
        request.response().putHeader(REQUEST_ID_HEADER, requestId);
        return requestId;
    }

    private void finish(RequestLine line, int status, long started, boolean completed) {
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        metrics.countRequest(line.route(), line.method(), status, took);
        // one structured line: the JSON encoder writes each key-value pair as a field of its own
        LoggingEventBuilder event = LOG.atInfo()
                .addKeyValue("requestId", line.requestId())
                .addKeyValue("method", line.method())
                .addKeyValue("route", line.route());
        if (line.tenant() != null) {
            event = event.addKeyValue("tenant", line.tenant());
        }
        event.addKeyValue("status", status)
                .addKeyValue("durationMs", took.toMillis())
                .log(completed ? "request answered" : "request ended: connection closed before the answer ended");
    }

    /** What a request's log line says besides its status and duration. */
    private record RequestLine(String requestId, String method, String route, String tenant) {
    }
}
