package dochooks.application.connection.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dochooks.application.connection.port.in.ConfirmConnectionUseCase.ConfirmConnectionCommand;
import dochooks.application.connection.port.in.ConnectionStatus;
import dochooks.application.connection.port.out.ConnectionKey;
import dochooks.application.connection.port.out.UserConnection;
import dochooks.application.connection.testing.ConnectionWorld;
import dochooks.application.connection.testing.ScriptedTokenEndpoint.Grant;
import dochooks.application.error.ForbiddenException;
import dochooks.application.error.IntegrationNotFoundException;
import dochooks.application.error.NotOAuth2Exception;
import dochooks.application.error.OAuthCallbackRejectedException;
import dochooks.application.error.ProviderErrorException;
import dochooks.application.error.ProviderTimeoutException;
import dochooks.application.testing.Futures;
import dochooks.application.testing.IntegrationForms;
import dochooks.domain.connection.ConnectionState;
import dochooks.domain.integration.Integration;
import dochooks.domain.validation.Rule;
import dochooks.domain.validation.ValidationException;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfirmConnectionServiceTest {
    private final ConnectionWorld world = new ConnectionWorld();
    private final Integration integration = world.oauth2();

    private Future<ConnectionStatus> confirm(dochooks.application.Caller caller, Integration target, String confirmation) {
        return world.confirm.confirm(caller, new ConfirmConnectionCommand(target.id(), confirmation));
    }

    private Optional<UserConnection> storedFor(dochooks.application.Caller caller) {
        return world.connections.find(ConnectionKey.of(caller, integration)).result();
    }

    @Test
    void theSameUserConfirmsAndTheCodeIsRedeemedWithItsVerifierAndTheTokensStored() {
        String confirmation = AuthorizationDance.authorize(world, world.user, integration, "the-code");
        String verifier = world.pending.rows().get(0).authorization().codeVerifier().reveal();
        world.clock.advance(Duration.ofMinutes(1));
        Instant confirmedAt = world.clock.instant();

        ConnectionStatus status = Futures.succeeded(confirm(world.user, integration, confirmation));

        assertEquals(new ConnectionStatus(ConnectionState.CONNECTED, confirmedAt, confirmedAt.plusSeconds(3600)), status);
        Grant grant = world.tokenEndpoint.grants().get(0);
        assertEquals("authorization_code", grant.type());
        assertEquals("the-code", grant.code().code().reveal());
        assertEquals(verifier, grant.code().codeVerifier().reveal());
        assertEquals(ConnectionWorld.REDIRECT_URI, grant.code().redirectUri());
        assertEquals(integration.id(), grant.integration().id());
        UserConnection stored = storedFor(world.user).orElseThrow();
        assertEquals("access-1", stored.tokens().accessToken().reveal());
        assertEquals("refresh-1", stored.tokens().refreshToken().reveal());
        assertTrue(world.pending.rows().isEmpty(), "the pending authorization is used up");
    }

    @Test
    void aConfirmationWorksOnce() {
        String confirmation = AuthorizationDance.authorize(world, world.user, integration, "the-code");
        Futures.succeeded(confirm(world.user, integration, confirmation));

        Futures.failed(confirm(world.user, integration, confirmation), OAuthCallbackRejectedException.class);

        assertEquals(1, world.tokenEndpoint.grants().size());
    }

    @Test
    void anotherUsersConfirmationIsForbiddenDiscardedAndStoresNothing() {
        String confirmation = AuthorizationDance.authorize(world, world.user, integration, "the-code");

        Futures.failed(confirm(world.colleague, integration, confirmation), ForbiddenException.class);

        assertTrue(world.pending.rows().isEmpty(), "the pending authorization is discarded");
        assertTrue(world.tokenEndpoint.grants().isEmpty(), "the code is never redeemed");
        assertEquals(0, world.connections.size());
        Futures.failed(confirm(world.user, integration, confirmation), OAuthCallbackRejectedException.class);
        assertEquals(0, world.connections.size());
    }

    @Test
    void anotherTenantsUserWithTheSameUserIdIsAnotherUser() {
        Integration globex = world.stored(ConnectionWorld.GLOBEX, IntegrationForms.oauth2());
        dochooks.application.Caller acmeUser = new dochooks.application.Caller(ConnectionWorld.ACME,
                world.user.user(), "user.one", java.util.Set.of("user"));
        dochooks.application.Caller globexUser = new dochooks.application.Caller(ConnectionWorld.GLOBEX,
                world.user.user(), "user.one", java.util.Set.of("user"));
        String confirmation = AuthorizationDance.authorize(world, globexUser, globex, "the-code");

        // the integration is checked first: Globex's does not exist for Acme's user
        Futures.failed(confirm(acmeUser, globex, confirmation), IntegrationNotFoundException.class);
        // on an Acme integration, Globex's confirmation is another user's
        Futures.failed(confirm(acmeUser, integration, confirmation), ForbiddenException.class);
        assertTrue(world.pending.rows().isEmpty());
    }

    @Test
    void anUnknownConfirmationIsRejected() {
        AuthorizationDance.authorize(world, world.user, integration, "the-code");

        Futures.failed(confirm(world.user, integration, "made-up"), OAuthCallbackRejectedException.class);

        assertEquals(1, world.pending.rows().size(), "someone else's pending authorization is untouched");
    }

    @Test
    void anExpiredConfirmationIsRejectedWithoutCallingTheTokenEndpoint() {
        String confirmation = AuthorizationDance.authorize(world, world.user, integration, "the-code");
        world.clock.advance(Duration.ofMinutes(10));

        Futures.failed(confirm(world.user, integration, confirmation), OAuthCallbackRejectedException.class);

        assertTrue(world.tokenEndpoint.grants().isEmpty());
        assertTrue(world.pending.rows().isEmpty());
    }

    @Test
    void aConfirmationMadeForAnotherIntegrationIsRejectedAndUsedUp() {
        Integration other = world.oauth2();
        String confirmation = AuthorizationDance.authorize(world, world.user, other, "the-code");

        Futures.failed(confirm(world.user, integration, confirmation), OAuthCallbackRejectedException.class);

        assertTrue(world.tokenEndpoint.grants().isEmpty());
        Futures.failed(confirm(world.user, other, confirmation), OAuthCallbackRejectedException.class);
    }

    @Test
    void aRefusedCodeIsAProviderErrorAndUsesTheConfirmationUp() {
        String confirmation = AuthorizationDance.authorize(world, world.user, integration, "the-code");
        world.tokenEndpoint.refuse();

        ProviderErrorException error = Futures.failed(confirm(world.user, integration, confirmation),
                ProviderErrorException.class);

        assertEquals(400, error.providerStatus());
        assertTrue(error.providerText().contains("invalid_grant"), error.providerText());
        assertEquals(0, world.connections.size());
        Futures.failed(confirm(world.user, integration, confirmation), OAuthCallbackRejectedException.class);
    }

    @Test
    void aFailingTokenEndpointFailsTheConfirmAndUsesTheConfirmationUp() {
        String confirmation = AuthorizationDance.authorize(world, world.user, integration, "the-code");
        world.tokenEndpoint.fail(new ProviderTimeoutException("no answer"));

        Futures.failed(confirm(world.user, integration, confirmation), ProviderTimeoutException.class);

        assertEquals(0, world.connections.size());
        assertTrue(world.pending.rows().isEmpty());
    }

    @Test
    void connectingAgainHealsAConnectionThatNeededReauthorization() {
        UserConnection old = world.connect(world.user, integration, "old-access", "old-refresh", 3600L);
        String holder = "refresher";
        world.connections.acquire(old.key(), holder, Duration.ofSeconds(30));
        world.connections.markReauthorizationRequired(old.key(), holder);
        String confirmation = AuthorizationDance.authorize(world, world.user, integration, "the-code");

        ConnectionStatus status = Futures.succeeded(confirm(world.user, integration, confirmation));

        assertEquals(ConnectionState.CONNECTED, status.state());
        assertEquals("access-1", storedFor(world.user).orElseThrow().tokens().accessToken().reveal());
    }

    @Test
    void aTokenAnswerWithoutExpiryOrRefreshTokenIsStoredAsSuch() {
        String confirmation = AuthorizationDance.authorize(world, world.user, integration, "the-code");
        world.tokenEndpoint.issuing(null, false);

        ConnectionStatus status = Futures.succeeded(confirm(world.user, integration, confirmation));

        assertNull(status.accessTokenExpiresAt());
        assertNull(storedFor(world.user).orElseThrow().tokens().refreshToken());
    }

    @Test
    void anApiKeyIntegrationHasNoConnectionToConfirm() {
        Integration apiKey = world.apiKey();
        String confirmation = AuthorizationDance.authorize(world, world.user, integration, "the-code");

        Futures.failed(confirm(world.user, apiKey, confirmation), NotOAuth2Exception.class);

        assertEquals(1, world.pending.rows().size(), "checked before the confirmation is touched");
    }

    @Test
    void theConfirmationIsRequired() {
        ValidationException missing = assertThrows(ValidationException.class,
                () -> new ConfirmConnectionCommand(integration.id(), null));

        assertEquals("confirmation", missing.violations().get(0).field());
        assertEquals(Rule.REQUIRED, missing.violations().get(0).rule());
        assertTrue(!new ConfirmConnectionCommand(integration.id(), "secret-value").toString().contains("secret-value"));
    }
}
