package dochooks.application.integration.port.out;

import dochooks.domain.integration.Integration;
import dochooks.domain.integration.IntegrationId;
import dochooks.domain.tenancy.TenantId;
import io.vertx.core.Future;
import java.util.Optional;

/** Reads one integration of one tenant. */
public interface LoadIntegrationPort {

    /**
     * The integration, or empty when the tenant has none with that id. Fails with
     * {@link dochooks.application.error.DatabaseUnavailableException} when storage does not answer.
     */
    Future<Optional<Integration>> load(TenantId tenant, IntegrationId id);
}
