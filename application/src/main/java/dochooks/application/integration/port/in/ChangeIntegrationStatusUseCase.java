package dochooks.application.integration.port.in;

import dochooks.application.Caller;
import dochooks.domain.integration.Integration;
import dochooks.domain.integration.IntegrationId;
import dochooks.domain.integration.IntegrationStatus;
import io.vertx.core.Future;

/** An admin enables or disables an integration; idempotent (no change, no new version). */
public interface ChangeIntegrationStatusUseCase {

    record ChangeIntegrationStatusCommand(IntegrationId id, IntegrationStatus status, IfMatch ifMatch) {
    }

    Future<Integration> changeStatus(Caller caller, ChangeIntegrationStatusCommand command);
}
