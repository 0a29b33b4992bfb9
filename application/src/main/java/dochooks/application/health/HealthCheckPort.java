package dochooks.application.health;

import io.vertx.core.Future;

/** A dependency whose health decides readiness (the database). */
public interface HealthCheckPort {

    /** Short stable name shown by the readiness endpoint, e.g. {@code "database"}. */
    String name();

    /** Succeeds when the dependency answers, within a bounded time; fails otherwise. */
    Future<Void> check();
}
