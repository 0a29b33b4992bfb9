package dochooks.adapters.persistence;

import dochooks.application.connection.port.out.ConnectionKey;
import dochooks.application.connection.port.out.TokenSet;
import dochooks.application.connection.port.out.UserConnection;
import dochooks.application.error.IntegrationNotFoundException;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The connection store and its refresh lease on {@code user_connections}. Every method is one statement on a
 * pooled connection, given back as soon as the statement is done: nothing is held between the lease and the
 * token call.
 */
final class UserConnections {
    private final Pool pool;
    private final UserConnectionsTable table;

    UserConnections(Pool pool, SecretCipher cipher) {
        this.pool = pool;
        this.table = new UserConnectionsTable(cipher);
    }

    Future<Optional<UserConnection>> find(ConnectionKey key) {
        return run(UserConnectionsTable.SELECT_ONE, () -> UserConnectionsTable.key(key)).map(this::first);
    }

    Future<Void> save(UserConnection connection) {
        // no row written: the key's user has a connection to an integration of the same id in another tenant,
        // so that integration is not the tenant's (a missing one fails the foreign key instead)
        return run(UserConnectionsTable.UPSERT, () -> table.upsert(connection)).compose(rows -> rows.rowCount() == 1
                ? Future.<Void>succeededFuture()
                : Future.failedFuture(new IntegrationNotFoundException("no integration " + connection.key().integration())));
    }

    Future<Boolean> delete(ConnectionKey key) {
        return run(UserConnectionsTable.DELETE_ONE, () -> UserConnectionsTable.key(key)).map(rows -> rows.rowCount() > 0);
    }

    Future<Optional<UserConnection>> acquire(ConnectionKey key, String holder, Duration leaseFor) {
        return run(UserConnectionsTable.ACQUIRE_LEASE, () -> UserConnectionsTable.acquire(key, holder, leaseFor))
                .map(this::first);
    }

    Future<Boolean> storeRefreshed(ConnectionKey key, String holder, TokenSet tokens) {
        return run(UserConnectionsTable.STORE_REFRESHED, () -> table.storeRefreshed(key, holder, tokens))
                .map(rows -> rows.rowCount() == 1);
    }

    Future<Boolean> markReauthorizationRequired(ConnectionKey key, String holder) {
        return run(UserConnectionsTable.MARK_REAUTHORIZATION_REQUIRED, () -> UserConnectionsTable.holding(key, holder))
                .map(rows -> rows.rowCount() == 1);
    }

    Future<Void> release(ConnectionKey key, String holder) {
        return run(UserConnectionsTable.RELEASE_LEASE, () -> UserConnectionsTable.holding(key, holder)).mapEmpty();
    }

    /** One statement; building its parameters (sealing) may throw, which fails the Future instead. */
    private Future<RowSet<Row>> run(String sql, Supplier<Tuple> parameters) {
        Tuple tuple;
        try {
            tuple = parameters.get();
        } catch (RuntimeException sealingFailed) {
            return Future.failedFuture(sealingFailed);
        }
        return pool.preparedQuery(sql).execute(tuple).recover(DatabaseFailures::translated);
    }

    private Optional<UserConnection> first(RowSet<Row> rows) {
        return rows.size() == 0 ? Optional.empty() : Optional.of(table.connection(rows.iterator().next()));
    }
}
