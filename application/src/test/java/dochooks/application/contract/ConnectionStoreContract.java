package dochooks.application.contract;

import static dochooks.application.contract.ContractData.CONNECTED;
import static dochooks.application.contract.ContractData.awkwardSecret;
import static dochooks.application.contract.ContractData.connected;
import static dochooks.application.contract.ContractData.newTenant;
import static dochooks.application.contract.ContractData.oauth2;
import static dochooks.application.contract.ContractData.renamed;
import static dochooks.application.contract.ContractData.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dochooks.application.connection.port.out.ConnectionKey;
import dochooks.application.connection.port.out.ConnectionStorePort;
import dochooks.application.connection.port.out.TokenSet;
import dochooks.application.connection.port.out.UserConnection;
import dochooks.application.error.IntegrationNotFoundException;
import dochooks.application.error.VersionConflictException;
import dochooks.application.integration.port.out.DeleteIntegrationPort;
import dochooks.application.integration.port.out.SaveIntegrationPort;
import dochooks.domain.connection.ConnectionState;
import dochooks.domain.connection.TokenLifetime;
import dochooks.domain.integration.Integration;
import dochooks.domain.integration.IntegrationId;
import dochooks.domain.tenancy.TenantId;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ConnectionStorePort} promises: a connection comes back as it was saved, tokens unchanged; it is
 * found by (tenant, user, integration) and by nothing else; saving again replaces it; it needs its integration, and
 * goes with it, both when an update drops the integration's connections ({@link SaveIntegrationPort#update} with
 * {@code dropConnections}) and when the integration is deleted ({@link DeleteIntegrationPort}).
 *
 * <p>The connection store and the integration store share one storage (the cascades cross them): extend this class
 * with one that answers {@link #newIntegrationStore()} and, over it, {@link #newConnectionStore}. Every test runs on
 * a tenant of its own, so the storage may be shared between tests.
 *
 * @param <I> the integration store the connections belong to
 * @param <C> the connection store under test
 */
public abstract class ConnectionStoreContract<I extends SaveIntegrationPort & DeleteIntegrationPort,
        C extends ConnectionStorePort> {

    /** The integration store; called before each test. */
    protected abstract I newIntegrationStore();

    /** The connection store under test, on the same storage as {@code integrations}. */
    protected abstract C newConnectionStore(I integrations);

    private I integrations;
    private C store;
    private TenantId tenant;
    private Integration integration;

    @BeforeEach
    void openStores() {
        integrations = newIntegrationStore();
        store = newConnectionStore(integrations);
        tenant = newTenant();
        integration = inserted(oauth2(tenant, "Acme DMS"));
    }

    private Integration inserted(Integration candidate) {
        Await.result(integrations.insert(candidate));
        return candidate;
    }

    private ConnectionKey key(String user, Integration of) {
        return new ConnectionKey(of.tenant(), user(user), of.id());
    }

    private UserConnection saved(UserConnection connection) {
        Await.result(store.save(connection));
        return connection;
    }

    private Optional<UserConnection> find(ConnectionKey key) {
        return Await.result(store.find(key));
    }

    @Test
    void findsNothingBeforeAConnectionIsSaved() {
        assertEquals(Optional.empty(), find(key("alice", integration)));
    }

    @Test
    void findsTheConnectionAsSavedTokensUnchanged() {
        TokenSet tokens = new TokenSet(awkwardSecret("access"), awkwardSecret("refresh"),
                TokenLifetime.of(CONNECTED, 3600L));
        UserConnection connection = UserConnection.connected(key("alice", integration), tokens, CONNECTED);

        saved(connection);

        UserConnection found = find(connection.key()).orElseThrow();
        assertEquals(connection, found); // records all the way down; Secret compares its value
        assertEquals(tokens.accessToken().reveal(), found.tokens().accessToken().reveal());
        assertEquals(tokens.refreshToken().reveal(), found.tokens().refreshToken().reveal());
    }

    @Test
    void keepsAConnectionWithoutRefreshTokenOrKnownExpiry() {
        UserConnection connection = UserConnection.connected(key("alice", integration),
                new TokenSet(awkwardSecret("access"), null, new TokenLifetime(CONNECTED, null)), CONNECTED);

        saved(connection);

        assertEquals(connection, find(connection.key()).orElseThrow());
    }

    @Test
    void replacesTheConnectionWhenTheUserConnectsAgain() {
        ConnectionKey key = key("alice", integration);
        saved(new UserConnection(key, ConnectionState.REAUTHORIZATION_REQUIRED,
                ContractData.tokens("old-access", null, 3600L), CONNECTED));
        UserConnection healed = UserConnection.connected(key, ContractData.tokens("new-access", "new-refresh", 60L),
                CONNECTED.plusSeconds(600));

        saved(healed);

        assertEquals(healed, find(key).orElseThrow());
    }

    @Test
    void findsEachConnectionByTenantUserAndIntegrationOnly() {
        Integration other = inserted(oauth2(tenant, "Other DMS"));
        UserConnection alice = saved(connected(key("alice", integration), "alice-access", "alice-refresh"));
        UserConnection bob = saved(connected(key("bob", integration), "bob-access", null));
        UserConnection aliceOther = saved(connected(key("alice", other), "alice-other", null));

        assertEquals(alice, find(alice.key()).orElseThrow());
        assertEquals(bob, find(bob.key()).orElseThrow());
        assertEquals(aliceOther, find(aliceOther.key()).orElseThrow());
        assertEquals(Optional.empty(), find(new ConnectionKey(newTenant(), user("alice"), integration.id())));
        assertEquals(Optional.empty(), find(key("carol", integration)));
    }

    @Test
    void deletesOneConnectionAndSaysWhetherThereWasOne() {
        UserConnection alice = saved(connected(key("alice", integration), "alice-access", "alice-refresh"));
        UserConnection bob = saved(connected(key("bob", integration), "bob-access", null));

        assertFalse(Await.result(store.delete(new ConnectionKey(newTenant(), user("alice"), integration.id()))));
        assertTrue(Await.result(store.delete(alice.key())));
        assertFalse(Await.result(store.delete(alice.key())));

        assertEquals(Optional.empty(), find(alice.key()));
        assertEquals(bob, find(bob.key()).orElseThrow());
    }

    @Test
    void refusesAConnectionToAnUnknownDeletedOrOtherTenantsIntegration() {
        Integration deleted = inserted(oauth2(tenant, "Deleted"));
        Await.result(integrations.delete(tenant, deleted.id()));
        Integration theirs = inserted(oauth2(newTenant(), "Theirs"));
        UserConnection theirAlice = saved(connected(key("alice", theirs), "their-alice-access", null));
        ConnectionKey toTheirs = new ConnectionKey(tenant, user("alice"), theirs.id());

        Await.failure(store.save(connected(new ConnectionKey(tenant, user("alice"), IntegrationId.random()), "a", null)),
                IntegrationNotFoundException.class);
        Await.failure(store.save(connected(key("alice", deleted), "a", null)), IntegrationNotFoundException.class);
        Await.failure(store.save(connected(toTheirs, "a", null)), IntegrationNotFoundException.class);

        assertEquals(Optional.empty(), find(key("alice", deleted)));
        assertEquals(Optional.empty(), find(toTheirs));
        assertEquals(theirAlice, find(theirAlice.key()).orElseThrow());
    }

    @Test
    void dropsEveryConnectionOfTheIntegrationWhenAnUpdateSaysSo() {
        Integration other = inserted(oauth2(tenant, "Other DMS"));
        UserConnection alice = saved(connected(key("alice", integration), "alice-access", "alice-refresh"));
        UserConnection bob = saved(connected(key("bob", integration), "bob-access", null));
        UserConnection aliceOther = saved(connected(key("alice", other), "alice-other", null));

        Await.result(integrations.update(renamed(integration, "New client"), integration.version(), true));

        assertEquals(Optional.empty(), find(alice.key()));
        assertEquals(Optional.empty(), find(bob.key()));
        assertEquals(aliceOther, find(aliceOther.key()).orElseThrow());
        saved(alice); // the integration is still there: its users may connect again
        assertEquals(alice, find(alice.key()).orElseThrow());
    }

    @Test
    void keepsTheConnectionsWhenAnUpdateDoesNotDropThem() {
        UserConnection alice = saved(connected(key("alice", integration), "alice-access", "alice-refresh"));

        Await.result(integrations.update(renamed(integration, "Renamed"), integration.version(), false));

        assertEquals(alice, find(alice.key()).orElseThrow());
    }

    @Test
    void keepsTheConnectionsWhenAnUpdateThatWouldDropThemIsRefused() {
        UserConnection alice = saved(connected(key("alice", integration), "alice-access", "alice-refresh"));

        Await.failure(integrations.update(renamed(integration, "Stale"), integration.version() + 1, true),
                VersionConflictException.class);

        assertEquals(alice, find(alice.key()).orElseThrow());
    }

    @Test
    void deletesTheConnectionsWithTheirIntegration() {
        Integration other = inserted(oauth2(tenant, "Other DMS"));
        UserConnection alice = saved(connected(key("alice", integration), "alice-access", "alice-refresh"));
        UserConnection aliceOther = saved(connected(key("alice", other), "alice-other", null));

        assertTrue(Await.result(integrations.delete(tenant, integration.id())));

        assertEquals(Optional.empty(), find(alice.key()));
        assertFalse(Await.result(store.delete(alice.key())));
        assertEquals(aliceOther, find(aliceOther.key()).orElseThrow());
    }
}
