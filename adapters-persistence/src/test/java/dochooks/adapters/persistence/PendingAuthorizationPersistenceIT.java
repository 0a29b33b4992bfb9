package dochooks.adapters.persistence;

import static dochooks.adapters.persistence.Connections.key;
import static dochooks.adapters.persistence.Integrations.ACME;
import static dochooks.adapters.persistence.Integrations.GLOBEX;
import static dochooks.adapters.persistence.Integrations.oauth2;
import static dochooks.adapters.persistence.Integrations.oauth2Settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dochooks.adapters.persistence.testing.EmbeddedPostgresFixture;
import dochooks.application.connection.port.out.ConnectionKey;
import dochooks.application.connection.port.out.PendingAuthorization;
import dochooks.application.connection.port.out.Sha256Digest;
import dochooks.application.error.IntegrationNotFoundException;
import dochooks.domain.integration.ClientId;
import dochooks.domain.integration.Integration;
import dochooks.domain.integration.IntegrationSettings;
import dochooks.domain.integration.OAuth2Strategy;
import dochooks.domain.integration.Secret;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Pending authorizations on real PostgreSQL: single use under concurrency, sealed values, clean-up. */
class PendingAuthorizationPersistenceIT {
    private static final Instant NOW = Instant.parse("2026-11-23T14:05:00.123Z");
    private static final String VERIFIER = "verifier-5c8e1a2b-SECRET-MARKER";
    private static final String CODE = "code-9d3f7b1e-SECRET-MARKER";
    private static final String STATE = "state-0a1b2c3d-SECRET-MARKER";
    private static final String CONFIRMATION = "confirmation-4e5f6a7b-SECRET-MARKER";
    private static final int RACERS = 20;

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
        adapter = PersistenceAdapter.create(vertx, database, EncryptionKeys.parse(IntegrationPersistenceAdapterIT.K1), 8);
        sql = new Sql(database);
        integration = oauth2(ACME, "Acme DMS");
        Await.result(adapter.insert(integration));
        alice = key(ACME, "alice", integration);
    }

    @AfterEach
    void closeAdapter() {
        Await.result(adapter.close());
    }

    private PendingAuthorization pending(ConnectionKey key, Instant expiresAt) {
        return new PendingAuthorization(UUID.randomUUID(), key, Secret.of(VERIFIER), expiresAt, null);
    }

    private PendingAuthorization started(String state) {
        PendingAuthorization pending = pending(alice, NOW.plusSeconds(600));
        Await.result(adapter.save(pending, Sha256Digest.of(state), NOW));
        return pending;
    }

    /** Started, called back: answers the consumed authorization, now awaiting {@code confirmation}. */
    private PendingAuthorization awaitingConfirmation(String state, String confirmation) {
        started(state);
        PendingAuthorization consumed = Await.result(adapter.consumeState(Sha256Digest.of(state))).orElseThrow();
        assertTrue(Await.result(adapter.awaitConfirmation(consumed, Secret.of(CODE), Sha256Digest.of(confirmation),
                NOW.plusSeconds(1200))));
        return consumed;
    }

    @Test
    void aStateIsConsumedOnceAndAnswersTheAuthorizationWithItsVerifier() {
        PendingAuthorization pending = started(STATE);

        Optional<PendingAuthorization> first = Await.result(adapter.consumeState(Sha256Digest.of(STATE)));
        Optional<PendingAuthorization> again = Await.result(adapter.consumeState(Sha256Digest.of(STATE)));

        PendingAuthorization consumed = first.orElseThrow();
        assertEquals(pending.id(), consumed.id());
        assertEquals(alice, consumed.key());
        assertEquals(VERIFIER, consumed.codeVerifier().reveal());
        assertEquals(pending.expiresAt(), consumed.expiresAt());
        assertNull(consumed.code());
        assertEquals(Optional.empty(), again);
        assertEquals(Optional.empty(), Await.result(adapter.consumeState(Sha256Digest.of("unknown"))));
    }

    @Test
    void ofConcurrentCallbacksWithOneStateExactlyOneGetsIt() {
        started(STATE);

        List<Future<Optional<PendingAuthorization>>> racing = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            racing.add(adapter.consumeState(Sha256Digest.of(STATE)));
        }

        assertEquals(1, racing.stream().map(Await::result).filter(Optional::isPresent).count());
    }

    @Test
    void aConfirmationIsConsumedOnceAndTakesItsRowWithIt() {
        PendingAuthorization consumed = awaitingConfirmation(STATE, CONFIRMATION);

        PendingAuthorization confirmed = Await.result(adapter.consumeConfirmation(Sha256Digest.of(CONFIRMATION)))
                .orElseThrow();

        assertEquals(consumed.id(), confirmed.id());
        assertEquals(CODE, confirmed.code().reveal());
        assertEquals(VERIFIER, confirmed.codeVerifier().reveal());
        assertEquals(NOW.plusSeconds(1200), confirmed.expiresAt(), "the confirmation's expiry replaced the state's");
        assertEquals(Optional.empty(), Await.result(adapter.consumeConfirmation(Sha256Digest.of(CONFIRMATION))));
        assertEquals(List.of(0L), sql.column("SELECT count(*) FROM pending_authorizations"));
    }

    @Test
    void ofConcurrentConfirmationsExactlyOneGetsIt() {
        awaitingConfirmation(STATE, CONFIRMATION);

        List<Future<Optional<PendingAuthorization>>> racing = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            racing.add(adapter.consumeConfirmation(Sha256Digest.of(CONFIRMATION)));
        }

        assertEquals(1, racing.stream().map(Await::result).filter(Optional::isPresent).count());
    }

    @Test
    void aCodeIsKeptOnlyOnceAndOnlyAfterTheStateWasUsed() {
        PendingAuthorization fresh = started(STATE);
        assertFalse(Await.result(adapter.awaitConfirmation(fresh, Secret.of(CODE), Sha256Digest.of(CONFIRMATION),
                NOW.plusSeconds(600))), "the state was not used yet");

        PendingAuthorization consumed = Await.result(adapter.consumeState(Sha256Digest.of(STATE))).orElseThrow();
        assertTrue(Await.result(adapter.awaitConfirmation(consumed, Secret.of(CODE), Sha256Digest.of(CONFIRMATION),
                NOW.plusSeconds(600))));
        assertFalse(Await.result(adapter.awaitConfirmation(consumed, Secret.of("other-code"),
                Sha256Digest.of("other-confirmation"), NOW.plusSeconds(600))));
    }

    @Test
    void onlyDigestsAndSealedValuesAreStored() {
        awaitingConfirmation(STATE, CONFIRMATION);

        assertEquals(List.of(0L), sql.column("SELECT count(*) FROM pending_authorizations"
                + " WHERE row_to_json(pending_authorizations)::text LIKE '%MARKER%'"));
        byte[] marker = "SECRET-MARKER".getBytes(StandardCharsets.UTF_8);
        for (String column : List.of("code_verifier_ciphertext", "code_ciphertext", "state_hash", "confirmation_hash")) {
            byte[] raw = (byte[]) sql.column("SELECT " + column + " FROM pending_authorizations").get(0);
            assertFalse(new String(raw, StandardCharsets.ISO_8859_1).contains(new String(marker,
                    StandardCharsets.ISO_8859_1)), column + " holds plaintext");
        }
        assertEquals(List.of(Sha256Digest.of(STATE).hex()),
                sql.column("SELECT encode(state_hash, 'hex') FROM pending_authorizations"));
        assertEquals(List.of(HexFormat.of().formatHex(Sha256Digest.of(CONFIRMATION).bytes())),
                sql.column("SELECT encode(confirmation_hash, 'hex') FROM pending_authorizations"));
    }

    @Test
    void aSealedVerifierCopiedToAnotherAuthorizationDoesNotOpen() {
        started(STATE);
        started("another-state");
        sql.update("UPDATE pending_authorizations SET code_verifier_ciphertext = (SELECT code_verifier_ciphertext"
                + " FROM pending_authorizations WHERE state_hash = decode(?, 'hex'))", Sha256Digest.of(STATE).hex());

        assertTrue(Await.result(adapter.consumeState(Sha256Digest.of(STATE))).isPresent());
        assertInstanceOf(SealedValueException.class, Await.failure(adapter.consumeState(Sha256Digest.of("another-state"))));
    }

    @Test
    void savingRemovesAuthorizationsThatExpired() {
        Await.result(adapter.save(pending(alice, NOW.minusSeconds(1)), Sha256Digest.of("expired"), NOW));
        Await.result(adapter.save(pending(alice, NOW.plusSeconds(1)), Sha256Digest.of("alive"), NOW));

        Await.result(adapter.save(pending(alice, NOW.plusSeconds(600)), Sha256Digest.of("new"), NOW));

        assertEquals(List.of(2L), sql.column("SELECT count(*) FROM pending_authorizations"));
        assertEquals(Optional.empty(), Await.result(adapter.consumeState(Sha256Digest.of("expired"))));
        assertTrue(Await.result(adapter.consumeState(Sha256Digest.of("alive"))).isPresent());
    }

    @Test
    void discardIsScopedToTheTenant() {
        PendingAuthorization pending = started(STATE);
        PendingAuthorization impostor = new PendingAuthorization(pending.id(), key(GLOBEX, "alice", integration),
                pending.codeVerifier(), pending.expiresAt(), null);

        Await.result(adapter.discard(impostor));
        assertEquals(List.of(1L), sql.column("SELECT count(*) FROM pending_authorizations"));

        Await.result(adapter.discard(pending));
        assertEquals(List.of(0L), sql.column("SELECT count(*) FROM pending_authorizations"));
    }

    @Test
    void anAuthorizationForAMissingOrOtherTenantsIntegrationIsNotStored() {
        assertInstanceOf(IntegrationNotFoundException.class, Await.failure(adapter.save(
                pending(key(GLOBEX, "alice", integration), NOW.plusSeconds(600)), Sha256Digest.of(STATE), NOW)));
        Await.result(adapter.delete(ACME, integration.id()));
        assertInstanceOf(IntegrationNotFoundException.class,
                Await.failure(adapter.save(pending(alice, NOW.plusSeconds(600)), Sha256Digest.of(STATE), NOW)));
    }

    @Test
    void theyGoWithTheirIntegrationAndWhenItsConnectionsAreDropped() {
        started(STATE);
        awaitingConfirmation("second-state", CONFIRMATION);
        Integration changed = integration.replacedBy(changedClient(integration.settings()), NOW);

        Await.result(adapter.update(changed, integration.version(), true));
        assertEquals(List.of(0L), sql.column("SELECT count(*) FROM pending_authorizations"));

        started("third-state");
        Await.result(adapter.delete(ACME, integration.id()));
        assertEquals(List.of(0L), sql.column("SELECT count(*) FROM pending_authorizations"));
    }

    private static IntegrationSettings changedClient(IntegrationSettings settings) {
        OAuth2Strategy oauth2 = (OAuth2Strategy) oauth2Settings("Acme DMS").auth();
        return new IntegrationSettings(settings.name(), settings.baseApiUrl(), settings.requestParameters(),
                new OAuth2Strategy(oauth2.authenticationUrl(), oauth2.tokenEndpointUrl(), new ClientId("another-client"),
                        oauth2.clientSecret()), settings.status());
    }
}
