package dochooks.application.connection.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dochooks.application.connection.port.out.AccessToken;
import dochooks.application.connection.port.out.ConnectionKey;
import dochooks.application.connection.port.out.ConnectionToken;
import dochooks.application.connection.port.out.UserConnection;
import dochooks.application.connection.testing.ConnectionWorld;
import dochooks.application.error.ProviderErrorException;
import dochooks.application.error.ProviderTimeoutException;
import dochooks.application.error.ProviderUnreachableException;
import dochooks.application.testing.Futures;
import dochooks.domain.connection.ConnectionState;
import dochooks.domain.integration.Integration;
import dochooks.domain.integration.Secret;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UserAccessTokenServiceTest {
    private final ConnectionWorld world = new ConnectionWorld();
    private final Integration integration = world.oauth2();
    private final ConnectionKey key = ConnectionKey.of(world.user, integration);

    private static String accessOf(ConnectionToken token) {
        return assertInstanceOf(ConnectionToken.Connected.class, token).token().value().reveal();
    }

    private ConnectionToken usable() {
        return Futures.succeeded(world.tokens.usableToken(world.user, integration));
    }

    private ConnectionToken refreshAfterRefusalOf(String refused) {
        return Futures.succeeded(world.tokens.refreshAfterRefusal(world.user, integration,
                AccessToken.of(Secret.of(refused))));
    }

    private UserConnection stored() {
        return world.stored(world.user, integration);
    }

    // ---- reading

    @Test
    void withoutAConnectionThereIsNoToken() {
        assertInstanceOf(ConnectionToken.NotConnected.class, usable());
        assertInstanceOf(ConnectionToken.NotConnected.class,
                Futures.succeeded(world.tokens.currentToken(world.user, integration)));
        assertInstanceOf(ConnectionToken.NotConnected.class, refreshAfterRefusalOf("anything"));
        assertTrue(world.tokenEndpoint.grants().isEmpty());
    }

    @Test
    void theCurrentTokenIsReadOnlyEvenWhenExpired() {
        world.connect(world.user, integration, "old-access", "old-refresh", 60L);
        world.clock.advance(Duration.ofHours(2));

        ConnectionToken current = Futures.succeeded(world.tokens.currentToken(world.user, integration));

        assertEquals("old-access", accessOf(current));
        assertEquals("old-refresh", ((ConnectionToken.Connected) current).token().refreshToken().reveal());
        assertTrue(world.tokenEndpoint.grants().isEmpty(), "a read never sends a grant");
    }

    @Test
    void aTokenNotYetDueIsUsedAsStored() {
        world.connect(world.user, integration, "old-access", "old-refresh", 3600L);
        world.clock.advance(Duration.ofSeconds(3539));

        assertEquals("old-access", accessOf(usable()));
        assertTrue(world.tokenEndpoint.grants().isEmpty());
    }

    @Test
    void aTokenWithoutKnownExpiryIsNeverRefreshedBeforeUse() {
        world.connect(world.user, integration, "old-access", "old-refresh", null);
        world.clock.advance(Duration.ofDays(400));

        assertEquals("old-access", accessOf(usable()));
        assertTrue(world.tokenEndpoint.grants().isEmpty());
    }

    // ---- proactive refresh

    @Test
    void aTokenInItsLastMinuteIsRefreshedFirstAndTheRotatedRefreshTokenStored() {
        world.connect(world.user, integration, "old-access", "old-refresh", 3600L);
        world.clock.advance(Duration.ofSeconds(3540));

        assertEquals("access-1", accessOf(usable()));

        assertEquals(1, world.tokenEndpoint.grants().size());
        assertEquals("refresh_token", world.tokenEndpoint.grants().get(0).type());
        assertEquals("old-refresh", world.tokenEndpoint.grants().get(0).refreshToken().reveal());
        UserConnection stored = stored();
        assertEquals("access-1", stored.tokens().accessToken().reveal());
        assertEquals("refresh-1", stored.tokens().refreshToken().reveal());
        assertEquals(world.clock.instant().plusSeconds(3600), stored.tokens().lifetime().expiresAt());
        assertEquals(ConnectionWorld.NOW, stored.connectedAt(), "a refresh is no new connection");
        assertFalse(world.connections.isLeased(key), "the lease is freed");
    }

    @Test
    void aShortLivedTokenIsRefreshedAfterHalfItsLifetime() {
        world.connect(world.user, integration, "old-access", "old-refresh", 30L);
        world.clock.advance(Duration.ofSeconds(14));
        assertEquals("old-access", accessOf(usable()));

        world.clock.advance(Duration.ofSeconds(1));
        assertEquals("access-1", accessOf(usable()));
    }

    @Test
    void anAnswerWithoutRefreshTokenKeepsTheOldOne() {
        world.connect(world.user, integration, "old-access", "old-refresh", 60L);
        world.tokenEndpoint.issuing(3600L, false);
        world.clock.advance(Duration.ofSeconds(60));

        assertEquals("access-1", accessOf(usable()));

        assertEquals("old-refresh", stored().tokens().refreshToken().reveal());
    }

    @Test
    void aDueTokenWithoutRefreshTokenIsUsedAsItIsAndTheProviderDecides() {
        world.connect(world.user, integration, "old-access", null, 60L);
        world.clock.advance(Duration.ofMinutes(5));

        assertEquals("old-access", accessOf(usable()));
        assertTrue(world.tokenEndpoint.grants().isEmpty());
        assertEquals(ConnectionState.CONNECTED, stored().state());
    }

    @Test
    void aRefusedRefreshMarksTheConnectionForReauthorization() {
        world.connect(world.user, integration, "old-access", "old-refresh", 60L);
        world.tokenEndpoint.refuse();
        world.clock.advance(Duration.ofSeconds(60));

        assertInstanceOf(ConnectionToken.ReauthorizationRequired.class, usable());

        assertEquals(ConnectionState.REAUTHORIZATION_REQUIRED, stored().state());
        assertNull(stored().tokens().refreshToken(), "the refused refresh token is dropped");
        assertFalse(world.connections.isLeased(key));
        assertInstanceOf(ConnectionToken.ReauthorizationRequired.class, usable(), "and stays so");
        assertEquals(1, world.tokenEndpoint.grants().size());
    }

    @Test
    void aFailingTokenEndpointLeavesAnExpiredConnectionAsItWasAndFails() {
        world.connect(world.user, integration, "old-access", "old-refresh", 60L);
        world.tokenEndpoint.fail(new ProviderErrorException(503, "down"));
        world.clock.advance(Duration.ofSeconds(61));

        Futures.failed(world.tokens.usableToken(world.user, integration), ProviderErrorException.class);

        assertEquals("old-access", stored().tokens().accessToken().reveal());
        assertEquals("old-refresh", stored().tokens().refreshToken().reveal());
        assertEquals(ConnectionState.CONNECTED, stored().state());
        assertFalse(world.connections.isLeased(key), "the lease is freed after a failure too");
    }

    @Test
    void aFailingTokenEndpointIsNoReasonToFailWhileTheStoredTokenStillWorks() {
        world.connect(world.user, integration, "old-access", "old-refresh", 3600L);
        world.tokenEndpoint.fail(new ProviderUnreachableException("refused"));
        world.clock.advance(Duration.ofSeconds(3550));

        assertEquals("old-access", accessOf(usable()));

        assertEquals(1, world.tokenEndpoint.grants().size());
        world.tokenEndpoint.issuing(3600L, true);
        assertEquals("access-1", accessOf(usable()), "the next call tries again");
    }

    // ---- refresh after a refusal

    @Test
    void aRefusedTokenThatIsStillStoredIsRefreshed() {
        world.connect(world.user, integration, "old-access", "old-refresh", null);

        assertEquals("access-1", accessOf(refreshAfterRefusalOf("old-access")));

        assertEquals("old-refresh", world.tokenEndpoint.grants().get(0).refreshToken().reveal());
        assertEquals("refresh-1", stored().tokens().refreshToken().reveal());
    }

    @Test
    void aRefusedTokenAlreadyReplacedIsNotRefreshedAgain() {
        world.connect(world.user, integration, "new-access", "new-refresh", 3600L);

        ConnectionToken token = refreshAfterRefusalOf("old-access");

        assertEquals("new-access", accessOf(token));
        assertEquals("new-refresh", ((ConnectionToken.Connected) token).token().refreshToken().reveal());
        assertTrue(world.tokenEndpoint.grants().isEmpty());
    }

    @Test
    void aRefusedTokenWithoutRefreshTokenNeedsReauthorization() {
        world.connect(world.user, integration, "old-access", null, null);

        assertInstanceOf(ConnectionToken.ReauthorizationRequired.class, refreshAfterRefusalOf("old-access"));

        assertTrue(world.tokenEndpoint.grants().isEmpty());
        assertEquals(ConnectionState.REAUTHORIZATION_REQUIRED, stored().state());
    }

    @Test
    void aRefreshAfterRefusalFailsWithTheTokenEndpointsFailure() {
        world.connect(world.user, integration, "old-access", "old-refresh", null);
        world.tokenEndpoint.fail(new ProviderTimeoutException("silence"));

        Futures.failed(world.tokens.refreshAfterRefusal(world.user, integration, AccessToken.of(Secret.of("old-access"))),
                ProviderTimeoutException.class);

        assertEquals("old-access", stored().tokens().accessToken().reveal());
    }

    // ---- one refresh at a time

    @Test
    void concurrentRequestsInOneProcessShareOneRefresh() {
        world.connect(world.user, integration, "old-access", "old-refresh", 60L);
        world.clock.advance(Duration.ofSeconds(60));
        world.tokenEndpoint.hold();

        List<Future<ConnectionToken>> requests = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            requests.add(i % 2 == 0 ? world.tokens.usableToken(world.user, integration)
                    : world.tokens.refreshAfterRefusal(world.user, integration, AccessToken.of(Secret.of("old-access"))));
        }
        assertTrue(requests.stream().noneMatch(Future::isComplete), "all wait for the one refresh");
        world.tokenEndpoint.releaseHeld();

        for (Future<ConnectionToken> request : requests) {
            assertEquals("access-1", accessOf(Futures.succeeded(request)));
        }
        assertEquals(1, world.tokenEndpoint.grants().size());
        assertEquals(1, world.connections.leasesTaken());
    }

    @Test
    void aRequestAfterTheRefreshFinishedUsesItsResultWithoutAnotherRefresh() {
        world.connect(world.user, integration, "old-access", "old-refresh", 60L);
        world.clock.advance(Duration.ofSeconds(60));
        accessOf(usable());

        assertEquals("access-1", accessOf(refreshAfterRefusalOf("old-access")));
        assertEquals(1, world.tokenEndpoint.grants().size());
    }

    @Test
    void whenAnotherProcessHoldsTheLeaseTheRequestWaitsAndUsesTheTokenItStored() {
        world.connect(world.user, integration, "old-access", "old-refresh", 60L);
        world.clock.advance(Duration.ofSeconds(61));
        world.connections.leaseElsewhere(key, Duration.ofSeconds(30));
        int[] polls = {0};
        world.onDelay = () -> {
            if (++polls[0] == 3) {
                world.connections.storeElsewhere(key, world.tokens("elsewhere-access", "elsewhere-refresh", 3600L));
            }
        };

        assertEquals("elsewhere-access", accessOf(usable()));

        assertEquals(3, world.delays.size());
        assertTrue(world.delays.stream().allMatch(d -> d.equals(ConnectionWorld.REFRESH.pollInterval())));
        assertTrue(world.tokenEndpoint.grants().isEmpty(), "the winner's refresh is the only one");
    }

    @Test
    void whenTheOtherProcessGivesUpTheWaiterRefreshesItself() {
        world.connect(world.user, integration, "old-access", "old-refresh", 60L);
        world.clock.advance(Duration.ofSeconds(61));
        world.connections.leaseElsewhere(key, Duration.ofMillis(250)); // its call failed; the lease runs out

        assertEquals("access-1", accessOf(usable()));

        assertEquals(3, world.delays.size());
        assertEquals(1, world.tokenEndpoint.grants().size());
    }

    @Test
    void aWaiterGivesUpAfterItsLastPoll() {
        world.connect(world.user, integration, "old-access", "old-refresh", 60L);
        world.clock.advance(Duration.ofSeconds(61));
        world.connections.leaseElsewhere(key, Duration.ofHours(1));

        Futures.failed(world.tokens.usableToken(world.user, integration), ProviderTimeoutException.class);

        assertEquals(ConnectionWorld.REFRESH.maxPolls(), world.delays.size());
        assertTrue(world.tokenEndpoint.grants().isEmpty());
    }

    @Test
    void aWaiterSeesTheOtherProcessMarkTheConnectionForReauthorization() {
        world.connect(world.user, integration, "old-access", "old-refresh", null);
        world.connections.leaseElsewhere(key, Duration.ofSeconds(30));
        world.onDelay = () -> {
            world.connections.release(key, "elsewhere");
            world.connections.acquire(key, "elsewhere", Duration.ofSeconds(30));
            world.connections.markReauthorizationRequired(key, "elsewhere");
        };

        assertInstanceOf(ConnectionToken.ReauthorizationRequired.class, refreshAfterRefusalOf("old-access"));
        assertTrue(world.tokenEndpoint.grants().isEmpty());
    }

    @Test
    void aUserWhoReconnectsDuringARefreshKeepsTheNewConnection() {
        world.connect(world.user, integration, "old-access", "old-refresh", null);
        world.tokenEndpoint.hold();
        Future<ConnectionToken> refreshing = world.tokens.refreshAfterRefusal(world.user, integration,
                AccessToken.of(Secret.of("old-access")));

        world.connect(world.user, integration, "reconnected-access", "reconnected-refresh", 3600L);
        world.tokenEndpoint.releaseHeld();

        assertEquals("reconnected-access", accessOf(Futures.succeeded(refreshing)));
        assertEquals("reconnected-access", stored().tokens().accessToken().reveal());
    }

    @Test
    void aRefresherWhoseLeaseRanOutStillAnswersTheTokensItGot() {
        world.connect(world.user, integration, "old-access", "old-refresh", null);
        world.tokenEndpoint.hold();
        Future<ConnectionToken> refreshing = world.tokens.refreshAfterRefusal(world.user, integration,
                AccessToken.of(Secret.of("old-access")));

        world.clock.advance(ConnectionWorld.REFRESH.leaseDuration());
        world.connections.leaseElsewhere(key, Duration.ofSeconds(30));
        world.tokenEndpoint.releaseHeld();

        assertEquals("access-1", accessOf(Futures.succeeded(refreshing)));
        assertEquals("old-access", stored().tokens().accessToken().reveal(), "the lease's new holder decides");
    }

    @Test
    void aUserWhoDisconnectsDuringARefreshStaysDisconnected() {
        world.connect(world.user, integration, "old-access", "old-refresh", null);
        world.tokenEndpoint.hold();
        Future<ConnectionToken> refreshing = world.tokens.refreshAfterRefusal(world.user, integration,
                AccessToken.of(Secret.of("old-access")));

        world.connections.delete(key);
        world.tokenEndpoint.releaseHeld();

        assertInstanceOf(ConnectionToken.NotConnected.class, Futures.succeeded(refreshing));
        assertEquals(0, world.connections.size());
    }

    @Test
    void refreshesOfDifferentUsersDoNotWaitForEachOther() {
        world.connect(world.user, integration, "user-access", "user-refresh", null);
        world.connect(world.admin, integration, "admin-access", "admin-refresh", null);
        world.tokenEndpoint.hold();

        Future<ConnectionToken> user = world.tokens.refreshAfterRefusal(world.user, integration,
                AccessToken.of(Secret.of("user-access")));
        Future<ConnectionToken> admin = world.tokens.refreshAfterRefusal(world.admin, integration,
                AccessToken.of(Secret.of("admin-access")));
        world.tokenEndpoint.releaseHeld();

        assertEquals(2, world.tokenEndpoint.grants().size());
        assertTrue(Futures.succeeded(user) instanceof ConnectionToken.Connected);
        assertTrue(Futures.succeeded(admin) instanceof ConnectionToken.Connected);
        assertEquals("user-refresh", world.tokenEndpoint.grants().get(0).refreshToken().reveal());
        assertEquals("admin-refresh", world.tokenEndpoint.grants().get(1).refreshToken().reveal());
    }
}
