package dochooks.application.connection.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dochooks.application.connection.port.in.ConnectionStatus;
import dochooks.application.connection.port.in.DisconnectUseCase.DisconnectCommand;
import dochooks.application.connection.port.in.GetConnectionStatusUseCase.GetConnectionStatusQuery;
import dochooks.application.connection.port.out.UserConnection;
import dochooks.application.connection.testing.ConnectionWorld;
import dochooks.application.error.IntegrationNotFoundException;
import dochooks.application.testing.Futures;
import dochooks.application.testing.IntegrationForms;
import dochooks.domain.connection.ConnectionState;
import dochooks.domain.integration.Integration;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConnectionStatusAndDisconnectServiceTest {
    private final ConnectionWorld world = new ConnectionWorld();
    private final Integration integration = world.oauth2();

    private ConnectionStatus status(dochooks.application.Caller caller, Integration target) {
        return Futures.succeeded(world.status.status(caller, new GetConnectionStatusQuery(target.id())));
    }

    @Test
    void aConnectedUserSeesWhenTheyConnectedAndWhenTheTokenExpires() {
        UserConnection connection = world.connect(world.user, integration, "access", "refresh", 3600L);

        assertEquals(new ConnectionStatus(ConnectionState.CONNECTED, connection.connectedAt(),
                connection.connectedAt().plusSeconds(3600)), status(world.user, integration));
        assertEquals(ConnectionStatus.notConnected(), status(world.admin, integration), "each user has their own");
    }

    @Test
    void aConnectionNeedingReauthorizationShowsNoTokenExpiry() {
        UserConnection connection = world.connect(world.user, integration, "access", "refresh", 3600L);
        world.connections.acquire(connection.key(), "refresher", Duration.ofSeconds(30));
        world.connections.markReauthorizationRequired(connection.key(), "refresher");

        assertEquals(new ConnectionStatus(ConnectionState.REAUTHORIZATION_REQUIRED, connection.connectedAt(), null),
                status(world.user, integration));
    }

    @Test
    void anApiKeyIntegrationIsAlwaysConnected() {
        assertEquals(new ConnectionStatus(ConnectionState.CONNECTED, null, null), status(world.user, world.apiKey()));
    }

    @Test
    void aDisabledIntegrationsStatusIsForAdminsOnly() {
        Integration disabled = world.stored(ConnectionWorld.ACME, IntegrationForms.oauth2().status("DISABLED"));

        Futures.failed(world.status.status(world.user, new GetConnectionStatusQuery(disabled.id())),
                IntegrationNotFoundException.class);
        assertEquals(ConnectionStatus.notConnected(), status(world.admin, disabled));
    }

    @Test
    void disconnectDeletesOnlyTheCallersTokensAndIsIdempotent() {
        world.connect(world.user, integration, "user-access", "user-refresh", 3600L);
        world.connect(world.admin, integration, "admin-access", "admin-refresh", 3600L);

        Futures.succeeded(world.disconnect.disconnect(world.user, new DisconnectCommand(integration.id())));
        Futures.succeeded(world.disconnect.disconnect(world.user, new DisconnectCommand(integration.id())));

        assertEquals(ConnectionStatus.notConnected(), status(world.user, integration));
        assertEquals(ConnectionState.CONNECTED, status(world.admin, integration).state());
    }

    @Test
    void disconnectingFromAnApiKeyIntegrationSucceedsAndChangesNothing() {
        world.connect(world.user, integration, "user-access", "user-refresh", 3600L);

        Futures.succeeded(world.disconnect.disconnect(world.user, new DisconnectCommand(world.apiKey().id())));

        assertEquals(1, world.connections.size());
    }

    @Test
    void anotherTenantsIntegrationCannotBeDisconnectedFrom() {
        Integration globex = world.stored(ConnectionWorld.GLOBEX, IntegrationForms.oauth2());
        dochooks.application.Caller globexUser = new dochooks.application.Caller(ConnectionWorld.GLOBEX,
                world.user.user(), "user.one", java.util.Set.of("user"));
        world.connect(globexUser, globex, "globex-access", "globex-refresh", 3600L);

        Futures.failed(world.disconnect.disconnect(world.user, new DisconnectCommand(globex.id())),
                IntegrationNotFoundException.class);
        Futures.failed(world.status.status(world.user, new GetConnectionStatusQuery(globex.id())),
                IntegrationNotFoundException.class);
        assertEquals(ConnectionState.CONNECTED, status(globexUser, globex).state());
    }
}
