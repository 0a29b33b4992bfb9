package dochooks.adapters.http;

import dochooks.application.Caller;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * The checks an {@code /api/v1} route runs before its handler, in the contract's order: token (401),
 * role (403), then for JSON routes the body (413, 415, 400). The body stays unread until the caller is
 * known and allowed, so that a non-admin's oversized or malformed body is still a 403. A streamed body (an
 * upload) stays paused for the handler, and is not read at all when the caller is refused.
 */
final class Admission {
    private static final String CALLER_KEY = "dochooks.caller";

    /** What the route does with the request body. */
    private enum Body {
        /** Nothing: whatever comes is dropped. */
        IGNORED,
        /** A JSON object, read and checked before the handler. */
        JSON,
        /** Raw bytes the handler streams on, left paused. */
        STREAMED
    }

    private final BearerAuthentication authentication;

    Admission(BearerAuthentication authentication) {
        this.authentication = authentication;
    }

    /** The caller the admission found. */
    static Caller caller(RoutingContext ctx) {
        return ctx.get(CALLER_KEY);
    }

    /** Any user of a tenant. */
    Handler<RoutingContext> anyUser() {
        return ctx -> admit(ctx, false, Body.IGNORED);
    }

    /** Any user of a tenant, with a body the handler streams (paused until it reads it). */
    Handler<RoutingContext> anyUserStreamingBody() {
        return ctx -> admit(ctx, false, Body.STREAMED);
    }

    /** Any user of a tenant, with a JSON object body (a connection's confirmation). */
    Handler<RoutingContext> anyUserWithJsonBody() {
        return ctx -> admit(ctx, false, Body.JSON);
    }

    /** Company administrators only. */
    Handler<RoutingContext> admin() {
        return ctx -> admit(ctx, true, Body.IGNORED);
    }

    /** Company administrators only, with a JSON object body. */
    Handler<RoutingContext> adminWithJsonBody() {
        return ctx -> admit(ctx, true, Body.JSON);
    }

    private void admit(RoutingContext ctx, boolean adminOnly, Body body) {
        HttpServerRequest request = ctx.request();
        boolean holding = !request.isEnded();
        if (holding) {
            request.pause();
        }
        authentication.authenticate(request)
                .compose(caller -> adminOnly && !caller.isAdmin()
                        ? Future.<Caller>failedFuture(Problem.of(ProblemType.FORBIDDEN).asException())
                        : Future.succeededFuture(caller))
                .onSuccess(caller -> {
                    ctx.put(CALLER_KEY, caller);
                    if (body == Body.JSON) {
                        JsonBody.read(ctx);
                        return;
                    }
                    if (holding && body == Body.IGNORED) {
                        JsonBody.leaveUnread(ctx);
                    }
                    ctx.next();
                })
                .onFailure(refused -> {
                    if (holding && body == Body.STREAMED) {
                        UnreadBody.discardThenClose(ctx,
                                "100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT)));
                    } else if (holding) {
                        JsonBody.leaveUnread(ctx);
                    }
                    ctx.fail(refused);
                });
    }
}
