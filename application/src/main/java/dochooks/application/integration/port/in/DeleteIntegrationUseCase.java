package dochooks.application.integration.port.in;

import dochooks.application.Caller;
import dochooks.domain.integration.IntegrationId;
import io.vertx.core.Future;

/** An admin deletes an integration and, with it, every user connection to it. */
public interface DeleteIntegrationUseCase {

    record DeleteIntegrationCommand(IntegrationId id, IfMatch ifMatch) {
    }

    /** Fails with IntegrationNotFoundException when there is none, PreconditionFailedException on a stale If-Match. */
    Future<Void> delete(Caller caller, DeleteIntegrationCommand command);
}
