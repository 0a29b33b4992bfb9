package dochooks.application.integration.port.in;

import dochooks.application.Caller;
import dochooks.domain.integration.Integration;
import dochooks.domain.integration.IntegrationId;
import io.vertx.core.Future;

/** Any user reads one integration; a disabled one does not exist for non-admins. */
public interface GetIntegrationUseCase {

    /** Fails with IntegrationNotFoundException when the caller may not see it. */
    Future<Integration> get(Caller caller, IntegrationId id);
}
