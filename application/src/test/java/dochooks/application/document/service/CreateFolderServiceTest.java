package dochooks.application.document.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dochooks.application.document.port.in.CreateFolderUseCase.CreateFolderCommand;
import dochooks.application.document.port.out.Page;
import dochooks.application.document.testing.DocumentWorld;
import dochooks.application.document.testing.FakeDocumentProvider;
import dochooks.application.document.testing.Items;
import dochooks.application.error.ProviderBadResponseException;
import dochooks.application.error.ProviderErrorException;
import dochooks.application.error.ProviderForbiddenException;
import dochooks.application.testing.Futures;
import dochooks.domain.document.Item;
import dochooks.domain.document.ProviderEndpoint;
import dochooks.domain.document.ProviderItemId;
import dochooks.domain.integration.Integration;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CreateFolderServiceTest {
    private final DocumentWorld world = new DocumentWorld();
    private final Integration integration = world.apiKey();

    private Future<Item> create(String name) {
        return world.createFolder.createFolder(world.user, new CreateFolderCommand(integration.id(), "parent-1", name));
    }

    /** The provider answers a bare {@code {"status":"success"}} and then lists {@code children}. */
    private void bareSuccessThenChildren(List<Item> children) {
        world.provider.succeedWith(ProviderEndpoint.CREATE_FOLDER, Optional.empty());
        world.provider.succeedWith(ProviderEndpoint.FILES, children);
    }

    @Test
    void theFolderTheProviderDescribesIsTheAnswer() {
        Item described = Items.folder("folder-9", "Reports");
        world.provider.succeedWith(ProviderEndpoint.CREATE_FOLDER, Optional.of(described));

        assertSame(described, Futures.succeeded(create("Reports")));
        FakeDocumentProvider.Call call = world.provider.calls().get(0);
        assertEquals(new ProviderItemId("parent-1"), call.argument(0));
        assertEquals("Reports", call.argument(1));
        assertEquals(List.of(ProviderEndpoint.CREATE_FOLDER), world.provider.endpointsCalled());
    }

    @Test
    void afterABareSuccessTheFolderIsFoundAmongTheParentsChildrenByExactTitleAndKind() {
        bareSuccessThenChildren(List.of(
                Items.file("file-1", "Reports"),
                Items.folder("folder-1", "reports"),
                Items.folder("folder-2", "Reports "),
                Items.folder("folder-3", "Reports"),
                Items.folder("folder-4", "Other")));

        assertEquals(new ProviderItemId("folder-3"), Futures.succeeded(create("Reports")).id());
        FakeDocumentProvider.Call listing = world.provider.calls(ProviderEndpoint.FILES).get(0);
        assertEquals(new ProviderItemId("parent-1"), listing.argument(0));
        assertEquals(Page.ALL, listing.argument(1));
    }

    @Test
    void amongSeveralFoldersOfThatTitleTheNewestIsTheAnswer() {
        bareSuccessThenChildren(List.of(
                Items.folder("undated", "Reports", null),
                Items.folder("older", "Reports", Instant.parse("2026-01-01T00:00:00Z")),
                Items.folder("newest", "Reports", Instant.parse("2026-11-23T14:05:00Z")),
                Items.folder("old", "Reports", Instant.parse("2025-01-01T00:00:00Z"))));

        assertEquals(new ProviderItemId("newest"), Futures.succeeded(create("Reports")).id());
    }

    @Test
    void withoutDatesTheProvidersFirstMatchIsTheAnswer() {
        bareSuccessThenChildren(List.of(Items.folder("first", "Reports"), Items.folder("second", "Reports")));

        assertEquals(new ProviderItemId("first"), Futures.succeeded(create("Reports")).id());
    }

    @Test
    void aFolderNeitherDescribedNorListedIsABadResponseAndIsNotCreatedAgain() {
        bareSuccessThenChildren(List.of(Items.folder("folder-1", "Elsewhere")));

        ProviderBadResponseException failure = Futures.failed(create("Reports"), ProviderBadResponseException.class);

        assertNull(failure.providerStatus());
        assertEquals(1, world.provider.calls(ProviderEndpoint.CREATE_FOLDER).size());
    }

    @Test
    void aFailingLookupIsReportedAsItIs() {
        world.provider.succeedWith(ProviderEndpoint.CREATE_FOLDER, Optional.empty());
        world.provider.failWith(ProviderEndpoint.FILES, new ProviderErrorException(500, "listing broke"));

        Futures.failed(create("Reports"), ProviderErrorException.class);
        assertEquals(1, world.provider.calls(ProviderEndpoint.CREATE_FOLDER).size());
    }

    @Test
    void aRefusedLookupIsRetriedOnItsOwnWithoutCreatingTheFolderTwice() {
        DocumentWorld oauth = new DocumentWorld();
        Integration oauth2 = oauth.oauth2();
        oauth.tokens.connect(oauth.user, oauth2, "old-token");
        oauth.tokens.refreshIssues("new-token");
        oauth.provider.succeedWith(ProviderEndpoint.CREATE_FOLDER, Optional.empty());
        oauth.provider.answer(ProviderEndpoint.FILES, call -> "old-token".equals(call.bearerToken())
                ? Future.failedFuture(new ProviderForbiddenException(403))
                : Future.succeededFuture(List.of(Items.folder("folder-3", "Reports"))));

        Item created = Futures.succeeded(oauth.createFolder.createFolder(oauth.user,
                new CreateFolderCommand(oauth2.id(), "/", "Reports")));

        assertEquals(new ProviderItemId("folder-3"), created.id());
        assertEquals(List.of("CREATE_FOLDER old-token", "FILES old-token", "FILES new-token"),
                oauth.provider.calls().stream().map(c -> c.endpoint() + " " + c.bearerToken()).toList());
        assertTrue(created.isFolder());
    }
}
