package dochooks.adapters.http;

import dochooks.application.connection.port.in.CompleteAuthorizationUseCase;
import dochooks.application.connection.port.in.ConfirmConnectionUseCase;
import dochooks.application.connection.port.in.DisconnectUseCase;
import dochooks.application.connection.port.in.GetConnectionStatusUseCase;
import dochooks.application.connection.port.in.StartConnectionUseCase;
import java.util.Objects;

/**
 * A user's connection to an OAuth2 integration (api.md section 4), as the HTTP API calls it: start, the
 * browser's callback, confirm, status and disconnect. The composition root builds one from the connection
 * services.
 */
public record ConnectionUseCases(StartConnectionUseCase start, CompleteAuthorizationUseCase complete,
        ConfirmConnectionUseCase confirm, GetConnectionStatusUseCase status, DisconnectUseCase disconnect) {

    public ConnectionUseCases {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(complete, "complete");
        Objects.requireNonNull(confirm, "confirm");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(disconnect, "disconnect");
    }
}
