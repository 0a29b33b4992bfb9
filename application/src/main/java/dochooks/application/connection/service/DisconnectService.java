package dochooks.application.connection.service;

import dochooks.application.Caller;
import dochooks.application.connection.port.in.DisconnectUseCase;
import dochooks.application.connection.port.out.ConnectionKey;
import dochooks.application.connection.port.out.ConnectionStorePort;
import dochooks.application.integration.port.out.LoadIntegrationPort;
import dochooks.domain.integration.OAuth2Strategy;
import io.vertx.core.Future;

/** {@link DisconnectUseCase}: deletes the caller's tokens, if any. */
public final class DisconnectService implements DisconnectUseCase {
    private final LoadIntegrationPort load;
    private final ConnectionStorePort connections;

    public DisconnectService(LoadIntegrationPort load, ConnectionStorePort connections) {
        this.load = load;
        this.connections = connections;
    }

    @Override
    public Future<Void> disconnect(Caller caller, DisconnectCommand command) {
        return ConnectionAccess.loadVisible(load, caller, command.integrationId()).compose(integration -> {
            if (!(integration.settings().auth() instanceof OAuth2Strategy)) {
                return Future.succeededFuture();
            }
            return connections.delete(ConnectionKey.of(caller, integration)).mapEmpty();
        });
    }
}
