package dochooks.application.connection.port.in;

import dochooks.application.Caller;
import dochooks.domain.integration.IntegrationId;
import io.vertx.core.Future;
import java.util.Objects;

/**
 * The caller's connection to an integration ({@code GET /api/v1/integrations/{id}/connection}). Only reads:
 * nothing is refreshed. ApiKey integrations are always {@code CONNECTED}.
 */
public interface GetConnectionStatusUseCase {

    record GetConnectionStatusQuery(IntegrationId integrationId) {
        public GetConnectionStatusQuery {
            Objects.requireNonNull(integrationId, "integrationId");
        }
    }

    Future<ConnectionStatus> status(Caller caller, GetConnectionStatusQuery query);
}
