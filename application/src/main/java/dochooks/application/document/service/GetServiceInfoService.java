package dochooks.application.document.service;

import dochooks.application.Caller;
import dochooks.application.document.port.in.GetServiceInfoUseCase;
import dochooks.application.document.port.out.DocumentProviderPort;
import dochooks.application.document.port.out.ProviderCall;
import dochooks.application.integration.port.out.LoadIntegrationPort;
import dochooks.domain.document.ServiceInfo;
import io.vertx.core.Future;

/** {@link GetServiceInfoUseCase}: an anonymous call, so no connection is looked up or needed. */
public final class GetServiceInfoService implements GetServiceInfoUseCase {
    private final LoadIntegrationPort load;
    private final DocumentProviderPort provider;

    public GetServiceInfoService(LoadIntegrationPort load, DocumentProviderPort provider) {
        this.load = load;
        this.provider = provider;
    }

    @Override
    public Future<ServiceInfo> serviceInfo(Caller caller, ServiceInfoQuery query) {
        return ProviderAccess.loadUsable(load, caller, query.integrationId())
                .compose(integration -> provider.serviceInfo(ProviderCall.anonymous(integration)));
    }
}
