package dochooks.application.document.service;

import dochooks.application.Caller;
import dochooks.application.connection.port.out.UserAccessTokenPort;
import dochooks.application.document.port.in.RenameItemUseCase;
import dochooks.application.document.port.out.DocumentProviderPort;
import dochooks.application.integration.port.out.LoadIntegrationPort;
import io.vertx.core.Future;

/** {@link RenameItemUseCase} through the integration's provider, with the caller's credential. */
public final class RenameItemService implements RenameItemUseCase {
    private final ProviderAccess access;
    private final DocumentProviderPort provider;

    public RenameItemService(LoadIntegrationPort load, UserAccessTokenPort tokens, DocumentProviderPort provider) {
        this.access = new ProviderAccess(load, tokens);
        this.provider = provider;
    }

    @Override
    public Future<Void> rename(Caller caller, RenameItemCommand command) {
        return access.call(caller, command.integrationId(),
                call -> provider.rename(call, command.itemId(), command.name()));
    }
}
