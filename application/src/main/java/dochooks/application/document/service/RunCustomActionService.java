package dochooks.application.document.service;

import dochooks.application.Caller;
import dochooks.application.connection.port.out.UserAccessTokenPort;
import dochooks.application.document.port.in.RunCustomActionUseCase;
import dochooks.application.document.port.out.DocumentProviderPort;
import dochooks.application.integration.port.out.LoadIntegrationPort;
import io.vertx.core.Future;

/** {@link RunCustomActionUseCase} through the integration's provider, with the caller's credential. */
public final class RunCustomActionService implements RunCustomActionUseCase {
    private final ProviderAccess access;
    private final DocumentProviderPort provider;

    public RunCustomActionService(LoadIntegrationPort load, UserAccessTokenPort tokens, DocumentProviderPort provider) {
        this.access = new ProviderAccess(load, tokens);
        this.provider = provider;
    }

    @Override
    public Future<Void> customAction(Caller caller, CustomActionCommand command) {
        return access.call(caller, command.integrationId(), call -> provider.customAction(call, command.request()));
    }
}
