package dochooks.adapters.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one failure handler: whatever a route failed with, and Vert.x Web's own 404/405/413, becomes a
 * problem. A bug is logged with the request id and answered as {@code internal-error} without detail.
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
        }
        problems.send(ctx.request(), problem, true);
    }
}
