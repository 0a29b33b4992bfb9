package dochooks.adapters.persistence;

import dochooks.adapters.persistence.SecretCipher.AssociatedData;
import dochooks.adapters.persistence.SecretCipher.Sealed;
import dochooks.application.connection.port.out.ConnectionKey;
import dochooks.application.connection.port.out.TokenSet;
import dochooks.application.connection.port.out.UserConnection;
import dochooks.domain.connection.ConnectionState;
import dochooks.domain.connection.TokenLifetime;
import dochooks.domain.integration.IntegrationId;
import dochooks.domain.integration.Secret;
import dochooks.domain.tenancy.TenantId;
import dochooks.domain.tenancy.UserId;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/**
 * All SQL of the {@code user_connections} table, and the mapping between its rows and {@link UserConnection}:
 * each user's OAuth2 tokens for an integration, sealed like secrets, with the refresh lease. The table goes with
 * its integration (ON DELETE CASCADE). Every statement names the row by (tenant, integration, user): $1, $2, $3.
 */
final class UserConnectionsTable {
    static final String INTEGRATION_CONSTRAINT = "user_connections_integration_fk";

    private static final String COLUMNS = "tenant_id, integration_id, user_id, token_key_id, access_token_ciphertext,"
            + " refresh_token_ciphertext, access_token_issued_at, access_token_expires_at, state, connected_at";
    private static final String KEY = " WHERE tenant_id = $1 AND integration_id = $2 AND user_id = $3";
    private static final String FREE_LEASE = "refresh_lease_holder = NULL, refresh_lease_until = NULL";

    /** Parameters: $1 tenant, $2 integration id. */
    static final String DELETE_OF_INTEGRATION =
            "DELETE FROM user_connections WHERE tenant_id = $1 AND integration_id = $2";

    /** Every key id under which the table holds a token (all tenants: a startup check). */
    static final String TOKEN_KEY_IDS = "SELECT DISTINCT token_key_id AS key_id FROM user_connections";

    static final String SELECT_ONE = "SELECT " + COLUMNS + " FROM user_connections" + KEY;

    static final String DELETE_ONE = "DELETE FROM user_connections" + KEY;

    /**
     * Parameters: the key, $4 key id, $5 access token, $6 refresh token, $7 issued at, $8 expires at, $9 state,
     * $10 connected at. A connection stored again replaces the old one whole, lease included.
     */
    static final String UPSERT = "INSERT INTO user_connections (" + COLUMNS + ", updated_at)"
            + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, now())"
            + " ON CONFLICT (integration_id, user_id) DO UPDATE SET token_key_id = EXCLUDED.token_key_id,"
            + " access_token_ciphertext = EXCLUDED.access_token_ciphertext,"
            + " refresh_token_ciphertext = EXCLUDED.refresh_token_ciphertext,"
            + " access_token_issued_at = EXCLUDED.access_token_issued_at,"
            + " access_token_expires_at = EXCLUDED.access_token_expires_at, state = EXCLUDED.state,"
            + " connected_at = EXCLUDED.connected_at, updated_at = now(), " + FREE_LEASE
            + " WHERE user_connections.tenant_id = EXCLUDED.tenant_id";

    /**
     * Takes the lease, in one statement, when the connection is usable and its lease free or run out; answers
     * the row as it was then. Parameters: the key, $4 holder, $5 lease length in milliseconds. The database's
     * clock decides, so that processes with skewed clocks agree on when a lease ends.
     */
    static final String ACQUIRE_LEASE = "UPDATE user_connections SET refresh_lease_holder = $4,"
            + " refresh_lease_until = clock_timestamp() + $5 * interval '1 millisecond'" + KEY
            + " AND state = 'CONNECTED' AND (refresh_lease_until IS NULL OR refresh_lease_until <= clock_timestamp())"
            + " RETURNING " + COLUMNS;

    /**
     * Stores refreshed tokens and frees the lease, if $4 still holds it. Access and refresh token change in this
     * one statement. Parameters: the key, $4 holder, $5 key id, $6 access token, $7 refresh token, $8 issued at,
     * $9 expires at.
     */
    static final String STORE_REFRESHED = "UPDATE user_connections SET token_key_id = $5,"
            + " access_token_ciphertext = $6, refresh_token_ciphertext = $7, access_token_issued_at = $8,"
            + " access_token_expires_at = $9, updated_at = now(), " + FREE_LEASE + KEY + " AND refresh_lease_holder = $4";

    /** Marks the connection for reauthorization, drops its refused refresh token, frees the lease; $4 holder. */
    static final String MARK_REAUTHORIZATION_REQUIRED = "UPDATE user_connections SET"
            + " state = 'REAUTHORIZATION_REQUIRED', refresh_token_ciphertext = NULL, updated_at = now(), " + FREE_LEASE
            + KEY + " AND refresh_lease_holder = $4";

    /** Frees the lease if $4 holds it. */
    static final String RELEASE_LEASE = "UPDATE user_connections SET " + FREE_LEASE + KEY + " AND refresh_lease_holder = $4";

    private final SecretCipher cipher;

    UserConnectionsTable(SecretCipher cipher) {
        this.cipher = cipher;
    }

    static Tuple key(ConnectionKey key) {
        return Tuple.tuple().addString(key.tenant().value()).addUUID(key.integration().value())
                .addString(key.user().value());
    }

    /** The parameters of {@link #UPSERT}: the tokens sealed to this row. */
    Tuple upsert(UserConnection connection) {
        SealedTokens tokens = seal(connection.key(), connection.tokens());
        return key(connection.key())
                .addString(tokens.keyId())
                .addValue(tokens.accessToken())
                .addValue(tokens.refreshToken())
                .addOffsetDateTime(timestamp(connection.tokens().lifetime().issuedAt()))
                .addOffsetDateTime(timestamp(connection.tokens().lifetime().expiresAt()))
                .addString(connection.state().name())
                .addOffsetDateTime(timestamp(connection.connectedAt()));
    }

    static Tuple acquire(ConnectionKey key, String holder, Duration leaseFor) {
        return key(key).addString(holder).addLong(Math.max(1, leaseFor.toMillis()));
    }

    /** The parameters of {@link #STORE_REFRESHED}. */
    Tuple storeRefreshed(ConnectionKey key, String holder, TokenSet tokenSet) {
        SealedTokens tokens = seal(key, tokenSet);
        return key(key).addString(holder)
                .addString(tokens.keyId())
                .addValue(tokens.accessToken())
                .addValue(tokens.refreshToken())
                .addOffsetDateTime(timestamp(tokenSet.lifetime().issuedAt()))
                .addOffsetDateTime(timestamp(tokenSet.lifetime().expiresAt()));
    }

    static Tuple holding(ConnectionKey key, String holder) {
        return key(key).addString(holder);
    }

    /** Rebuilds a connection from a row of {@link #COLUMNS}, opening its tokens. */
    UserConnection connection(Row row) {
        ConnectionKey key = new ConnectionKey(new TenantId(row.getString("tenant_id")),
                new UserId(row.getString("user_id")), new IntegrationId(row.getUUID("integration_id")));
        String keyId = row.getString("token_key_id");
        Secret access = Secret.issued(cipher.decrypt(new Sealed(keyId, row.getBuffer("access_token_ciphertext").getBytes()),
                binding(key, "access_token")));
        Buffer refreshBytes = row.getBuffer("refresh_token_ciphertext");
        Secret refresh = refreshBytes == null ? null
                : Secret.issued(cipher.decrypt(new Sealed(keyId, refreshBytes.getBytes()), binding(key, "refresh_token")));
        TokenLifetime lifetime = new TokenLifetime(instant(row.getOffsetDateTime("access_token_issued_at")),
                instant(row.getOffsetDateTime("access_token_expires_at")));
        return new UserConnection(key, ConnectionState.valueOf(row.getString("state")),
                new TokenSet(access, refresh, lifetime), instant(row.getOffsetDateTime("connected_at")));
    }

    /** A connection's tokens sealed under the primary key, each bound to its row and column. */
    private record SealedTokens(String keyId, Buffer accessToken, Buffer refreshToken) {
    }

    private SealedTokens seal(ConnectionKey key, TokenSet tokens) {
        Sealed access = cipher.encrypt(tokens.accessToken().reveal(), binding(key, "access_token"));
        Sealed refresh = tokens.refreshToken() == null ? null
                : cipher.encrypt(tokens.refreshToken().reveal(), binding(key, "refresh_token"));
        if (refresh != null && !refresh.keyId().equals(access.keyId())) {
            throw new IllegalStateException("the primary key changed while sealing a connection's tokens");
        }
        return new SealedTokens(access.keyId(), Buffer.buffer(access.bytes()),
                refresh == null ? null : Buffer.buffer(refresh.bytes()));
    }

    /**
     * Binds a token to its row (tenant, integration, user) and column: copied to another user's row, or from the
     * refresh token's column to the access token's, it no longer opens.
     */
    static AssociatedData binding(ConnectionKey key, String column) {
        return AssociatedData.of("user_connections", column, key.tenant().value(), key.integration().value().toString(),
                key.user().value());
    }

    /** To the millisecond, the precision of the API; null stays null. */
    static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : IntegrationTable.timestamp(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    static Instant instant(OffsetDateTime timestamp) {
        return timestamp == null ? null : IntegrationTable.instant(timestamp);
    }
}
