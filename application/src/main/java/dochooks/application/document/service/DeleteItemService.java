package dochooks.application.document.service;

import dochooks.application.Caller;
import dochooks.application.connection.port.out.UserAccessTokenPort;
import dochooks.application.document.port.in.DeleteItemUseCase;
import dochooks.application.document.port.out.DocumentProviderPort;
import dochooks.application.integration.port.out.LoadIntegrationPort;
import io.vertx.core.Future;

/** {@link DeleteItemUseCase} through the integration's provider, with the caller's credential. */
public final class DeleteItemService implements DeleteItemUseCase {
    private final ProviderAccess access;
    private final DocumentProviderPort provider;

    public DeleteItemService(LoadIntegrationPort load, UserAccessTokenPort tokens, DocumentProviderPort provider) {
        this.access = new ProviderAccess(load, tokens);
        this.provider = provider;
    }

    @Override
    public Future<Void> delete(Caller caller, DeleteItemCommand command) {
        return access.call(caller, command.integrationId(),
                call -> provider.delete(call, command.target(), command.kind()));
    }
}
