package dochooks.application.document.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dochooks.application.document.port.in.DeleteItemUseCase.DeleteItemCommand;
import dochooks.application.document.port.in.DownloadDocumentUseCase.DownloadQuery;
import dochooks.application.document.port.in.GetItemMetadataUseCase.ItemMetadataQuery;
import dochooks.application.document.port.in.GetThumbnailUseCase.ThumbnailQuery;
import dochooks.application.document.port.in.ListFolderUseCase.ListFolderQuery;
import dochooks.application.document.port.in.RenameItemUseCase.RenameItemCommand;
import dochooks.application.document.port.in.RunCustomActionUseCase.CustomActionCommand;
import dochooks.application.document.port.in.SearchItemsUseCase.SearchItemsQuery;
import dochooks.application.document.port.out.CustomActionRequest;
import dochooks.application.document.port.out.Page;
import dochooks.application.document.port.out.ProviderBytes;
import dochooks.application.document.port.out.SearchQuery;
import dochooks.application.document.testing.DocumentWorld;
import dochooks.application.document.testing.FakeDocumentProvider;
import dochooks.application.document.testing.Items;
import dochooks.application.document.testing.MemoryReadStream;
import dochooks.application.testing.Futures;
import dochooks.domain.document.Item;
import dochooks.domain.document.ItemKind;
import dochooks.domain.document.ProviderEndpoint;
import dochooks.domain.document.ProviderItemId;
import dochooks.domain.integration.Integration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each operation hands the provider what the caller asked for, and the caller what the provider answered. */
class ProviderArgumentsServiceTest {
    private final DocumentWorld world = new DocumentWorld();
    private final Integration integration = world.apiKey();

    private FakeDocumentProvider.Call onlyCall(ProviderEndpoint endpoint) {
        List<FakeDocumentProvider.Call> calls = world.provider.calls(endpoint);
        assertEquals(1, calls.size());
        return calls.get(0);
    }

    @Test
    void aListingGoesToTheAskedFolderWithThePageAndAnswersTheProvidersItems() {
        List<Item> children = List.of(Items.folder("f", "Reports"), Items.file("d", "a.txt"));
        world.provider.succeedWith(ProviderEndpoint.FILES, children);

        List<Item> listed = Futures.succeeded(world.listFolder.listFolder(world.user,
                new ListFolderQuery(integration.id(), "folder-7", 20L, 40L)));

        assertEquals(children, listed);
        FakeDocumentProvider.Call call = onlyCall(ProviderEndpoint.FILES);
        assertEquals(new ProviderItemId("folder-7"), call.argument(0));
        assertEquals(new Page(20L, 40L), call.argument(1));
    }

    @Test
    void aListingWithoutParentListsTheRootWithoutPaging() {
        Futures.succeeded(world.listFolder.listFolder(world.user,
                new ListFolderQuery(integration.id(), null, null, null)));

        FakeDocumentProvider.Call call = onlyCall(ProviderEndpoint.FILES);
        assertEquals(ProviderItemId.ROOT, call.argument(0));
        assertEquals(Page.ALL, call.argument(1));
    }

    @Test
    void metadataAsksForTheItem() {
        Item item = Futures.succeeded(world.metadata.metadata(world.user,
                new ItemMetadataQuery(integration.id(), "doc-3")));

        assertEquals(new ProviderItemId("doc-3"), onlyCall(ProviderEndpoint.METADATA).argument(0));
        assertEquals(new ProviderItemId("doc-3"), item.id());
    }

    @Test
    void aSearchSendsTheTextTheFolderAndThePage() {
        Futures.succeeded(world.search.search(world.user,
                new SearchItemsQuery(integration.id(), "quarterly report", "folder-7", 5L, null)));

        assertEquals(new SearchQuery("quarterly report", new ProviderItemId("folder-7"), new Page(5L, null)),
                onlyCall(ProviderEndpoint.SEARCH).argument(0));
    }

    @Test
    void aDownloadHandsOverTheProvidersStreamUntouched() {
        ProviderBytes bytes = new ProviderBytes("application/pdf", 3L, "a.pdf", new MemoryReadStream("pdf"), () -> { });
        world.provider.succeedWith(ProviderEndpoint.DOWNLOAD, bytes);

        assertSame(bytes, Futures.succeeded(world.download.download(world.user,
                new DownloadQuery(integration.id(), "doc-3"))));
        assertEquals(new ProviderItemId("doc-3"), onlyCall(ProviderEndpoint.DOWNLOAD).argument(0));
    }

    @Test
    void aThumbnailSendsTheSizeOnlyWhenGiven() {
        Futures.succeeded(world.thumbnail.thumbnail(world.user, new ThumbnailQuery(integration.id(), "doc-3", 64L)));
        Futures.succeeded(world.thumbnail.thumbnail(world.user, new ThumbnailQuery(integration.id(), "doc-3", null)));

        List<FakeDocumentProvider.Call> calls = world.provider.calls(ProviderEndpoint.THUMBNAIL);
        assertEquals(64L, calls.get(0).argument(1));
        assertNull(calls.get(1).argument(1));
    }

    @Test
    void aRenameSendsTheItemAndItsNewName() {
        Futures.succeeded(world.rename.rename(world.user, new RenameItemCommand(integration.id(), "doc-3", "b.txt")));

        FakeDocumentProvider.Call call = onlyCall(ProviderEndpoint.RENAME);
        assertEquals(new ProviderItemId("doc-3"), call.argument(0));
        assertEquals("b.txt", call.argument(1));
    }

    @Test
    void aDocumentIdDeletesAFileAndAFolderIdAFolder() {
        Futures.succeeded(world.delete.delete(world.user, new DeleteItemCommand(integration.id(), "doc-3", null)));
        Futures.succeeded(world.delete.delete(world.user, new DeleteItemCommand(integration.id(), null, "folder-7")));

        List<String> deleted = world.provider.calls(ProviderEndpoint.DELETE).stream()
                .map(call -> call.argument(0) + " " + call.argument(1)).toList();
        assertEquals(List.of("doc-3 " + ItemKind.FILE, "folder-7 " + ItemKind.FOLDER), deleted);
    }

    @Test
    void aCustomActionSendsItsNameAndDochooksIds() {
        Futures.succeeded(world.customAction.customAction(world.user,
                new CustomActionCommand(integration.id(), "archive", "doc-9", null)));

        assertEquals(new CustomActionRequest("archive", "doc-9", null),
                onlyCall(ProviderEndpoint.CUSTOM_ACTION).argument(0));
    }
}
