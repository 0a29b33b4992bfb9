package dochooks.adapters.http;

import dochooks.application.Caller;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * The checks an {@code /api/v1} route runs before its handler, in the contract's order: token (401),
 * role (403), then for JSON routes the body (413, 415, 400). The body stays unread until the caller is
 * known and allowed, so that a non-admin's oversized or malformed body is still a 403.
 */
final class Admission {
    private static final String CALLER_KEY = "dochooks.caller";

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
        return ctx -> admit(ctx, false, false);
    }

    /** Company administrators only. */
    Handler<RoutingContext> admin() {
        return ctx -> admit(ctx, true, false);
    }

    /** Company administrators only, with a JSON object body. */
    Handler<RoutingContext> adminWithJsonBody() {
        return ctx -> admit(ctx, true, true);
    }

    private void admit(RoutingContext ctx, boolean adminOnly, boolean jsonBody) {
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
                    if (jsonBody) {
                        JsonBody.read(ctx);
                        return;
                    }
                    if (holding) {
                        JsonBody.leaveUnread(ctx);
                    }
                    ctx.next();
                })
                .onFailure(refused -> {
                    if (holding) {
                        JsonBody.leaveUnread(ctx);
                    }
                    ctx.fail(refused);
                });
    }
}
