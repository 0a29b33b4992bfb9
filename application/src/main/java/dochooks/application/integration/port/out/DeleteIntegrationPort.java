package dochooks.application.integration.port.out;

import dochooks.domain.integration.IntegrationId;
import dochooks.domain.tenancy.TenantId;
import io.vertx.core.Future;

/**
 * Removes an integration together with every user connection to it and every authorization under way to it
 * ({@link dochooks.application.connection.port.out.PendingAuthorizationPort}).
 */
public interface DeleteIntegrationPort {

    /** True when something was deleted, false when the tenant had no such integration. */
    Future<Boolean> delete(TenantId tenant, IntegrationId id);
}
