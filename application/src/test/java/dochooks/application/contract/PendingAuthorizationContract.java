package dochooks.application.contract;

import static dochooks.application.contract.ContractData.awkwardSecret;
import static dochooks.application.contract.ContractData.newTenant;
import static dochooks.application.contract.ContractData.oauth2;
import static dochooks.application.contract.ContractData.renamed;
import static dochooks.application.contract.ContractData.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dochooks.application.contract.Await.Outcome;
import dochooks.application.connection.port.out.ConnectionKey;
import dochooks.application.connection.port.out.PendingAuthorization;
import dochooks.application.connection.port.out.PendingAuthorizationPort;
import dochooks.application.connection.port.out.Sha256Digest;
import dochooks.application.error.IntegrationNotFoundException;
import dochooks.application.integration.port.out.DeleteIntegrationPort;
import dochooks.application.integration.port.out.SaveIntegrationPort;
import dochooks.domain.integration.Integration;
import dochooks.domain.integration.Secret;
import dochooks.domain.tenancy.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link PendingAuthorizationPort} promises: a state is consumed once and answers the pending
 * authorization as saved (verifier unchanged), expired or not; a confirmation is consumed once, answers it with its
 * code, and deletes it; a code is kept once; of concurrent consumers exactly one gets it; saving removes at most
 * what expired; the writes that name a pending authorization ({@code awaitConfirmation}, {@code discard}) find it
 * only in its own tenant; it needs its integration, and goes with it (deleted, or its connections dropped by an
 * update: an authorization started for the old client must not be confirmed against the new one).
 *
 * <p>Extend it with a class that answers {@link #newIntegrationStore()} and, over it,
 * {@link #newPendingAuthorizations}. Every test runs on a tenant of its own and random one-time values, so the
 * storage may be shared between tests.
 *
 * @param <I> the integration store the pending authorizations belong to
 * @param <P> the pending authorizations under test
 */
public abstract class PendingAuthorizationContract<I extends SaveIntegrationPort & DeleteIntegrationPort,
        P extends PendingAuthorizationPort> {
    /** Times are the caller's: the port decides nothing by its own clock. Whole milliseconds. */
    private static final Instant NOW = Instant.parse("2026-11-23T14:05:00.123Z");
    private static final Duration STATE_LIFETIME = Duration.ofMinutes(10);
    /** When a kept code expires, unless a test says otherwise: before the state would have. */
    private static final Instant CONFIRMATION_EXPIRES = NOW.plus(Duration.ofMinutes(5));

    /** The integration store; called before each test. */
    protected abstract I newIntegrationStore();

    /** The pending authorizations under test, on the same storage as {@code integrations}. */
    protected abstract P newPendingAuthorizations(I integrations);

    private I integrations;
    private P store;
    private TenantId tenant;
    private Integration integration;

    @BeforeEach
    void openStores() {
        integrations = newIntegrationStore();
        store = newPendingAuthorizations(integrations);
        tenant = newTenant();
        integration = inserted(oauth2(tenant, "Acme DMS"));
    }

    private Integration inserted(Integration candidate) {
        Await.result(integrations.insert(candidate));
        return candidate;
    }

    private static Sha256Digest randomDigest() {
        return Sha256Digest.of(UUID.randomUUID().toString());
    }

    private PendingAuthorization pendingFor(Integration of, String user) {
        return new PendingAuthorization(UUID.randomUUID(), new ConnectionKey(of.tenant(), user(user), of.id()),
                awkwardSecret("verifier-" + user), NOW.plus(STATE_LIFETIME), null);
    }

    /** A pending authorization saved under {@code state}. */
    private PendingAuthorization saved(PendingAuthorization pending, Sha256Digest state) {
        Await.result(store.save(pending, state, NOW));
        return pending;
    }

    private Optional<PendingAuthorization> consumeState(Sha256Digest state) {
        return Await.result(store.consumeState(state));
    }

    private Optional<PendingAuthorization> consumeConfirmation(Sha256Digest confirmation) {
        return Await.result(store.consumeConfirmation(confirmation));
    }

    /** Saved, its state consumed, its code kept under {@code confirmation}. */
    private PendingAuthorization awaitingConfirmation(PendingAuthorization pending, Secret code,
            Sha256Digest confirmation) {
        Sha256Digest state = randomDigest();
        saved(pending, state);
        PendingAuthorization consumed = consumeState(state).orElseThrow();
        assertTrue(Await.result(store.awaitConfirmation(consumed, code, confirmation, CONFIRMATION_EXPIRES)));
        return consumed;
    }

    @Test
    void consumesAStateOnceAnsweringThePendingAuthorizationAsSaved() {
        Sha256Digest state = randomDigest();
        PendingAuthorization pending = saved(pendingFor(integration, "alice"), state);

        Optional<PendingAuthorization> first = consumeState(state);

        assertEquals(Optional.of(pending), first); // records all the way down; Secret compares its value
        assertEquals(pending.codeVerifier().reveal(), first.orElseThrow().codeVerifier().reveal());
        assertEquals(null, first.orElseThrow().code());
        assertEquals(Optional.empty(), consumeState(state));
    }

    @Test
    void findsNothingForAnUnknownState() {
        saved(pendingFor(integration, "alice"), randomDigest());

        assertEquals(Optional.empty(), consumeState(randomDigest()));
    }

    @Test
    void answersAnExpiredStateOnceTheCallerDecides() {
        Sha256Digest state = randomDigest();
        PendingAuthorization longExpired = new PendingAuthorization(UUID.randomUUID(),
                new ConnectionKey(tenant, user("alice"), integration.id()), awkwardSecret("verifier"),
                Instant.parse("2020-01-01T00:00:00.001Z"), null);
        Await.result(store.save(longExpired, state, Instant.parse("2020-01-01T00:00:00Z")));

        assertEquals(Optional.of(longExpired), consumeState(state));
        assertEquals(Optional.empty(), consumeState(state));
    }

    @Test
    void ofConcurrentConsumersOfOneStateExactlyOneGetsIt() {
        Sha256Digest state = randomDigest();
        PendingAuthorization pending = saved(pendingFor(integration, "alice"), state);

        List<Outcome<Optional<PendingAuthorization>>> outcomes = Race.of(Race.RUNNERS, runner -> store.consumeState(state));

        assertEquals(Race.RUNNERS, Race.successes(outcomes));
        List<PendingAuthorization> winners = outcomes.stream().flatMap(o -> o.value().stream()).toList();
        assertEquals(List.of(pending), winners);
    }

    @Test
    void keepsTheCodeUntilItsConfirmationIsConsumedOnce() {
        Secret code = awkwardSecret("code");
        Sha256Digest confirmation = randomDigest();
        PendingAuthorization consumed = awaitingConfirmation(pendingFor(integration, "alice"), code, confirmation);

        PendingAuthorization confirmed = consumeConfirmation(confirmation).orElseThrow();

        assertEquals(new PendingAuthorization(consumed.id(), consumed.key(), consumed.codeVerifier(),
                CONFIRMATION_EXPIRES, code), confirmed);
        assertEquals(code.reveal(), confirmed.code().reveal());
        assertEquals(consumed.codeVerifier().reveal(), confirmed.codeVerifier().reveal());
        assertEquals(Optional.empty(), consumeConfirmation(confirmation));
        assertFalse(Await.result(store.awaitConfirmation(consumed, Secret.of("again"), randomDigest(), NOW)),
                "a consumed confirmation deleted its pending authorization");
    }

    @Test
    void answersAnExpiredConfirmationOnceTheCallerDecides() {
        Sha256Digest state = randomDigest();
        Sha256Digest confirmation = randomDigest();
        saved(pendingFor(integration, "alice"), state);
        PendingAuthorization consumed = consumeState(state).orElseThrow();
        Instant longAgo = Instant.parse("2020-01-01T00:00:00.001Z");

        assertTrue(Await.result(store.awaitConfirmation(consumed, Secret.of("code"), confirmation, longAgo)));

        assertEquals(longAgo, consumeConfirmation(confirmation).orElseThrow().expiresAt());
    }

    @Test
    void keepsACodeOnlyOnce() {
        Sha256Digest first = randomDigest();
        PendingAuthorization consumed = awaitingConfirmation(pendingFor(integration, "alice"), Secret.of("first-code"),
                first);
        Sha256Digest second = randomDigest();

        assertFalse(Await.result(store.awaitConfirmation(consumed, Secret.of("second-code"), second,
                CONFIRMATION_EXPIRES)));

        assertEquals(Optional.empty(), consumeConfirmation(second));
        assertEquals(Secret.of("first-code"), consumeConfirmation(first).orElseThrow().code());
    }

    @Test
    void ofConcurrentConsumersOfOneConfirmationExactlyOneGetsIt() {
        Sha256Digest confirmation = randomDigest();
        awaitingConfirmation(pendingFor(integration, "alice"), Secret.of("code"), confirmation);

        List<Outcome<Optional<PendingAuthorization>>> outcomes = Race.of(Race.RUNNERS,
                runner -> store.consumeConfirmation(confirmation));

        assertEquals(Race.RUNNERS, Race.successes(outcomes));
        assertEquals(1, outcomes.stream().filter(o -> o.value().isPresent()).count());
    }

    @Test
    void discardsAPendingAuthorizationBeforeOrAfterItsStateIsConsumed() {
        Sha256Digest state = randomDigest();
        PendingAuthorization before = saved(pendingFor(integration, "alice"), state);
        Sha256Digest otherState = randomDigest();
        saved(pendingFor(integration, "bob"), otherState);
        PendingAuthorization after = consumeState(otherState).orElseThrow();

        Await.result(store.discard(before));
        Await.result(store.discard(after));
        Await.result(store.discard(after)); // gone already: nothing to do, no failure

        assertEquals(Optional.empty(), consumeState(state));
        assertFalse(Await.result(store.awaitConfirmation(after, Secret.of("code"), randomDigest(), NOW)));
    }

    @Test
    void findsAPendingAuthorizationByItsIdOnlyInItsOwnTenant() {
        Sha256Digest state = randomDigest();
        PendingAuthorization pending = saved(pendingFor(integration, "alice"), state);
        // the same id, presented as another tenant's
        PendingAuthorization forged = new PendingAuthorization(pending.id(),
                new ConnectionKey(newTenant(), pending.key().user(), pending.key().integration()),
                pending.codeVerifier(), pending.expiresAt(), null);

        Await.result(store.discard(forged));
        PendingAuthorization consumed = consumeState(state).orElseThrow();
        assertFalse(Await.result(store.awaitConfirmation(forged, Secret.of("forged-code"), randomDigest(), NOW)));

        Sha256Digest confirmation = randomDigest();
        assertTrue(Await.result(store.awaitConfirmation(consumed, Secret.of("code"), confirmation, NOW)));
        assertEquals(Secret.of("code"), consumeConfirmation(confirmation).orElseThrow().code());
    }

    @Test
    void savingRemovesNothingThatHasNotExpired() {
        Sha256Digest early = randomDigest();
        PendingAuthorization earlier = saved(pendingFor(integration, "alice"), early);
        Sha256Digest confirmation = randomDigest();
        awaitingConfirmation(pendingFor(integration, "carol"), Secret.of("code"), confirmation);

        // a later save, a minute before the confirmation expires (the state expires later still)
        Await.result(store.save(pendingFor(integration, "bob"), randomDigest(), CONFIRMATION_EXPIRES.minusSeconds(60)));

        assertEquals(Optional.of(earlier), consumeState(early));
        assertTrue(consumeConfirmation(confirmation).isPresent());
    }

    @Test
    void refusesAPendingAuthorizationForAnIntegrationThatIsGone() {
        Integration deleted = inserted(oauth2(tenant, "Deleted"));
        Await.result(integrations.delete(tenant, deleted.id()));
        Sha256Digest state = randomDigest();

        Await.failure(store.save(pendingFor(deleted, "alice"), state, NOW), IntegrationNotFoundException.class);

        assertEquals(Optional.empty(), consumeState(state));
    }

    @Test
    void goesWhenAnUpdateDropsTheIntegrationsConnections() {
        Integration other = inserted(oauth2(tenant, "Other DMS"));
        Sha256Digest started = randomDigest();
        saved(pendingFor(integration, "alice"), started);
        Sha256Digest confirmation = randomDigest();
        awaitingConfirmation(pendingFor(integration, "bob"), Secret.of("code"), confirmation);
        Sha256Digest otherState = randomDigest();
        PendingAuthorization elsewhere = saved(pendingFor(other, "alice"), otherState);

        Await.result(integrations.update(renamed(integration, "New client"), integration.version(), true));

        assertEquals(Optional.empty(), consumeState(started));
        assertEquals(Optional.empty(), consumeConfirmation(confirmation));
        assertEquals(Optional.of(elsewhere), consumeState(otherState));
    }

    @Test
    void staysWhenAnUpdateKeepsTheConnections() {
        Sha256Digest state = randomDigest();
        PendingAuthorization pending = saved(pendingFor(integration, "alice"), state);

        Await.result(integrations.update(renamed(integration, "Renamed"), integration.version(), false));

        assertEquals(Optional.of(pending), consumeState(state));
    }

    @Test
    void goesWithItsIntegration() {
        Sha256Digest started = randomDigest();
        saved(pendingFor(integration, "alice"), started);
        Sha256Digest confirmation = randomDigest();
        awaitingConfirmation(pendingFor(integration, "bob"), Secret.of("code"), confirmation);

        assertTrue(Await.result(integrations.delete(tenant, integration.id())));

        assertEquals(Optional.empty(), consumeState(started));
        assertEquals(Optional.empty(), consumeConfirmation(confirmation));
    }
}
