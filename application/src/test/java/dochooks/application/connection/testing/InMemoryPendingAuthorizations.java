package dochooks.application.connection.testing;

import dochooks.application.connection.port.out.PendingAuthorization;
import dochooks.application.connection.port.out.PendingAuthorizationPort;
import dochooks.application.connection.port.out.Sha256Digest;
import dochooks.domain.integration.Secret;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.LinkedHashMap;

/**
 * A real, in-memory implementation of the pending authorizations, with the rules of the PostgreSQL one: a state
 * is consumed once, a confirmation once (and deletes its row), expired rows go when a new one is saved.
 * Thread-safe. Exposes its rows so tests can see what is stored (digests only).
 */
public final class InMemoryPendingAuthorizations implements PendingAuthorizationPort {

    /** One stored row: the authorization and the digests it is found by. */
    public record Row(PendingAuthorization authorization, Sha256Digest state, boolean stateUsed,
            Sha256Digest confirmation) {
    }

    private final Map<UUID, Row> rows = new LinkedHashMap<>();

    @Override
    public synchronized Future<Void> save(PendingAuthorization pending, Sha256Digest state, Instant now) {
        rows.values().removeIf(row -> row.authorization().isExpired(now));
        rows.put(pending.id(), new Row(pending, state, false, null));
        return Future.succeededFuture();
    }

    @Override
    public synchronized Future<Optional<PendingAuthorization>> consumeState(Sha256Digest state) {
        for (Row row : rows.values()) {
            if (row.state().equals(state) && !row.stateUsed()) {
                rows.put(row.authorization().id(), new Row(row.authorization(), row.state(), true, row.confirmation()));
                return Future.succeededFuture(Optional.of(row.authorization()));
            }
        }
        return Future.succeededFuture(Optional.empty());
    }

    @Override
    public synchronized Future<Boolean> awaitConfirmation(PendingAuthorization consumed, Secret code,
            Sha256Digest confirmation, Instant expiresAt) {
        UUID id = consumed.id();
        Row row = rows.get(id);
        if (row == null || row.authorization().code() != null) {
            return Future.succeededFuture(false);
        }
        PendingAuthorization authorization = row.authorization();
        rows.put(id, new Row(new PendingAuthorization(id, authorization.key(), authorization.codeVerifier(), expiresAt,
                code), row.state(), true, confirmation));
        return Future.succeededFuture(true);
    }

    @Override
    public synchronized Future<Optional<PendingAuthorization>> consumeConfirmation(Sha256Digest confirmation) {
        for (Row row : rows.values()) {
            if (confirmation.equals(row.confirmation())) {
                rows.remove(row.authorization().id());
                return Future.succeededFuture(Optional.of(row.authorization()));
            }
        }
        return Future.succeededFuture(Optional.empty());
    }

    @Override
    public synchronized Future<Void> discard(PendingAuthorization pending) {
        rows.remove(pending.id());
        return Future.succeededFuture();
    }

    public synchronized List<Row> rows() {
        return new ArrayList<>(rows.values());
    }
}
