package dochooks.application.document.service;

import dochooks.application.Caller;
import dochooks.application.connection.port.out.UserAccessTokenPort;
import dochooks.application.document.port.in.DownloadDocumentUseCase;
import dochooks.application.document.port.out.DocumentProviderPort;
import dochooks.application.document.port.out.ProviderBytes;
import dochooks.application.integration.port.out.LoadIntegrationPort;
import io.vertx.core.Future;

/** {@link DownloadDocumentUseCase} through the integration's provider, with the caller's credential. */
public final class DownloadDocumentService implements DownloadDocumentUseCase {
    private final ProviderAccess access;
    private final DocumentProviderPort provider;

    public DownloadDocumentService(LoadIntegrationPort load, UserAccessTokenPort tokens,
            DocumentProviderPort provider) {
        this.access = new ProviderAccess(load, tokens);
        this.provider = provider;
    }

    @Override
    public Future<ProviderBytes> download(Caller caller, DownloadQuery query) {
        return access.call(caller, query.integrationId(), call -> provider.download(call, query.itemId()));
    }
}
