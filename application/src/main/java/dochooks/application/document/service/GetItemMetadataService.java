package dochooks.application.document.service;

import dochooks.application.Caller;
import dochooks.application.connection.port.out.UserAccessTokenPort;
import dochooks.application.document.port.in.GetItemMetadataUseCase;
import dochooks.application.document.port.out.DocumentProviderPort;
import dochooks.application.integration.port.out.LoadIntegrationPort;
import dochooks.domain.document.Item;
import io.vertx.core.Future;

/** {@link GetItemMetadataUseCase} through the integration's provider, with the caller's credential. */
public final class GetItemMetadataService implements GetItemMetadataUseCase {
    private final ProviderAccess access;
    private final DocumentProviderPort provider;

    public GetItemMetadataService(LoadIntegrationPort load, UserAccessTokenPort tokens, DocumentProviderPort provider) {
        this.access = new ProviderAccess(load, tokens);
        this.provider = provider;
    }

    @Override
    public Future<Item> metadata(Caller caller, ItemMetadataQuery query) {
        return access.call(caller, query.integrationId(), call -> provider.metadata(call, query.itemId()));
    }
}
