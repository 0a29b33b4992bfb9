package dochooks.adapters.persistence;

import static dochooks.adapters.persistence.Connections.CONNECTED;
import static dochooks.adapters.persistence.Connections.connection;
import static dochooks.adapters.persistence.Connections.key;
import static dochooks.adapters.persistence.Connections.tokens;
import static dochooks.adapters.persistence.Integrations.ACME;
import static dochooks.adapters.persistence.Integrations.GLOBEX;
import static dochooks.adapters.persistence.Integrations.oauth2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dochooks.adapters.persistence.testing.EmbeddedPostgresFixture;
import dochooks.application.connection.port.out.ConnectionKey;
import dochooks.application.connection.port.out.UserConnection;
import dochooks.application.error.IntegrationNotFoundException;
import dochooks.domain.connection.ConnectionState;
import dochooks.domain.integration.Integration;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Users' connections and the refresh lease on real PostgreSQL: what is stored, for whom, sealed how. */
class ConnectionPersistenceAdapterIT {
    private static final String ACCESS = "access-token-3f9a1c7e-UNIQUE-MARKER";
    private static final String REFRESH = "refresh-token-8b2d4e6f-UNIQUE-MARKER";
    private static final Duration LEASE = Duration.ofSeconds(30);

    private static Vertx vertx;
    private DatabaseConnection database;
    private PersistenceAdapter adapter;
    private Sql sql;
    private Integration integration;
    private ConnectionKey alice;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() {
        Await.result(vertx.close());
    }

    @BeforeEach
    void freshDatabase() {
        database = EmbeddedPostgresFixture.newMigratedDatabase();
        adapter = PersistenceAdapter.create(vertx, database, EncryptionKeys.parse(IntegrationPersistenceAdapterIT.K1), 4);
        sql = new Sql(database);
        integration = oauth2(ACME, "Acme DMS");
        Await.result(adapter.insert(integration));
        alice = key(ACME, "alice", integration);
    }

    @AfterEach
    void closeAdapter() {
        Await.result(adapter.close());
    }

    private UserConnection stored(ConnectionKey key) {
        return Await.result(adapter.find(key)).orElseThrow();
    }

    @Test
    void aConnectionReloadsFieldForField() {
        UserConnection saved = connection(alice, ACCESS, REFRESH);
        Await.result(adapter.save(saved));

        UserConnection loaded = stored(alice);

        assertEquals(saved.key(), loaded.key());
        assertEquals(ConnectionState.CONNECTED, loaded.state());
        assertEquals(ACCESS, loaded.tokens().accessToken().reveal());
        assertEquals(REFRESH, loaded.tokens().refreshToken().reveal());
        assertEquals(saved.tokens().lifetime(), loaded.tokens().lifetime());
        assertEquals(CONNECTED, loaded.connectedAt());
    }

    @Test
    void aConnectionWithoutRefreshTokenOrExpiryReloadsSo() {
        Await.result(adapter.save(UserConnection.connected(alice, tokens(ACCESS, null, CONNECTED, null), CONNECTED)));

        UserConnection loaded = stored(alice);

        assertNull(loaded.tokens().refreshToken());
        assertNull(loaded.tokens().lifetime().expiresAt());
    }

    @Test
    void noTokenIsStoredInTheClear() {
        Await.result(adapter.save(connection(alice, ACCESS, REFRESH)));

        byte[] access = (byte[]) sql.column("SELECT access_token_ciphertext FROM user_connections").get(0);
        byte[] refresh = (byte[]) sql.column("SELECT refresh_token_ciphertext FROM user_connections").get(0);
        byte[] marker = "UNIQUE-MARKER".getBytes(StandardCharsets.UTF_8);
        assertFalse(contains(access, marker) || contains(refresh, marker), "a token's bytes are in a raw row");
        assertEquals(12 + ACCESS.length() + 16, access.length, "nonce, ciphertext and tag");
        assertEquals(12 + REFRESH.length() + 16, refresh.length, "nonce, ciphertext and tag");
        assertEquals(List.of(0L), sql.column("SELECT count(*) FROM user_connections"
                + " WHERE row_to_json(user_connections)::text LIKE '%UNIQUE-MARKER%'"));
        assertEquals(List.of("k1"), sql.column("SELECT token_key_id FROM user_connections"));
    }

    @Test
    void aTokenCopiedToAnotherColumnOrUserDoesNotOpen() {
        Await.result(adapter.save(connection(alice, ACCESS, REFRESH)));
        ConnectionKey bob = key(ACME, "bob", integration);
        Await.result(adapter.save(connection(bob, "bobs-access", "bobs-refresh")));

        sql.update("UPDATE user_connections SET access_token_ciphertext = (SELECT access_token_ciphertext FROM"
                + " user_connections WHERE user_id = 'alice') WHERE user_id = 'bob'");
        sql.update("UPDATE user_connections SET access_token_ciphertext = refresh_token_ciphertext"
                + " WHERE user_id = 'alice'");

        assertInstanceOf(SealedValueException.class, Await.failure(adapter.find(bob)));
        assertInstanceOf(SealedValueException.class, Await.failure(adapter.find(alice)));
    }

    @Test
    void connectionsAreScopedToTheirTenant() {
        Await.result(adapter.save(connection(alice, ACCESS, REFRESH)));
        ConnectionKey impostor = key(GLOBEX, "alice", integration);

        assertEquals(Optional.empty(), Await.result(adapter.find(impostor)));
        assertFalse(Await.result(adapter.delete(impostor)));
        assertEquals(Optional.empty(), Await.result(adapter.acquire(impostor, "holder", LEASE)));
        assertInstanceOf(IntegrationNotFoundException.class,
                Await.failure(adapter.save(connection(impostor, "globex-access", "globex-refresh"))));

        assertEquals(ACCESS, stored(alice).tokens().accessToken().reveal());
    }

    @Test
    void savingAgainReplacesTheConnectionAndHealsAReauthorization() {
        Await.result(adapter.save(connection(alice, ACCESS, REFRESH)));
        Await.result(adapter.acquire(alice, "holder", LEASE));
        Await.result(adapter.markReauthorizationRequired(alice, "holder"));
        assertEquals(ConnectionState.REAUTHORIZATION_REQUIRED, stored(alice).state());
        Instant later = CONNECTED.plusSeconds(600);

        Await.result(adapter.save(UserConnection.connected(alice, tokens("new-access", "new-refresh", later, 60L), later)));

        UserConnection healed = stored(alice);
        assertEquals(ConnectionState.CONNECTED, healed.state());
        assertEquals("new-access", healed.tokens().accessToken().reveal());
        assertEquals(later, healed.connectedAt());
        assertEquals(List.of(1L), sql.column("SELECT count(*) FROM user_connections"));
    }

    @Test
    void deleteIsPerUser() {
        ConnectionKey bob = key(ACME, "bob", integration);
        Await.result(adapter.save(connection(alice, ACCESS, REFRESH)));
        Await.result(adapter.save(connection(bob, "bobs-access", "bobs-refresh")));

        assertTrue(Await.result(adapter.delete(alice)));
        assertFalse(Await.result(adapter.delete(alice)));

        assertEquals(Optional.empty(), Await.result(adapter.find(alice)));
        assertEquals("bobs-access", stored(bob).tokens().accessToken().reveal());
    }

    @Test
    void deletingTheIntegrationDeletesItsConnections() {
        Await.result(adapter.save(connection(alice, ACCESS, REFRESH)));

        Await.result(adapter.delete(ACME, integration.id()));

        assertEquals(List.of(0L), sql.column("SELECT count(*) FROM user_connections"));
    }

    // ---- the lease

    @Test
    void theLeaseIsTakenOnceAndAnswersTheConnectionAsStored() {
        Await.result(adapter.save(connection(alice, ACCESS, REFRESH)));

        Optional<UserConnection> first = Await.result(adapter.acquire(alice, "first", LEASE));
        Optional<UserConnection> second = Await.result(adapter.acquire(alice, "second", LEASE));

        assertEquals(REFRESH, first.orElseThrow().tokens().refreshToken().reveal());
        assertEquals(Optional.empty(), second);
        assertEquals(List.of("first"), sql.column("SELECT refresh_lease_holder FROM user_connections"));
    }

    @Test
    void aLeaseRunsOutByTheDatabasesClock() throws InterruptedException {
        Await.result(adapter.save(connection(alice, ACCESS, REFRESH)));
        Await.result(adapter.acquire(alice, "first", Duration.ofMillis(200)));
        assertEquals(Optional.empty(), Await.result(adapter.acquire(alice, "second", LEASE)));

        Thread.sleep(300);

        assertTrue(Await.result(adapter.acquire(alice, "second", LEASE)).isPresent());
        assertFalse(Await.result(adapter.storeRefreshed(alice, "first", tokens("late", "late", CONNECTED, 60L))),
                "the first holder lost the lease: its write changes nothing");
        assertEquals(ACCESS, stored(alice).tokens().accessToken().reveal());
    }

    @Test
    void theHolderStoresRefreshedTokensInOneWriteAndFreesTheLease() {
        Await.result(adapter.save(connection(alice, ACCESS, REFRESH)));
        Await.result(adapter.acquire(alice, "holder", LEASE));
        Instant refreshedAt = CONNECTED.plusSeconds(3540);

        assertFalse(Await.result(adapter.storeRefreshed(alice, "someone-else",
                tokens("wrong", "wrong", refreshedAt, 60L))));
        assertTrue(Await.result(adapter.storeRefreshed(alice, "holder",
                tokens("next-access", "next-refresh", refreshedAt, 3600L))));

        UserConnection refreshed = stored(alice);
        assertEquals("next-access", refreshed.tokens().accessToken().reveal());
        assertEquals("next-refresh", refreshed.tokens().refreshToken().reveal());
        assertEquals(refreshedAt.plusSeconds(3600), refreshed.tokens().lifetime().expiresAt());
        assertEquals(CONNECTED, refreshed.connectedAt());
        assertEquals(java.util.Arrays.asList((Object) null), sql.column("SELECT refresh_lease_holder FROM user_connections"));
        assertTrue(Await.result(adapter.acquire(alice, "next", LEASE)).isPresent());
    }

    @Test
    void markingForReauthorizationDropsTheRefreshTokenAndBlocksTheLease() {
        Await.result(adapter.save(connection(alice, ACCESS, REFRESH)));
        Await.result(adapter.acquire(alice, "holder", LEASE));

        assertFalse(Await.result(adapter.markReauthorizationRequired(alice, "someone-else")));
        assertTrue(Await.result(adapter.markReauthorizationRequired(alice, "holder")));

        UserConnection marked = stored(alice);
        assertEquals(ConnectionState.REAUTHORIZATION_REQUIRED, marked.state());
        assertNull(marked.tokens().refreshToken());
        assertEquals(Optional.empty(), Await.result(adapter.acquire(alice, "next", LEASE)),
                "nothing to refresh until the user connects again");
    }

    @Test
    void onlyTheHolderReleasesTheLease() {
        Await.result(adapter.save(connection(alice, ACCESS, REFRESH)));
        Await.result(adapter.acquire(alice, "holder", LEASE));

        Await.result(adapter.release(alice, "someone-else"));
        assertEquals(Optional.empty(), Await.result(adapter.acquire(alice, "next", LEASE)));

        Await.result(adapter.release(alice, "holder"));
        assertTrue(Await.result(adapter.acquire(alice, "next", LEASE)).isPresent());
        assertEquals(ACCESS, stored(alice).tokens().accessToken().reveal());
    }

    @Test
    void reconnectingFreesALeaseSoTheOldHoldersWriteIsLost() {
        Await.result(adapter.save(connection(alice, ACCESS, REFRESH)));
        Await.result(adapter.acquire(alice, "holder", LEASE));

        Await.result(adapter.save(connection(alice, "reconnected", "reconnected-refresh")));

        assertFalse(Await.result(adapter.storeRefreshed(alice, "holder", tokens("stale", "stale", CONNECTED, 60L))));
        assertEquals("reconnected", stored(alice).tokens().accessToken().reveal());
    }

    @Test
    void startupChecksTheKeyIdsOfTokensVerifiersAndCodes() {
        Await.result(adapter.save(connection(alice, ACCESS, REFRESH)));
        dochooks.application.connection.port.out.PendingAuthorization pending =
                new dochooks.application.connection.port.out.PendingAuthorization(java.util.UUID.randomUUID(), alice,
                        dochooks.domain.integration.Secret.of("verifier"), CONNECTED.plusSeconds(600), null);
        Await.result(adapter.save(pending, dochooks.application.connection.port.out.Sha256Digest.of("state"), CONNECTED));
        Await.result(adapter.consumeState(dochooks.application.connection.port.out.Sha256Digest.of("state")));
        Await.result(adapter.awaitConfirmation(pending, dochooks.domain.integration.Secret.of("code"),
                dochooks.application.connection.port.out.Sha256Digest.of("confirmation"), CONNECTED.plusSeconds(600)));
        // the integration's secret passes for one under k2 (the check reads key ids only): what is left is k1
        sql.update("UPDATE integrations SET secret_key_id = 'k2'");
        sql.update("UPDATE pending_authorizations SET verifier_key_id = 'k2'");
        PersistenceAdapter otherKeys = PersistenceAdapter.create(vertx, database,
                EncryptionKeys.parse("k2:" + "MjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjI="), 1);
        try {
            assertTrue(Await.failure(otherKeys.verifyKeyIds()).getMessage().endsWith("configured: k1; add those keys"
                    + " (after the current primary key) to the encryption keys"));
            sql.update("DELETE FROM user_connections");
            assertTrue(Await.failure(otherKeys.verifyKeyIds()).getMessage().contains(": k1;"), "the code's key id");
            sql.update("UPDATE pending_authorizations SET code_key_id = 'k2'");
            assertEquals(Optional.empty(), Await.failureOrNothing(otherKeys.verifyKeyIds()));
        } finally {
            Await.result(otherKeys.close());
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
