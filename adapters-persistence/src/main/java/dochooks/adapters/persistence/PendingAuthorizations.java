package dochooks.adapters.persistence;

import dochooks.application.connection.port.out.PendingAuthorization;
import dochooks.application.connection.port.out.Sha256Digest;
import dochooks.domain.integration.Secret;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/** The pending authorizations on {@code pending_authorizations}: each step one statement. */
final class PendingAuthorizations {
    private final Pool pool;
    private final PendingAuthorizationsTable table;

    PendingAuthorizations(Pool pool, SecretCipher cipher) {
        this.pool = pool;
        this.table = new PendingAuthorizationsTable(cipher);
    }

    Future<Void> save(PendingAuthorization pending, Sha256Digest state, Instant now) {
        return run(PendingAuthorizationsTable.INSERT, () -> table.insert(pending, state, now)).mapEmpty();
    }

    Future<Optional<PendingAuthorization>> consumeState(Sha256Digest state) {
        return run(PendingAuthorizationsTable.CONSUME_STATE, () -> PendingAuthorizationsTable.digest(state))
                .map(this::first);
    }

    Future<Boolean> awaitConfirmation(PendingAuthorization consumed, Secret code, Sha256Digest confirmation,
            Instant expiresAt) {
        return run(PendingAuthorizationsTable.AWAIT_CONFIRMATION,
                () -> table.awaitConfirmation(consumed, code, confirmation, expiresAt)).map(rows -> rows.rowCount() == 1);
    }

    Future<Optional<PendingAuthorization>> consumeConfirmation(Sha256Digest confirmation) {
        return run(PendingAuthorizationsTable.CONSUME_CONFIRMATION, () -> PendingAuthorizationsTable.digest(confirmation))
                .map(this::first);
    }

    Future<Void> discard(PendingAuthorization pending) {
        return run(PendingAuthorizationsTable.DELETE_ONE, () -> PendingAuthorizationsTable.identity(pending)).mapEmpty();
    }

    private Future<RowSet<Row>> run(String sql, Supplier<Tuple> parameters) {
        Tuple tuple;
        try {
            tuple = parameters.get();
        } catch (RuntimeException sealingFailed) {
            return Future.failedFuture(sealingFailed);
        }
        return pool.preparedQuery(sql).execute(tuple).recover(DatabaseFailures::translated);
    }

    private Optional<PendingAuthorization> first(RowSet<Row> rows) {
        return rows.size() == 0 ? Optional.empty() : Optional.of(table.pending(rows.iterator().next()));
    }
}
