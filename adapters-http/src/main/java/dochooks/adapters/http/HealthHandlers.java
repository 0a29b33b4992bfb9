package dochooks.adapters.http;

import dochooks.application.health.HealthCheckPort;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * {@code /health/live} (the process answers) and {@code /health/ready} (every readiness check succeeds
 * within {@link #CHECK_TIMEOUT_MILLIS}). Bodies name each check with UP or DOWN and nothing more: no
 * error text, which could carry a host name or a driver message.
 */
final class HealthHandlers {
    static final long CHECK_TIMEOUT_MILLIS = 1000;

    private final Vertx vertx;
    private final List<HealthCheckPort> readinessChecks;

    HealthHandlers(Vertx vertx, List<HealthCheckPort> readinessChecks) {
        this.vertx = vertx;
        this.readinessChecks = List.copyOf(readinessChecks);
    }

    void live(RoutingContext ctx) {
        ctx.json(new JsonObject().put("status", "UP").put("checks", new JsonArray()));
    }

    void ready(RoutingContext ctx) {
        List<Future<Boolean>> outcomes = readinessChecks.stream().map(this::passes).toList();
        Future.all(outcomes).onComplete(all -> {
            JsonArray checks = new JsonArray();
            boolean up = true;
            for (int i = 0; i < readinessChecks.size(); i++) {
                boolean passed = outcomes.get(i).result();
                up &= passed;
                checks.add(new JsonObject().put("name", readinessChecks.get(i).name()).put("status", status(passed)));
            }
            ctx.response().setStatusCode(up ? 200 : 503);
            ctx.json(new JsonObject().put("status", status(up)).put("checks", checks));
        });
    }

    /** Always succeeds: true when the check passed in time, false when it failed, threw or was too slow. */
    private Future<Boolean> passes(HealthCheckPort check) {
        Promise<Boolean> outcome = Promise.promise();
        long timer = vertx.setTimer(CHECK_TIMEOUT_MILLIS, fired -> outcome.tryComplete(false));
        Future<Void> result;
        try {
            result = check.check();
        } catch (RuntimeException thrown) {
            result = Future.failedFuture(thrown);
        }
        result.onComplete(done -> {
            vertx.cancelTimer(timer);
            outcome.tryComplete(done.succeeded());
        });
        return outcome.future();
    }

    private static String status(boolean up) {
        return up ? "UP" : "DOWN";
    }
}
