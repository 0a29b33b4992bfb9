package dochooks.application.connection.port.in;

import dochooks.application.Caller;
import dochooks.domain.integration.IntegrationId;
import io.vertx.core.Future;
import java.util.Objects;

/**
 * The caller drops their connection ({@code DELETE /api/v1/integrations/{id}/connection}): their tokens are
 * deleted. Idempotent: succeeds when there was none, and for ApiKey integrations (which have none).
 */
public interface DisconnectUseCase {

    record DisconnectCommand(IntegrationId integrationId) {
        public DisconnectCommand {
            Objects.requireNonNull(integrationId, "integrationId");
        }
    }

    Future<Void> disconnect(Caller caller, DisconnectCommand command);
}
