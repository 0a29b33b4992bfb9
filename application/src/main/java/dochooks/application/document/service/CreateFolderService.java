package dochooks.application.document.service;

import dochooks.application.Caller;
import dochooks.application.connection.port.out.UserAccessTokenPort;
import dochooks.application.document.port.in.CreateFolderUseCase;
import dochooks.application.document.port.out.DocumentProviderPort;
import dochooks.application.document.port.out.Page;
import dochooks.application.error.ProviderBadResponseException;
import dochooks.application.integration.port.out.LoadIntegrationPort;
import dochooks.domain.document.Item;
import dochooks.domain.integration.Integration;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@link CreateFolderUseCase}. api.md promises the new folder's item, while the protocol lets a provider answer
 * a bare success; then the folder is looked up among the parent's children, so that the user still gets its id.
 */
public final class CreateFolderService implements CreateFolderUseCase {
    /** Several folders of that title (a provider allowing duplicates): the newest is most likely the new one. */
    private static final Comparator<Item> NEWEST = Comparator.comparing(Item::dateModified,
            Comparator.nullsFirst(Comparator.<Instant>naturalOrder()));

    private final LoadIntegrationPort load;
    private final ProviderAccess access;
    private final DocumentProviderPort provider;

    public CreateFolderService(LoadIntegrationPort load, UserAccessTokenPort tokens, DocumentProviderPort provider) {
        this.load = load;
        this.access = new ProviderAccess(load, tokens);
        this.provider = provider;
    }

    @Override
    public Future<Item> createFolder(Caller caller, CreateFolderCommand command) {
        return ProviderAccess.loadUsable(load, caller, command.integrationId()).compose(integration -> access
                .withCredentials(caller, integration,
                        call -> provider.createFolder(call, command.parent(), command.name()))
                .compose(created -> created.isPresent()
                        ? Future.succeededFuture(created.get())
                        : findCreated(caller, integration, command)));
    }

    /**
     * The folder among the parent's children. A separate provider call with its own retry: were it part of the
     * first, a refusal of the listing would create the folder twice.
     */
    private Future<Item> findCreated(Caller caller, Integration integration, CreateFolderCommand command) {
        return access.withCredentials(caller, integration,
                        call -> provider.files(call, command.parent(), Page.ALL))
                .compose(children -> newestFolderNamed(children, command.name())
                        .map(Future::succeededFuture)
                        .orElseGet(() -> Future.failedFuture(new ProviderBadResponseException(null,
                                "the provider reported the folder created but neither described it"
                                        + " nor lists it in its parent"))));
    }

    private static Optional<Item> newestFolderNamed(List<Item> children, String name) {
        // max keeps the first of equals, so without dates the provider's own order decides
        return children.stream()
                .filter(item -> item.isFolder() && name.equals(item.title()))
                .max(NEWEST);
    }
}
