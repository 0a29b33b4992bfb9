package dochooks.application.connection.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dochooks.application.connection.port.in.CompleteAuthorizationUseCase.AuthorizationCallback;
import dochooks.application.connection.port.in.CompleteAuthorizationUseCase.AuthorizedCallback;
import dochooks.application.connection.port.out.Sha256Digest;
import dochooks.application.connection.testing.ConnectionWorld;
import dochooks.application.connection.testing.InMemoryPendingAuthorizations.Row;
import dochooks.application.error.OAuthCallbackRejectedException;
import dochooks.application.testing.Futures;
import dochooks.domain.integration.Integration;
import io.vertx.core.Future;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CompleteAuthorizationServiceTest {
    private final ConnectionWorld world = new ConnectionWorld();
    private final Integration integration = world.oauth2();

    private Future<AuthorizedCallback> callback(String state, String code, String error) {
        return world.callback.complete(new AuthorizationCallback(state, code, error));
    }

    @Test
    void aKnownStateWithACodeKeepsTheCodeBehindAOneTimeConfirmation() {
        String state = AuthorizationDance.start(world, world.user, integration);
        world.clock.advance(Duration.ofMinutes(9));

        AuthorizedCallback authorized = Futures.succeeded(callback(state, "the-code", null));

        assertEquals(integration.id(), authorized.integrationId());
        assertTrue(authorized.confirmation().matches("[A-Za-z0-9_-]{43}"), "256 random bits");
        Row row = world.pending.rows().get(0);
        assertEquals("the-code", row.authorization().code().reveal());
        assertEquals(Sha256Digest.of(authorized.confirmation()), row.confirmation(), "only its digest is kept");
        assertEquals(world.clock.instant().plus(Duration.ofMinutes(10)), row.authorization().expiresAt());
        assertNotEquals(state, authorized.confirmation());
    }

    @Test
    void aStateWorksOnceAndAReplayIsRejected() {
        String state = AuthorizationDance.start(world, world.user, integration);
        Futures.succeeded(callback(state, "the-code", null));

        Futures.failed(callback(state, "the-code", null), OAuthCallbackRejectedException.class);
        Futures.failed(callback(state, "another-code", null), OAuthCallbackRejectedException.class);

        assertEquals("the-code", world.pending.rows().get(0).authorization().code().reveal(),
                "the replay changed nothing");
    }

    @Test
    void anUnknownOrMissingStateIsRejected() {
        AuthorizationDance.start(world, world.user, integration);

        Futures.failed(callback("not-a-state-we-made", "the-code", null), OAuthCallbackRejectedException.class);
        Futures.failed(callback(null, "the-code", null), OAuthCallbackRejectedException.class);
        Futures.failed(callback("", "the-code", null), OAuthCallbackRejectedException.class);
        Futures.failed(callback("x".repeat(10_000), "the-code", null), OAuthCallbackRejectedException.class);
        assertEquals(1, world.pending.rows().size());
        assertEquals(null, world.pending.rows().get(0).authorization().code());
    }

    @Test
    void anExpiredStateIsRejectedAndItsAuthorizationDiscarded() {
        String state = AuthorizationDance.start(world, world.user, integration);
        world.clock.advance(Duration.ofMinutes(10));

        Futures.failed(callback(state, "the-code", null), OAuthCallbackRejectedException.class);

        assertTrue(world.pending.rows().isEmpty());
    }

    @Test
    void aProviderErrorUsesTheStateUpAndStoresNothing() {
        String state = AuthorizationDance.start(world, world.user, integration);

        Futures.failed(callback(state, null, "access_denied"), OAuthCallbackRejectedException.class);

        assertTrue(world.pending.rows().isEmpty());
        Futures.failed(callback(state, "the-code", null), OAuthCallbackRejectedException.class);
        assertTrue(world.pending.rows().isEmpty());
    }

    @Test
    void anErrorWinsOverACodeAndAnEmptyErrorIsStillAnError() {
        String first = AuthorizationDance.start(world, world.user, integration);
        String second = AuthorizationDance.start(world, world.user, integration);

        Futures.failed(callback(first, "the-code", "server_error"), OAuthCallbackRejectedException.class);
        Futures.failed(callback(second, "the-code", ""), OAuthCallbackRejectedException.class);

        assertTrue(world.pending.rows().isEmpty());
    }

    @Test
    void aCallbackWithoutAUsableCodeUsesTheStateUpAndStoresNothing() {
        String withoutCode = AuthorizationDance.start(world, world.user, integration);
        String emptyCode = AuthorizationDance.start(world, world.user, integration);
        String controlCode = AuthorizationDance.start(world, world.user, integration);

        Futures.failed(callback(withoutCode, null, null), OAuthCallbackRejectedException.class);
        Futures.failed(callback(emptyCode, "", null), OAuthCallbackRejectedException.class);
        Futures.failed(callback(controlCode, "co\nde", null), OAuthCallbackRejectedException.class);

        assertTrue(world.pending.rows().isEmpty());
        Futures.failed(callback(withoutCode, "the-code", null), OAuthCallbackRejectedException.class);
    }

    @Test
    void theCallbacksToStringShowsNoCredential() {
        String text = new AuthorizationCallback("state-value", "code-value", "access_denied").toString();

        assertTrue(!text.contains("state-value") && !text.contains("code-value"), text);
    }
}
