package dochooks.adapters.persistence;

import dochooks.application.error.DatabaseUnavailableException;
import dochooks.application.error.IntegrationNotFoundException;
import dochooks.application.error.NameTakenException;
import io.vertx.core.Future;
import io.vertx.core.VertxException;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Turns what the PostgreSQL client fails with into the application's named failures, so that no
 * {@link PgException} or Vert.x exception crosses a port. What is not recognised is a bug and passes as is.
 */
final class DatabaseFailures {
    /** admin_shutdown, crash_shutdown, cannot_connect_now, too_many_connections: the server is going or full. */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300");
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String FOREIGN_KEY_VIOLATION = "23503";
    /** Rows that need their integration: a violation means it was deleted meanwhile. */
    private static final Set<String> INTEGRATION_CONSTRAINTS = Set.of(UserConnectionsTable.INTEGRATION_CONSTRAINT,
            PendingAuthorizationsTable.INTEGRATION_CONSTRAINT);
    /** How far down a cause chain to look (chains are short; this bounds a pathological cycle). */
    private static final int MAX_CAUSE_DEPTH = 8;

    private DatabaseFailures() {
    }

    /** For {@code future.recover(DatabaseFailures::translated)}. */
    static <T> Future<T> translated(Throwable failure) {
        return Future.failedFuture(translate(failure));
    }

    static Throwable translate(Throwable failure) {
        Throwable current = failure;
        for (int depth = 0; current != null && depth < MAX_CAUSE_DEPTH; depth++, current = current.getCause()) {
            if (current instanceof PgException pg) {
                return translate(pg, failure);
            }
            if (isUnavailability(current)) {
                return new DatabaseUnavailableException("the database does not answer", failure);
            }
        }
        return failure;
    }

    private static Throwable translate(PgException pg, Throwable failure) {
        String state = pg.getSqlState() == null ? "" : pg.getSqlState();
        if (UNIQUE_VIOLATION.equals(state) && IntegrationTable.NAME_CONSTRAINT.equals(pg.getConstraint())) {
            // no detail from the server: it would quote the conflicting key
            return new NameTakenException("another integration of the tenant has that name");
        }
        if (FOREIGN_KEY_VIOLATION.equals(state) && INTEGRATION_CONSTRAINTS.contains(pg.getConstraint())) {
            return new IntegrationNotFoundException("the integration is gone");
        }
        if (state.startsWith("08") || UNAVAILABLE_STATES.contains(state)) {
            return new DatabaseUnavailableException("the database is unavailable (SQLSTATE " + state + ")", failure);
        }
        return failure;
    }

    /**
     * Refused, reset or closed connections, a host that does not resolve, a pool that cannot hand out a
     * connection in time or has too many waiters, and a bounded wait that ran out.
     */
    private static boolean isUnavailability(Throwable failure) {
        if (failure instanceof IOException || failure instanceof ClosedConnectionException
                || failure instanceof ConnectionPoolTooBusyException || failure instanceof TimeoutException) {
            return true;
        }
        // These come as bare VertxExceptions (or NoStackTraceThrowables), told apart only by their messages:
        // an acquisition that waited too long, a pool closed under its waiters, and a pooled connection that
        // the server closed before the pool noticed.
        String message = failure.getMessage();
        boolean fromVertx = failure instanceof VertxException || failure.getClass().getName().startsWith("io.vertx.");
        return fromVertx && message != null
                && (message.equals("Timeout") || message.startsWith("Timeout waiting for connection")
                        || message.equals("Pool closed") || message.startsWith("Connection is not active now"));
    }
}
