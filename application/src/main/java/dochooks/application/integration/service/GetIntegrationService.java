package dochooks.application.integration.service;

import dochooks.application.Caller;
import dochooks.application.integration.port.in.GetIntegrationUseCase;
import dochooks.application.integration.port.out.LoadIntegrationPort;
import dochooks.domain.integration.Integration;
import dochooks.domain.integration.IntegrationId;
import io.vertx.core.Future;

public final class GetIntegrationService implements GetIntegrationUseCase {
    private final IntegrationAccess access;

    public GetIntegrationService(LoadIntegrationPort load) {
        this.access = new IntegrationAccess(load);
    }

    @Override
    public Future<Integration> get(Caller caller, IntegrationId id) {
        return access.loadVisible(caller, id);
    }
}
