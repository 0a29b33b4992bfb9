package dochooks.adapters.persistence;

import static dochooks.adapters.persistence.Integrations.ACME;
import static dochooks.adapters.persistence.Integrations.API_KEY;
import static dochooks.adapters.persistence.Integrations.CLIENT_SECRET;
import static dochooks.adapters.persistence.Integrations.CREATED;
import static dochooks.adapters.persistence.Integrations.GLOBEX;
import static dochooks.adapters.persistence.Integrations.apiKey;
import static dochooks.adapters.persistence.Integrations.apiKeySettings;
import static dochooks.adapters.persistence.Integrations.oauth2;
import static dochooks.adapters.persistence.Integrations.oauth2Settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dochooks.adapters.persistence.testing.EmbeddedPostgresFixture;
import dochooks.application.error.IntegrationNotFoundException;
import dochooks.application.error.NameTakenException;
import dochooks.application.error.VersionConflictException;
import dochooks.domain.integration.Integration;
import dochooks.domain.integration.IntegrationStatus;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The adapter's registry behaviour on real PostgreSQL: what it stores, for whom, and how writes race. */
class IntegrationPersistenceAdapterIT {
    static final String K1 = "k1:" + "MTExMTExMTExMTExMTExMTExMTExMTExMTExMTExMTE=";

    private static Vertx vertx;
    private DatabaseConnection database;
    private PersistenceAdapter adapter;
    private Sql sql;

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
        adapter = PersistenceAdapter.create(vertx, database, EncryptionKeys.parse(K1), 8);
        sql = new Sql(database);
    }

    @AfterEach
    void closeAdapter() {
        Await.result(adapter.close());
    }

    @Test
    void reloadsAnOAuth2IntegrationFieldForField() {
        Integration stored = oauth2(ACME, "Acme DMS").withStatus(IntegrationStatus.DISABLED,
                Instant.parse("2026-11-23T15:00:00.987654Z"));
        Await.result(adapter.insert(stored));

        Integration loaded = Await.result(adapter.load(ACME, stored.id())).orElseThrow();

        assertEquals(stored, loaded); // records all the way down; Secret compares its value
        assertEquals(CLIENT_SECRET, loaded.settings().auth().secret().reveal());
        assertEquals("access_type=offline&scope=read%20write&plus=a%2Bb", loaded.settings().requestParameters().encoded());
        assertEquals(Instant.parse("2026-11-23T15:00:00.987Z"), loaded.updatedAt());
        assertEquals(2, loaded.version());
    }

    @Test
    void reloadsAnApiKeyIntegrationWithoutOAuth2Columns() {
        Integration stored = apiKey(ACME, "  문서 보관함 ");
        Await.result(adapter.insert(stored));

        assertEquals(Optional.of(stored), Await.result(adapter.load(ACME, stored.id())));
        assertEquals(API_KEY, Await.result(adapter.load(ACME, stored.id())).orElseThrow().settings().auth().secret()
                .reveal());
        assertEquals(List.of(true), sql.column("SELECT authentication_url IS NULL AND token_endpoint_url IS NULL"
                + " AND client_id IS NULL AND request_parameters = '' AND auth_type = 'ApiKey'"
                + " AND name = '문서 보관함' FROM integrations WHERE id = ?", stored.id().value()));
    }

    @Test
    void aMissingIntegrationLoadsAsEmpty() {
        Await.result(adapter.insert(oauth2(ACME, "Present")));

        assertEquals(Optional.empty(), Await.result(adapter.load(ACME, oauth2(ACME, "Absent").id())));
    }

    @Test
    void anotherTenantCanNeitherSeeNorTouchAnIntegration() {
        Integration acmes = oauth2(ACME, "Shared name");
        Await.result(adapter.insert(acmes));
        Integration impostor = new Integration(acmes.id(), GLOBEX, apiKeySettings("Taken over"), 2, CREATED, CREATED);

        assertEquals(Optional.empty(), Await.result(adapter.load(GLOBEX, acmes.id())));
        assertEquals(List.of(), Await.result(adapter.list(GLOBEX, Optional.empty(), Optional.empty(), 50)));
        assertInstanceOf(IntegrationNotFoundException.class, Await.failure(adapter.update(impostor, 1, true)));
        assertFalse(Await.result(adapter.delete(GLOBEX, acmes.id())));

        assertEquals(Optional.of(acmes), Await.result(adapter.load(ACME, acmes.id())));
        // and the same name is free in the other tenant
        Await.result(adapter.insert(oauth2(GLOBEX, "SHARED NAME")));
    }

    @Test
    void concurrentCreatesOfOneNameInAnyCaseLeaveExactlyOneRow() {
        List<String> spellings = List.of("Acme DMS", "ACME DMS", "acme dms", "Acme Dms", "aCME dMS", "ACME dms",
                "acme DMS", "  Acme DMS  ");
        List<Future<Void>> inserts = new ArrayList<>();
        for (String spelling : spellings) {
            inserts.add(adapter.insert(oauth2(ACME, spelling)));
        }

        int succeeded = 0;
        for (Future<Void> insert : inserts) {
            try {
                Await.result(insert);
                succeeded++;
            } catch (AssertionError failed) {
                assertInstanceOf(NameTakenException.class, failed.getCause());
            }
        }

        assertEquals(1, succeeded);
        assertEquals(1L, sql.count("SELECT count(*) FROM integrations WHERE tenant_id = 'acme'"));
    }

    @Test
    void anUpdateAppliesOnlyOverTheExpectedVersion() {
        Integration first = oauth2(ACME, "Versioned");
        Await.result(adapter.insert(first));
        Integration second = first.replacedBy(apiKeySettings("Versioned, renamed"), CREATED.plusSeconds(60));

        Await.result(adapter.update(second, 1, false));
        assertEquals(Optional.of(second), Await.result(adapter.load(ACME, first.id())));

        Integration stale = first.withStatus(IntegrationStatus.DISABLED, CREATED.plusSeconds(120));
        VersionConflictException conflict = assertInstanceOf(VersionConflictException.class,
                Await.failure(adapter.update(stale, 1, false)));
        assertTrue(conflict.getMessage().contains("stored version is 2"), conflict.getMessage());
        assertEquals(Optional.of(second), Await.result(adapter.load(ACME, first.id())));

        assertTrue(Await.result(adapter.delete(ACME, first.id())));
        Integration third = second.withStatus(IntegrationStatus.ENABLED, CREATED.plusSeconds(180));
        assertInstanceOf(IntegrationNotFoundException.class, Await.failure(adapter.update(third, 2, false)));
    }

    @Test
    void renamingOntoAnotherIntegrationsNameIsNameTaken() {
        Integration alpha = oauth2(ACME, "Alpha");
        Integration beta = oauth2(ACME, "Beta");
        Await.result(adapter.insert(alpha));
        Await.result(adapter.insert(beta));

        Integration clash = beta.replacedBy(oauth2Settings("ALPHA"), CREATED.plusSeconds(1));
        assertInstanceOf(NameTakenException.class, Await.failure(adapter.update(clash, 1, false)));

        assertEquals(Optional.of(beta), Await.result(adapter.load(ACME, beta.id())));
        // renaming onto its own name in another case is no clash
        Await.result(adapter.update(alpha.replacedBy(oauth2Settings("alpha"), CREATED.plusSeconds(2)), 1, false));
    }

    @Test
    void droppingConnectionsDeletesOnlyThatIntegrationsConnectionsAndOnlyOnSuccess() {
        Integration first = oauth2(ACME, "First");
        Integration second = oauth2(ACME, "Second");
        Await.result(adapter.insert(first));
        Await.result(adapter.insert(second));
        connect(first, "alice");
        connect(first, "bob");
        connect(second, "alice");

        Integration conflicting = first.withStatus(IntegrationStatus.DISABLED, CREATED.plusSeconds(1));
        Await.failure(adapter.update(conflicting, 7, true));
        assertEquals(Map.of("First", 2L, "Second", 1L), connectionCounts(first, second));

        Await.result(adapter.update(second.replacedBy(oauth2Settings("Second, kept"), CREATED.plusSeconds(1)), 1, false));
        assertEquals(Map.of("First", 2L, "Second", 1L), connectionCounts(first, second));

        Await.result(adapter.update(conflicting, 1, true));
        assertEquals(Map.of("First", 0L, "Second", 1L), connectionCounts(first, second));
    }

    @Test
    void deletingAnIntegrationTakesItsConnectionsWithIt() {
        Integration gone = oauth2(ACME, "Gone");
        Integration kept = oauth2(ACME, "Kept");
        Await.result(adapter.insert(gone));
        Await.result(adapter.insert(kept));
        connect(gone, "alice");
        connect(kept, "alice");

        assertTrue(Await.result(adapter.delete(ACME, gone.id())));

        assertEquals(Map.of("Gone", 0L, "Kept", 1L), connectionCounts(gone, kept));
        assertEquals(Optional.empty(), Await.result(adapter.load(ACME, gone.id())));
        assertFalse(Await.result(adapter.delete(ACME, gone.id())));
    }

    @Test
    void storedRowsHoldNeitherTheClientSecretNorTheApiKey() {
        Integration oauth2 = oauth2(ACME, "Sealed OAuth2");
        Integration apiKey = apiKey(ACME, "Sealed ApiKey");
        Await.result(adapter.insert(oauth2));
        Await.result(adapter.insert(apiKey));

        for (Object ciphertext : sql.column("SELECT secret_ciphertext FROM integrations")) {
            byte[] bytes = (byte[]) ciphertext;
            assertFalse(contains(bytes, CLIENT_SECRET.getBytes(StandardCharsets.UTF_8)));
            assertFalse(contains(bytes, API_KEY.getBytes(StandardCharsets.UTF_8)));
        }
        String wholeRows = String.join("\n", sql.column("SELECT i::text FROM integrations i").stream()
                .map(Object::toString).toList());
        assertTrue(wholeRows.contains("Sealed OAuth2"), "the dump is of the rows themselves");
        for (String secret : List.of(CLIENT_SECRET, API_KEY)) {
            assertFalse(wholeRows.contains(secret));
            assertFalse(wholeRows.contains(HexFormat.of().formatHex(secret.getBytes(StandardCharsets.UTF_8))));
            assertFalse(wholeRows.contains(secret.substring(0, 12)));
        }
        assertEquals(List.of("••••c0de"), sql.column("SELECT secret_hint FROM integrations WHERE id = ?",
                oauth2.id().value()));
    }

    @Test
    void aCiphertextMovedToAnotherRowDoesNotOpen() {
        Integration source = oauth2(ACME, "Source");
        Integration target = oauth2(ACME, "Target");
        Await.result(adapter.insert(source));
        Await.result(adapter.insert(target));

        sql.update("UPDATE integrations SET secret_ciphertext = (SELECT secret_ciphertext FROM integrations"
                + " WHERE id = ?) WHERE id = ?", source.id().value(), target.id().value());

        Throwable failure = Await.failure(adapter.load(ACME, target.id()));
        assertInstanceOf(SealedValueException.class, failure);
        assertFalse(failure.getMessage().contains(CLIENT_SECRET));
        assertEquals(Optional.of(source), Await.result(adapter.load(ACME, source.id())));
    }

    @Test
    void keysRotateWhileOldKeysStillDecrypt() {
        Integration underK1 = oauth2(ACME, "Under k1");
        Await.result(adapter.insert(underK1));
        String k2 = "k2:" + "MjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjI=";

        PersistenceAdapter rotated = PersistenceAdapter.create(vertx, database, EncryptionKeys.parse(k2 + "," + K1), 2);
        PersistenceAdapter k2Only = PersistenceAdapter.create(vertx, database, EncryptionKeys.parse(k2), 2);
        try {
            assertEquals(Optional.of(underK1), Await.result(rotated.load(ACME, underK1.id())));
            Integration underK2 = apiKey(ACME, "Under k2");
            Await.result(rotated.insert(underK2));
            assertEquals(List.of("k2"), sql.column("SELECT secret_key_id FROM integrations WHERE id = ?",
                    underK2.id().value()));
            Await.result(rotated.verifyKeyIds());

            Throwable refused = Await.failure(k2Only.verifyKeyIds());
            assertInstanceOf(IllegalStateException.class, refused);
            assertTrue(refused.getMessage().contains("k1"), refused.getMessage());
            assertFalse(refused.getMessage().contains("k2"), refused.getMessage());
            assertFalse(refused.getMessage().contains("MTEx"), refused.getMessage());

            Throwable unreadable = Await.failure(k2Only.load(ACME, underK1.id()));
            assertInstanceOf(SealedValueException.class, unreadable);
            assertTrue(unreadable.getMessage().contains("k1"), unreadable.getMessage());
            assertFalse(unreadable.getMessage().contains("MTEx"), unreadable.getMessage());
            assertEquals(Optional.of(underK2), Await.result(k2Only.load(ACME, underK2.id())));
        } finally {
            Await.result(rotated.close());
            Await.result(k2Only.close());
        }
    }

    @Test
    void verifyingKeyIdsCoversUserConnections() {
        Integration integration = oauth2(ACME, "With a token under k9");
        Await.result(adapter.insert(integration));
        Await.result(adapter.verifyKeyIds());

        sql.update("INSERT INTO user_connections (tenant_id, integration_id, user_id, token_key_id,"
                + " access_token_ciphertext, state, connected_at, updated_at)"
                + " VALUES ('acme', ?, 'alice', 'k9', decode(repeat('ab', 40), 'hex'), 'CONNECTED', now(), now())",
                integration.id().value());

        Throwable refused = Await.failure(adapter.verifyKeyIds());
        assertInstanceOf(IllegalStateException.class, refused);
        assertTrue(refused.getMessage().contains("k9"), refused.getMessage());
        assertFalse(refused.getMessage().contains("k1,"), refused.getMessage());
    }

    @Test
    void aConnectionCannotPointAtAnotherTenantsIntegration() {
        Integration acmes = oauth2(ACME, "Acme only");
        Await.result(adapter.insert(acmes));

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> sql.update("INSERT INTO user_connections (tenant_id, integration_id, user_id, token_key_id,"
                        + " access_token_ciphertext, state, connected_at, updated_at) VALUES ('globex', ?, 'mallory',"
                        + " 'k1', decode(repeat('ab', 40), 'hex'), 'CONNECTED', now(), now())", acmes.id().value()));
        assertTrue(refused.getMessage().contains("user_connections_integration_fk"), refused.getMessage());
    }

    @Test
    void theHealthCheckAnswersOnALiveDatabase() {
        Await.result(adapter.check());
        assertEquals("database", adapter.name());
    }

    @Test
    void migratingAgainChangesNothing() {
        Integration integration = oauth2(ACME, "Survives");
        Await.result(adapter.insert(integration));
        long applied = sql.count("SELECT count(*) FROM flyway_schema_history WHERE success");

        DatabaseMigrations.migrate(database);

        assertEquals(3L, applied, "V1, V2 and V3");
        assertEquals(applied, sql.count("SELECT count(*) FROM flyway_schema_history WHERE success"));
        assertEquals(Optional.of(integration), Await.result(adapter.load(ACME, integration.id())));
    }

    private void connect(Integration integration, String user) {
        sql.update("INSERT INTO user_connections (tenant_id, integration_id, user_id, token_key_id,"
                + " access_token_ciphertext, refresh_token_ciphertext, access_token_expires_at, state, connected_at,"
                + " updated_at) VALUES (?, ?, ?, 'k1', decode(repeat('ab', 40), 'hex'), NULL, NULL, 'CONNECTED',"
                + " now(), now())", integration.tenant().value(), integration.id().value(), user);
    }

    private Map<String, Long> connectionCounts(Integration first, Integration second) {
        return Map.of(nameOf(first), connections(first), nameOf(second), connections(second));
    }

    private static String nameOf(Integration integration) {
        return integration.name().value();
    }

    private long connections(Integration integration) {
        return sql.count("SELECT count(*) FROM user_connections WHERE integration_id = ?", integration.id().value());
    }

    static boolean contains(byte[] haystack, byte[] needle) {
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
