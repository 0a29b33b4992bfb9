package dochooks.adapters.persistence;

import static dochooks.adapters.persistence.Connections.key;
import static dochooks.adapters.persistence.Connections.tokens;
import static dochooks.adapters.persistence.Integrations.ACME;
import static dochooks.adapters.persistence.Integrations.oauth2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dochooks.adapters.persistence.testing.EmbeddedPostgresFixture;
import dochooks.application.Caller;
import dochooks.application.connection.port.out.ConnectionKey;
import dochooks.application.connection.port.out.ConnectionToken;
import dochooks.application.connection.port.out.UserConnection;
import dochooks.application.connection.service.RefreshSettings;
import dochooks.application.connection.service.UserAccessTokenService;
import dochooks.domain.integration.Integration;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One refresh per connection at a time, on real PostgreSQL with a real token endpoint on loopback: two
 * {@link PersistenceAdapter}s with pools of their own and two token services stand for two dochooks processes.
 */
class RefreshLeaseIT {
    private static final String OLD_REFRESH = "old-refresh-token";
    private static final RefreshSettings SETTINGS = new RefreshSettings(Duration.ofSeconds(10), Duration.ofMillis(50), 200);
    private static final int POOL_SIZE = 2;

    private static Vertx vertx;
    private DatabaseConnection database;
    private LoopbackTokenEndpoint tokenEndpoint;
    private PersistenceAdapter processA;
    private PersistenceAdapter processB;
    private UserAccessTokenService tokensA;
    private UserAccessTokenService tokensB;
    private Integration integration;
    private Caller alice;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() {
        Await.result(vertx.close());
    }

    @BeforeEach
    void twoProcessesOnOneDatabase() {
        database = EmbeddedPostgresFixture.newMigratedDatabase();
        EncryptionKeys keys = EncryptionKeys.parse(IntegrationPersistenceAdapterIT.K1);
        processA = PersistenceAdapter.create(vertx, database, keys, POOL_SIZE);
        processB = PersistenceAdapter.create(vertx, database, keys, POOL_SIZE);
        tokenEndpoint = LoopbackTokenEndpoint.start(vertx, OLD_REFRESH);
        tokensA = tokenService(processA);
        tokensB = tokenService(processB);
        integration = oauth2(ACME, "Acme DMS");
        Await.result(processA.insert(integration));
        alice = new Caller(ACME, new dochooks.domain.tenancy.UserId("alice"), "alice", Set.of());
        // issued two hours ago for one hour: expired
        Instant issued = Instant.now().minus(Duration.ofHours(2));
        Await.result(processA.save(UserConnection.connected(key(ACME, "alice", integration),
                tokens("expired-access", OLD_REFRESH, issued, 3600L), issued)));
    }

    private UserAccessTokenService tokenService(PersistenceAdapter process) {
        return new UserAccessTokenService(process, process, tokenEndpoint,
                delay -> vertx.timer(delay.toMillis(), TimeUnit.MILLISECONDS).mapEmpty(), Clock.systemUTC(), SETTINGS);
    }

    @AfterEach
    void stop() {
        Await.result(tokenEndpoint.close());
        Await.result(processA.close());
        Await.result(processB.close());
    }

    private List<Future<ConnectionToken>> requests(UserAccessTokenService tokens, int count) {
        List<Future<ConnectionToken>> requests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            requests.add(tokens.usableToken(alice, integration));
        }
        return requests;
    }

    private static void assertAllGot(String accessToken, List<Future<ConnectionToken>> requests) {
        for (Future<ConnectionToken> request : requests) {
            ConnectionToken token = Await.result(request);
            assertEquals(accessToken, assertInstanceOf(ConnectionToken.Connected.class, token).token().value().reveal());
        }
    }

    private void awaitTokenCalls(int calls) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (tokenEndpoint.calls() < calls) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the token endpoint got " + tokenEndpoint.calls() + " calls, not " + calls);
            }
            Thread.sleep(10);
        }
    }

    @Test
    void thirtyConcurrentRequestsInOneProcessCauseOneTokenCall() {
        List<Future<ConnectionToken>> requests = requests(tokensA, 30);

        assertAllGot("fresh-access-1", requests);
        assertEquals(1, tokenEndpoint.calls());
    }

    @Test
    void twoProcessesHitAtOnceCauseOneTokenCallAndBothUseTheWinnersToken() throws InterruptedException {
        tokenEndpoint.hang();
        List<Future<ConnectionToken>> inA = requests(tokensA, 15);
        List<Future<ConnectionToken>> inB = requests(tokensB, 15);
        awaitTokenCalls(1);
        Thread.sleep(300); // long enough for the loser to find the lease taken and poll a few times

        tokenEndpoint.answerHeld();

        assertAllGot("fresh-access-1", inA);
        assertAllGot("fresh-access-1", inB);
        assertEquals(1, tokenEndpoint.calls(), "the old refresh token went to the token endpoint once");
        UserConnection stored = Await.result(processB.find(key(ACME, "alice", integration))).orElseThrow();
        assertEquals("rotated-refresh-1", stored.tokens().refreshToken().reveal(), "the rotated one was stored");
        assertEquals(tokenEndpoint.currentRefreshToken(), stored.tokens().refreshToken().reveal());
    }

    @Test
    void requestsWaitingForARefreshHoldNoPooledConnection() throws InterruptedException {
        tokenEndpoint.hang();
        List<Future<ConnectionToken>> inA = requests(tokensA, 30);
        List<Future<ConnectionToken>> inB = requests(tokensB, 30);
        awaitTokenCalls(1);
        Thread.sleep(200);

        // pools of two connections each, sixty requests waiting for the token endpoint: other work goes on
        long started = System.nanoTime();
        for (int i = 0; i < 10; i++) {
            assertTrue(Await.result(processA.load(ACME, integration.id())).isPresent());
            assertTrue(Await.result(processB.load(ACME, integration.id())).isPresent());
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertTrue(millis < 2000, "twenty reads took " + millis + " ms while the refresh hung");

        tokenEndpoint.answerHeld();
        assertAllGot("fresh-access-1", inA);
        assertAllGot("fresh-access-1", inB);
        assertEquals(1, tokenEndpoint.calls());
    }

    @Test
    void aTokenThatNoLongerNeedsRefreshingIsUsedWithoutATokenCall() {
        assertAllGot("fresh-access-1", requests(tokensA, 1));

        assertAllGot("fresh-access-1", requests(tokensB, 5));
        assertEquals(1, tokenEndpoint.calls());
    }

    @Test
    void aRefusedRefreshMarksTheConnectionInEveryProcess() {
        ConnectionKey key = key(ACME, "alice", integration);
        UserConnection stored = Await.result(processA.find(key)).orElseThrow();
        Await.result(processA.save(UserConnection.connected(key,
                tokens("expired-access", "refresh-the-server-does-not-know", stored.tokens().lifetime().issuedAt(),
                        3600L), stored.connectedAt())));

        assertInstanceOf(ConnectionToken.ReauthorizationRequired.class, Await.result(tokensA.usableToken(alice,
                integration)));
        assertInstanceOf(ConnectionToken.ReauthorizationRequired.class, Await.result(tokensB.usableToken(alice,
                integration)));
        assertEquals(1, tokenEndpoint.calls());
    }
}
