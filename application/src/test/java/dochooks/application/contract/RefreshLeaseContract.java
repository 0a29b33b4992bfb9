package dochooks.application.contract;

import static dochooks.application.contract.ContractData.CONNECTED;
import static dochooks.application.contract.ContractData.awkwardSecret;
import static dochooks.application.contract.ContractData.connected;
import static dochooks.application.contract.ContractData.newTenant;
import static dochooks.application.contract.ContractData.oauth2;
import static dochooks.application.contract.ContractData.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dochooks.application.contract.Await.Outcome;
import dochooks.application.connection.port.out.ConnectionKey;
import dochooks.application.connection.port.out.ConnectionStorePort;
import dochooks.application.connection.port.out.RefreshLeasePort;
import dochooks.application.connection.port.out.TokenSet;
import dochooks.application.connection.port.out.UserConnection;
import dochooks.application.integration.port.out.SaveIntegrationPort;
import dochooks.domain.connection.ConnectionState;
import dochooks.domain.connection.TokenLifetime;
import dochooks.domain.integration.Integration;
import dochooks.domain.tenancy.TenantId;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RefreshLeasePort} promises: one holder at a time per connection, only on a usable connection;
 * a lease not released runs out by itself after its duration (by the storage's clock); every write is conditional
 * on still holding the lease, so a holder that lost it (it ran out and another took it, or the connection was saved
 * again or deleted) changes nothing, while one whose lease ran out unclaimed may still write; storing refreshed
 * tokens, marking the connection for reauthorization and releasing all free the lease.
 *
 * <p>Extend it with a class that answers {@link #newIntegrationStore()}, over it {@link #newLeaseStore} (the
 * connection store and its lease: one object, since the lease guards the stored connection), and
 * {@link #letTimePass} (advance a test clock, or wait for a database's clock). Every test runs on a tenant of its
 * own, so the storage may be shared between tests.
 *
 * @param <I> the integration store the connections belong to
 * @param <L> the connection store and refresh lease under test
 */
public abstract class RefreshLeaseContract<I extends SaveIntegrationPort,
        L extends ConnectionStorePort & RefreshLeasePort> {
    /** Long enough never to run out during a test. */
    private static final Duration LONG = Duration.ofMinutes(5);
    /** Short enough to wait for, long enough that a slow machine still takes and uses it in one piece. */
    private static final Duration SHORT = Duration.ofMillis(400);

    /** The integration store; called before each test. */
    protected abstract I newIntegrationStore();

    /** The connection store with its refresh lease under test, on the same storage as {@code integrations}. */
    protected abstract L newLeaseStore(I integrations);

    /**
     * Returns once at least {@code duration} has passed on the clock the storage measures leases by: advance a
     * test clock, or sleep when that clock is a database's.
     */
    protected abstract void letTimePass(Duration duration);

    private L store;
    private ConnectionKey key;
    private UserConnection connection;

    @BeforeEach
    void connectAlice() {
        I integrations = newIntegrationStore();
        store = newLeaseStore(integrations);
        TenantId tenant = newTenant();
        Integration integration = oauth2(tenant, "Acme DMS");
        Await.result(integrations.insert(integration));
        key = new ConnectionKey(tenant, user("alice"), integration.id());
        connection = UserConnection.connected(key, new TokenSet(awkwardSecret("access"), awkwardSecret("refresh"),
                TokenLifetime.of(CONNECTED, 3600L)), CONNECTED);
        Await.result(store.save(connection));
    }

    private Optional<UserConnection> acquire(String holder, Duration leaseFor) {
        return Await.result(store.acquire(key, holder, leaseFor));
    }

    private UserConnection stored() {
        return Await.result(store.find(key)).orElseThrow();
    }

    private static TokenSet refreshed(String tag) {
        return new TokenSet(awkwardSecret(tag + "-access"), awkwardSecret(tag + "-refresh"),
                TokenLifetime.of(CONNECTED.plusSeconds(1800), 7200L));
    }

    @Test
    void takesTheLeaseAndAnswersTheConnectionAsStored() {
        assertEquals(Optional.of(connection), acquire("first", LONG));
    }

    @Test
    void refusesTheLeaseToOthersWhileItIsHeld() {
        acquire("first", LONG).orElseThrow();

        assertEquals(Optional.empty(), acquire("second", LONG));
        assertEquals(connection, stored()); // taking a lease changes no token
    }

    @Test
    void takesNoLeaseOnAMissingOrUnusableConnection() {
        ConnectionKey otherTenants = new ConnectionKey(newTenant(), key.user(), key.integration());
        ConnectionKey bobs = new ConnectionKey(key.tenant(), user("bob"), key.integration());
        assertEquals(Optional.empty(), Await.result(store.acquire(otherTenants, "first", LONG)));
        assertEquals(Optional.empty(), Await.result(store.acquire(bobs, "first", LONG)));

        Await.result(store.save(new UserConnection(key, ConnectionState.REAUTHORIZATION_REQUIRED, connection.tokens(),
                CONNECTED)));

        assertEquals(Optional.empty(), acquire("first", LONG));
    }

    @Test
    void ofConcurrentAcquirersExactlyOneGetsTheLease() {
        List<Outcome<Optional<UserConnection>>> outcomes = Race.of(Race.RUNNERS,
                runner -> store.acquire(key, "runner-" + runner, LONG));

        assertEquals(Race.RUNNERS, Race.successes(outcomes));
        assertEquals(1, outcomes.stream().filter(o -> o.value().isPresent()).count());
    }

    @Test
    void releasingFreesTheLeaseForTheNextHolder() {
        acquire("first", LONG).orElseThrow();

        Await.result(store.release(key, "first"));

        assertEquals(Optional.of(connection), acquire("second", LONG));
    }

    @Test
    void aReleaseByAnotherLeavesTheLeaseHeld() {
        acquire("first", LONG).orElseThrow();

        Await.result(store.release(key, "second"));

        assertEquals(Optional.empty(), acquire("third", LONG));
    }

    @Test
    void aLeaseRunsOutByItselfAndItsFormerHolderThenChangesNothing() {
        acquire("first", SHORT).orElseThrow();

        letTimePass(SHORT.multipliedBy(2));

        assertEquals(Optional.of(connection), acquire("second", LONG));
        assertFalse(Await.result(store.storeRefreshed(key, "first", refreshed("late"))));
        assertFalse(Await.result(store.markReauthorizationRequired(key, "first")));
        Await.result(store.release(key, "first"));
        assertEquals(connection, stored());
        assertEquals(Optional.empty(), acquire("third", LONG)); // "second" still holds it
    }

    @Test
    void aLeaseThatRanOutStaysItsHoldersUntilAnotherTakesIt() {
        acquire("first", SHORT).orElseThrow();
        TokenSet tokens = refreshed("slow");

        letTimePass(SHORT.multipliedBy(2));

        assertTrue(Await.result(store.storeRefreshed(key, "first", tokens)), "nobody else can have refreshed");
        assertEquals(tokens, stored().tokens());
    }

    @Test
    void storesRefreshedTokensOfTheHolderAndFreesTheLease() {
        acquire("first", LONG).orElseThrow();
        TokenSet tokens = refreshed("new");

        assertTrue(Await.result(store.storeRefreshed(key, "first", tokens)));

        UserConnection after = stored();
        assertEquals(tokens, after.tokens());
        assertEquals(tokens.refreshToken().reveal(), after.tokens().refreshToken().reveal());
        assertEquals(ConnectionState.CONNECTED, after.state());
        assertEquals(connection.connectedAt(), after.connectedAt());
        assertEquals(Optional.of(after), acquire("second", LONG));
    }

    @Test
    void storesRefreshedTokensWithoutARefreshToken() {
        acquire("first", LONG).orElseThrow();
        TokenSet tokens = new TokenSet(awkwardSecret("only-access"), null, new TokenLifetime(CONNECTED, null));

        assertTrue(Await.result(store.storeRefreshed(key, "first", tokens)));

        assertEquals(tokens, stored().tokens());
    }

    @Test
    void refusesRefreshedTokensFromANonHolder() {
        assertFalse(Await.result(store.storeRefreshed(key, "nobody", refreshed("unleased"))));
        acquire("first", LONG).orElseThrow();

        assertFalse(Await.result(store.storeRefreshed(key, "second", refreshed("intruder"))));

        assertEquals(connection, stored());
        assertEquals(Optional.empty(), acquire("third", LONG)); // "first" still holds it
    }

    @Test
    void marksReauthorizationRequiredDroppingTheRefreshTokenAndFreesTheLease() {
        acquire("first", LONG).orElseThrow();

        assertTrue(Await.result(store.markReauthorizationRequired(key, "first")));

        UserConnection after = stored();
        assertEquals(ConnectionState.REAUTHORIZATION_REQUIRED, after.state());
        assertNull(after.tokens().refreshToken());
        assertEquals(connection.tokens().accessToken(), after.tokens().accessToken());
        assertEquals(connection.connectedAt(), after.connectedAt());
        assertEquals(Optional.empty(), acquire("second", LONG)); // free, but the connection is not usable
    }

    @Test
    void refusesToMarkReauthorizationRequiredForANonHolder() {
        assertFalse(Await.result(store.markReauthorizationRequired(key, "nobody")));
        acquire("first", LONG).orElseThrow();

        assertFalse(Await.result(store.markReauthorizationRequired(key, "second")));

        assertEquals(connection, stored());
    }

    @Test
    void savingTheConnectionAgainFreesTheLeaseAndDisownsItsHolder() {
        acquire("first", LONG).orElseThrow();
        UserConnection reconnected = connected(key, "reconnected-access", "reconnected-refresh");

        Await.result(store.save(reconnected));

        assertFalse(Await.result(store.storeRefreshed(key, "first", refreshed("late"))));
        assertFalse(Await.result(store.markReauthorizationRequired(key, "first")));
        assertEquals(reconnected, stored());
        assertEquals(Optional.of(reconnected), acquire("second", LONG));
    }

    @Test
    void aHolderWhoseConnectionWasDeletedChangesNothing() {
        acquire("first", LONG).orElseThrow();

        assertTrue(Await.result(store.delete(key)));

        assertFalse(Await.result(store.storeRefreshed(key, "first", refreshed("late"))));
        assertFalse(Await.result(store.markReauthorizationRequired(key, "first")));
        Await.result(store.release(key, "first"));
        assertEquals(Optional.empty(), Await.result(store.find(key)));
    }
}
