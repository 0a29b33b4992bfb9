package dochooks.application.integration.port.out;

import dochooks.application.integration.port.in.PageCursor;
import dochooks.domain.integration.Integration;
import dochooks.domain.integration.IntegrationStatus;
import dochooks.domain.tenancy.TenantId;
import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/** Reads a tenant's integrations a page at a time, in (name comparison key, id) order. */
public interface ListIntegrationsPort {

    /**
     * Up to {@code limit} integrations of the tenant, with the given status when one is given, strictly
     * after {@code after} in (comparison key, id) order.
     */
    Future<List<Integration>> list(TenantId tenant, Optional<IntegrationStatus> status, Optional<PageCursor> after,
            int limit);
}
