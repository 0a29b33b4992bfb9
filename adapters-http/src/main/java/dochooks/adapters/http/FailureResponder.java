package dochooks.adapters.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one failure handler: whatever a route failed with, and Vert.x Web's own 404/405/413, becomes a
 * problem. A bug is logged with the request id and answered as {@code internal-error} without detail; a
 * provider or database failure is logged as a warning with what went wrong.
 */
final class FailureResponder implements Handler<RoutingContext> {
    private static final Logger LOG = LoggerFactory.getLogger(FailureResponder.class);

    private final RequestTracking tracking;
    private final ProblemResponder problems;

    FailureResponder(RequestTracking tracking, ProblemResponder problems) {
        this.tracking = tracking;
        this.problems = problems;
    }

    @Override
    public void handle(RoutingContext ctx) {
        tracking.begin(ctx);
        Problem problem = ProblemMapper.map(ctx.failure(), ctx.statusCode());
        if (problem.type() == ProblemType.INTERNAL_ERROR) {
            LOG.error("requestId={} failed with an unexpected error", RequestTracking.requestId(ctx), ctx.failure());
        } else if (problem.type().status() >= 502) {
            // the provider's side of the story, for operators; these messages carry no secret (the provider
            // adapter scrubs the provider's text) and no query
            LOG.warn("requestId={} {}: {}", RequestTracking.requestId(ctx), problem.type().slug(),
                    ctx.failure() == null ? "" : ctx.failure().getMessage());
        }
        problems.send(ctx.request(), problem, true);
    }

    /**
     * A handler that answers {@code type} whatever the context says: for Vert.x Web's own refusals that reach
     * no route and carry no failure (a path whose percent-encoding does not decode is a 400 without a cause).
     */
    Handler<RoutingContext> answering(ProblemType type) {
        return ctx -> {
            tracking.begin(ctx);
            problems.send(ctx.request(), Problem.of(type), true);
        };
    }
}
