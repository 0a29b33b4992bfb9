package dochooks.adapters.persistence;

import dochooks.adapters.persistence.SecretCipher.AssociatedData;
import dochooks.adapters.persistence.SecretCipher.Sealed;
import dochooks.application.connection.port.out.ConnectionKey;
import dochooks.application.connection.port.out.PendingAuthorization;
import dochooks.application.connection.port.out.Sha256Digest;
import dochooks.domain.integration.IntegrationId;
import dochooks.domain.integration.Secret;
import dochooks.domain.tenancy.TenantId;
import dochooks.domain.tenancy.UserId;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.UUID;

/**
 * All SQL of the {@code pending_authorizations} table and the mapping of its rows. The verifier and the code are
 * sealed, bound to their row; state and confirmation are found by their SHA-256 digests only. Each consumption is
 * one statement, so that of two concurrent callers exactly one gets the row.
 */
final class PendingAuthorizationsTable {
    static final String INTEGRATION_CONSTRAINT = "pending_authorizations_integration_fk";
    /** How many expired rows one save removes at most: the clean-up stays cheap, and keeps up with the saves. */
    static final int CLEAN_UP_BATCH = 100;

    private static final String COLUMNS = "id, tenant_id, integration_id, user_id, verifier_key_id,"
            + " code_verifier_ciphertext, code_key_id, code_ciphertext, expires_at";

    /**
     * Removes up to {@value #CLEAN_UP_BATCH} rows that expired before $9 (of any tenant: housekeeping that reads
     * nothing out), then inserts the new row. Parameters: $1 id, $2 tenant, $3 integration, $4 user, $5 state
     * digest, $6 key id, $7 verifier, $8 expires at, $9 now.
     */
    static final String INSERT = "WITH expired AS (DELETE FROM pending_authorizations WHERE id IN"
            + " (SELECT id FROM pending_authorizations WHERE expires_at <= $9 LIMIT " + CLEAN_UP_BATCH + "))"
            + " INSERT INTO pending_authorizations (id, tenant_id, integration_id, user_id, state_hash, verifier_key_id,"
            + " code_verifier_ciphertext, expires_at, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now())";

    /**
     * Uses a state up: the first statement to set {@code state_used_at} gets the row, every later one nothing (a
     * concurrent one waits for the row lock, then finds it used). Not scoped to a tenant: the browser's callback
     * carries no identity, the state is the only key. Parameter: $1 state digest.
     */
    static final String CONSUME_STATE = "UPDATE pending_authorizations SET state_used_at = now()"
            + " WHERE state_hash = $1 AND state_used_at IS NULL RETURNING " + COLUMNS;

    /**
     * Keeps the code behind a confirmation. Parameters: $1 id, $2 tenant, $3 key id, $4 code, $5 confirmation
     * digest, $6 expires at.
     */
    static final String AWAIT_CONFIRMATION = "UPDATE pending_authorizations SET code_key_id = $3, code_ciphertext = $4,"
            + " confirmation_hash = $5, expires_at = $6 WHERE id = $1 AND tenant_id = $2 AND state_used_at IS NOT NULL"
            + " AND code_ciphertext IS NULL";

    /**
     * Uses a confirmation up: deletes its row and answers it. Not scoped to a tenant either: whoever presents a
     * confirmation, it is gone (api.md: another user's presentation discards it). Parameter: $1 digest.
     */
    static final String CONSUME_CONFIRMATION = "DELETE FROM pending_authorizations WHERE confirmation_hash = $1"
            + " RETURNING " + COLUMNS;

    /** Parameters: $1 id, $2 tenant. */
    static final String DELETE_ONE = "DELETE FROM pending_authorizations WHERE id = $1 AND tenant_id = $2";

    /** Parameters: $1 tenant, $2 integration id. */
    static final String DELETE_OF_INTEGRATION =
            "DELETE FROM pending_authorizations WHERE tenant_id = $1 AND integration_id = $2";

    /** Every key id under which the table holds a verifier or a code (all tenants: a startup check). */
    static final String KEY_IDS = "SELECT verifier_key_id AS key_id FROM pending_authorizations"
            + " UNION SELECT code_key_id FROM pending_authorizations WHERE code_key_id IS NOT NULL";

    private final SecretCipher cipher;

    PendingAuthorizationsTable(SecretCipher cipher) {
        this.cipher = cipher;
    }

    Tuple insert(PendingAuthorization pending, Sha256Digest state, Instant now) {
        Sealed verifier = cipher.encrypt(pending.codeVerifier().reveal(), binding(pending.id(), pending.key(),
                "code_verifier"));
        ConnectionKey key = pending.key();
        return Tuple.tuple()
                .addUUID(pending.id())
                .addString(key.tenant().value())
                .addUUID(key.integration().value())
                .addString(key.user().value())
                .addValue(Buffer.buffer(state.bytes()))
                .addString(verifier.keyId())
                .addValue(Buffer.buffer(verifier.bytes()))
                .addOffsetDateTime(UserConnectionsTable.timestamp(pending.expiresAt()))
                .addOffsetDateTime(IntegrationTable.timestamp(now));
    }

    Tuple awaitConfirmation(PendingAuthorization consumed, Secret code, Sha256Digest confirmation, Instant expiresAt) {
        Sealed sealed = cipher.encrypt(code.reveal(), binding(consumed.id(), consumed.key(), "code"));
        return Tuple.tuple()
                .addUUID(consumed.id())
                .addString(consumed.key().tenant().value())
                .addString(sealed.keyId())
                .addValue(Buffer.buffer(sealed.bytes()))
                .addValue(Buffer.buffer(confirmation.bytes()))
                .addOffsetDateTime(UserConnectionsTable.timestamp(expiresAt));
    }

    static Tuple digest(Sha256Digest digest) {
        return Tuple.of(Buffer.buffer(digest.bytes()));
    }

    static Tuple identity(PendingAuthorization pending) {
        return Tuple.of(pending.id(), pending.key().tenant().value());
    }

    /** Rebuilds a pending authorization from a row of {@link #COLUMNS}, opening verifier and code. */
    PendingAuthorization pending(Row row) {
        ConnectionKey key = new ConnectionKey(new TenantId(row.getString("tenant_id")),
                new UserId(row.getString("user_id")), new IntegrationId(row.getUUID("integration_id")));
        UUID id = row.getUUID("id");
        Instant expiresAt = UserConnectionsTable.instant(row.getOffsetDateTime("expires_at"));
        Secret verifier = Secret.of(cipher.decrypt(new Sealed(row.getString("verifier_key_id"),
                row.getBuffer("code_verifier_ciphertext").getBytes()), binding(id, key, "code_verifier")));
        Buffer codeBytes = row.getBuffer("code_ciphertext");
        Secret code = codeBytes == null ? null : Secret.issued(cipher.decrypt(
                new Sealed(row.getString("code_key_id"), codeBytes.getBytes()), binding(id, key, "code")));
        return new PendingAuthorization(id, key, verifier, expiresAt, code);
    }

    /** Binds a value to its pending authorization (row id and whose it is) and column. */
    static AssociatedData binding(UUID id, ConnectionKey key, String column) {
        return AssociatedData.of("pending_authorizations", column, key.tenant().value(), id.toString(),
                key.integration().value().toString(), key.user().value());
    }
}
