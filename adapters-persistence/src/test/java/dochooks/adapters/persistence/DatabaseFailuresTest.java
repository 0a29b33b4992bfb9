package dochooks.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import dochooks.application.error.DatabaseUnavailableException;
import dochooks.application.error.NameTakenException;
import io.vertx.core.VertxException;
import io.vertx.pgclient.PgException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The mapping of client failures to the application's, on the exceptions the client really raises. */
class DatabaseFailuresTest {

    @ParameterizedTest
    @ValueSource(strings = {"08006", "08001", "57P01", "57P02", "57P03", "53300"})
    void serverStatesOfAnAbsentOrLeavingDatabaseAreUnavailable(String sqlState) {
        assertInstanceOf(DatabaseUnavailableException.class,
                DatabaseFailures.translate(new PgException("going away", "FATAL", sqlState, null)));
    }

    @Test
    void aUniqueViolationOfTheNameConstraintIsNameTaken() {
        assertInstanceOf(NameTakenException.class, DatabaseFailures.translate(unique("integrations_name_unique")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"integrations_pk", "user_connections_pk"})
    void anyOtherUniqueViolationIsABugAndPassesAsIs(String constraint) {
        PgException violation = unique(constraint);

        assertSame(violation, DatabaseFailures.translate(violation));
    }

    @Test
    void otherServerErrorsPassAsIs() {
        PgException undefinedTable = new PgException("relation does not exist", "ERROR", "42P01", null);

        assertSame(undefinedTable, DatabaseFailures.translate(undefinedTable));
    }

    @Test
    void connectionFailuresAndPoolTimeoutsAreUnavailableEvenWhenWrapped() {
        assertInstanceOf(DatabaseUnavailableException.class,
                DatabaseFailures.translate(new VertxException(new ConnectException("Connection refused"))));
        assertInstanceOf(DatabaseUnavailableException.class,
                DatabaseFailures.translate(new VertxException("Timeout waiting for connection")));
        assertInstanceOf(DatabaseUnavailableException.class,
                DatabaseFailures.translate(new VertxException("Connection is not active now, current status: CLOSED")));
    }

    @Test
    void aBugIsNotMistakenForUnavailability() {
        IllegalStateException bug = new IllegalStateException("Timeout waiting for connection");

        assertSame(bug, DatabaseFailures.translate(bug));
    }

    private static PgException unique(String constraint) {
        return new PgException("duplicate key value", "ERROR", "23505", "Key (tenant_id, name_key)=(acme, x)",
                null, null, null, null, null, null, null, null, "public", "integrations", null, null, constraint);
    }
}
