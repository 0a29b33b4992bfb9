package dochooks.application.connection.service;

import dochooks.application.Caller;
import dochooks.application.connection.port.in.ConnectionStatus;
import dochooks.application.connection.port.in.GetConnectionStatusUseCase;
import dochooks.application.connection.port.out.ConnectionKey;
import dochooks.application.connection.port.out.ConnectionStorePort;
import dochooks.application.integration.port.out.LoadIntegrationPort;
import dochooks.domain.integration.OAuth2Strategy;
import io.vertx.core.Future;

/** {@link GetConnectionStatusUseCase}: a read of the stored connection, nothing refreshed. */
public final class GetConnectionStatusService implements GetConnectionStatusUseCase {
    private final LoadIntegrationPort load;
    private final ConnectionStorePort connections;

    public GetConnectionStatusService(LoadIntegrationPort load, ConnectionStorePort connections) {
        this.load = load;
        this.connections = connections;
    }

    @Override
    public Future<ConnectionStatus> status(Caller caller, GetConnectionStatusQuery query) {
        return ConnectionAccess.loadVisible(load, caller, query.integrationId()).compose(integration -> {
            if (!(integration.settings().auth() instanceof OAuth2Strategy)) {
                return Future.succeededFuture(ConnectionStatus.apiKey());
            }
            return connections.find(ConnectionKey.of(caller, integration))
                    .map(found -> found.map(StatusOf::connection).orElseGet(ConnectionStatus::notConnected));
        });
    }
}
