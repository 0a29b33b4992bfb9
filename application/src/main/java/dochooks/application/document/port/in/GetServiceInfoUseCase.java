package dochooks.application.document.port.in;

import dochooks.application.Caller;
import dochooks.domain.document.ServiceInfo;
import dochooks.domain.integration.IntegrationId;
import io.vertx.core.Future;
import java.util.Objects;

/**
 * Any user reads what a provider says about itself ({@code GET serviceInfo}). The call carries no
 * credentials, so it needs no connection, even on an OAuth2 integration.
 */
public interface GetServiceInfoUseCase {

    record ServiceInfoQuery(IntegrationId integrationId) {
        public ServiceInfoQuery {
            Objects.requireNonNull(integrationId, "integrationId");
        }
    }

    /**
     * The provider's service info. Fails with IntegrationNotFoundException, IntegrationDisabledException, the
     * provider failures (a provider without the endpoint: ProviderNotFoundException) or
     * DatabaseUnavailableException; never with a connection failure.
     */
    Future<ServiceInfo> serviceInfo(Caller caller, ServiceInfoQuery query);
}
