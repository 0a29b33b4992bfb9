package dochooks.application.document.service;

import dochooks.application.Caller;
import dochooks.application.connection.port.out.UserAccessTokenPort;
import dochooks.application.document.port.in.ListFolderUseCase;
import dochooks.application.document.port.out.DocumentProviderPort;
import dochooks.application.integration.port.out.LoadIntegrationPort;
import dochooks.domain.document.Item;
import io.vertx.core.Future;
import java.util.List;

/** {@link ListFolderUseCase} through the integration's provider, with the caller's credential. */
public final class ListFolderService implements ListFolderUseCase {
    private final ProviderAccess access;
    private final DocumentProviderPort provider;

    public ListFolderService(LoadIntegrationPort load, UserAccessTokenPort tokens, DocumentProviderPort provider) {
        this.access = new ProviderAccess(load, tokens);
        this.provider = provider;
    }

    @Override
    public Future<List<Item>> listFolder(Caller caller, ListFolderQuery query) {
        return access.call(caller, query.integrationId(), call -> provider.files(call, query.parent(), query.page()));
    }
}
