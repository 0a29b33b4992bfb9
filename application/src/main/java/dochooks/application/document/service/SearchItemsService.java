package dochooks.application.document.service;

import dochooks.application.Caller;
import dochooks.application.connection.port.out.UserAccessTokenPort;
import dochooks.application.document.port.in.SearchItemsUseCase;
import dochooks.application.document.port.out.DocumentProviderPort;
import dochooks.application.integration.port.out.LoadIntegrationPort;
import dochooks.domain.document.Item;
import io.vertx.core.Future;
import java.util.List;

/** {@link SearchItemsUseCase} through the integration's provider, with the caller's credential. */
public final class SearchItemsService implements SearchItemsUseCase {
    private final ProviderAccess access;
    private final DocumentProviderPort provider;

    public SearchItemsService(LoadIntegrationPort load, UserAccessTokenPort tokens, DocumentProviderPort provider) {
        this.access = new ProviderAccess(load, tokens);
        this.provider = provider;
    }

    @Override
    public Future<List<Item>> search(Caller caller, SearchItemsQuery query) {
        return access.call(caller, query.integrationId(), call -> provider.search(call, query.toProviderQuery()));
    }
}
