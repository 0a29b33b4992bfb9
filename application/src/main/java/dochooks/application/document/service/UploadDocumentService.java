package dochooks.application.document.service;

import dochooks.application.Caller;
import dochooks.application.connection.port.out.UserAccessTokenPort;
import dochooks.application.document.port.in.UploadDocumentUseCase;
import dochooks.application.document.port.out.DocumentProviderPort;
import dochooks.application.document.port.out.ProviderCall;
import dochooks.application.integration.port.out.LoadIntegrationPort;
import dochooks.domain.document.Item;
import io.vertx.core.Future;

/**
 * {@link UploadDocumentUseCase}: {@code /uploadInit}, then {@code /upload} with the caller's bytes. Only
 * {@code /uploadInit} may be retried after an OAuth2 refusal: once the bytes started flowing they cannot be
 * sent again, and the credential {@code /uploadInit} just accepted is the one {@code /upload} gets.
 */
public final class UploadDocumentService implements UploadDocumentUseCase {
    private final ProviderAccess access;
    private final DocumentProviderPort provider;

    public UploadDocumentService(LoadIntegrationPort load, UserAccessTokenPort tokens, DocumentProviderPort provider) {
        this.access = new ProviderAccess(load, tokens);
        this.provider = provider;
    }

    /** The file record {@code /uploadInit} created, and the call that created it. */
    private record Initialized(ProviderCall call, Item item) {
    }

    @Override
    public Future<Item> upload(Caller caller, UploadDocumentCommand command) {
        // no byte may be read (and lost) before the provider has a file record to put it in
        command.content().pause();
        return access.call(caller, command.integrationId(),
                        call -> provider.uploadInit(call, command.target()).map(item -> new Initialized(call, item)))
                .compose(initialized -> provider
                        .upload(initialized.call(), initialized.item().id(), command.content(), command.length())
                        .map(initialized.item()));
    }
}
