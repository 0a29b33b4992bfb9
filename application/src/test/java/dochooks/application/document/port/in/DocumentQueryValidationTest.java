package dochooks.application.document.port.in;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dochooks.application.document.port.in.CreateFolderUseCase.CreateFolderCommand;
import dochooks.application.document.port.in.DeleteItemUseCase.DeleteItemCommand;
import dochooks.application.document.port.in.GetItemMetadataUseCase.ItemMetadataQuery;
import dochooks.application.document.port.in.GetThumbnailUseCase.ThumbnailQuery;
import dochooks.application.document.port.in.ListFolderUseCase.ListFolderQuery;
import dochooks.application.document.port.in.RenameItemUseCase.RenameItemCommand;
import dochooks.application.document.port.in.RunCustomActionUseCase.CustomActionCommand;
import dochooks.application.document.port.in.SearchItemsUseCase.SearchItemsQuery;
import dochooks.application.document.port.in.UploadDocumentUseCase.UploadDocumentCommand;
import dochooks.application.document.port.out.Page;
import dochooks.application.document.port.out.UploadTarget;
import dochooks.application.document.testing.MemoryReadStream;
import dochooks.domain.document.ItemKind;
import dochooks.domain.document.ProviderItemId;
import dochooks.domain.integration.IntegrationId;
import dochooks.domain.validation.ValidationException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The query parameters of section 5, checked where the use cases receive them: field = the parameter's name. */
class DocumentQueryValidationTest {
    private static final IntegrationId ID = IntegrationId.random();
    /** 255 Korean syllables: the longest id, well over 255 bytes. */
    private static final String LONGEST_ID = "가".repeat(255);
    private static final String TOO_LONG_ID = "가".repeat(256);

    /** The violations as "field:RULE", in order. */
    private static List<String> violations(Executable building) {
        ValidationException failure = assertThrows(ValidationException.class, building);
        return failure.violations().stream().map(v -> v.field() + ":" + v.rule()).toList();
    }

    @Test
    void listingDefaultsToTheRootFolderAndPassesThePage() {
        ListFolderQuery query = new ListFolderQuery(ID, null, 10L, 0L);
        assertEquals(ProviderItemId.ROOT, query.parent());
        assertEquals(new Page(10L, 0L), query.page());
        assertEquals(new Page(null, null), new ListFolderQuery(ID, LONGEST_ID, null, null).page());
    }

    @Test
    void listingReportsEveryBadParameterAtOnce() {
        assertEquals(List.of("parentId:LENGTH", "max:NON_NEGATIVE_INTEGER", "offset:NON_NEGATIVE_INTEGER"),
                violations(() -> new ListFolderQuery(ID, TOO_LONG_ID, -1L, -5L)));
        assertEquals(List.of("parentId:REQUIRED"), violations(() -> new ListFolderQuery(ID, "", null, null)));
    }

    @Test
    void metadataNeedsAnId() {
        assertEquals(List.of("id:REQUIRED"), violations(() -> new ItemMetadataQuery(ID, null)));
        assertEquals(List.of("id:LENGTH"), violations(() -> new ItemMetadataQuery(ID, TOO_LONG_ID)));
        assertEquals(LONGEST_ID, new ItemMetadataQuery(ID, LONGEST_ID).itemId().value());
    }

    @Test
    void searchNeedsPlainTextAndSendsNoFolderUnlessGiven() {
        assertEquals(List.of("query:REQUIRED"), violations(() -> new SearchItemsQuery(ID, null, null, null, null)));
        assertEquals(List.of("query:REQUIRED", "max:NON_NEGATIVE_INTEGER"),
                violations(() -> new SearchItemsQuery(ID, "", null, -1L, null)));
        assertEquals(List.of("query:CONTROL_CHARACTERS"),
                violations(() -> new SearchItemsQuery(ID, "a\u0000b", null, null, null)));
        assertNull(new SearchItemsQuery(ID, "report", null, null, null).toProviderQuery().parentId());
        assertEquals(new ProviderItemId("folder-7"),
                new SearchItemsQuery(ID, "report", "folder-7", 5L, 10L).toProviderQuery().parentId());
    }

    @Test
    void aThumbnailSizeMustBePositive() {
        assertEquals(List.of("size:POSITIVE_INTEGER"), violations(() -> new ThumbnailQuery(ID, "doc-1", 0L)));
        assertEquals(List.of("id:REQUIRED", "size:POSITIVE_INTEGER"),
                violations(() -> new ThumbnailQuery(ID, null, -3L)));
        assertEquals(1L, new ThumbnailQuery(ID, "doc-1", 1L).size());
        assertNull(new ThumbnailQuery(ID, "doc-1", null).size());
    }

    @Test
    void anUploadNeedsAFileNameAndGoesToTheRootFolderByDefault() {
        UploadTarget target = new UploadDocumentCommand(ID, "report.pdf", null, "doc-9", null,
                new MemoryReadStream(), null).target();
        assertEquals(new UploadTarget(ProviderItemId.ROOT, "report.pdf", "doc-9", null), target);

        assertEquals(List.of("filename:REQUIRED", "parentId:LENGTH", "documentId:LENGTH",
                        "documentVersionId:CONTROL_CHARACTERS"),
                violations(() -> new UploadDocumentCommand(ID, null, TOO_LONG_ID, "d".repeat(256), "v\n1",
                        new MemoryReadStream(), null)));
        assertThrows(IllegalArgumentException.class,
                () -> new UploadDocumentCommand(ID, "a.txt", null, null, null, new MemoryReadStream(), -1L));
    }

    @Test
    void aNewFolderNeedsItsParentAndAName() {
        assertEquals(List.of("parentId:REQUIRED", "name:REQUIRED"),
                violations(() -> new CreateFolderCommand(ID, null, null)));
        assertEquals(List.of("name:LENGTH"), violations(() -> new CreateFolderCommand(ID, "/", "n".repeat(256))));
        assertEquals("보고서", new CreateFolderCommand(ID, "/", "보고서").name());
    }

    @Test
    void aRenameNeedsTheItemAndTheNewName() {
        assertEquals(List.of("id:REQUIRED", "name:REQUIRED"), violations(() -> new RenameItemCommand(ID, null, "")));
        assertEquals(List.of("name:CONTROL_CHARACTERS"),
                violations(() -> new RenameItemCommand(ID, "doc-1", "a\rb")));
    }

    @Test
    void aDeletionNamesExactlyOneOfADocumentAndAFolder() {
        assertEquals(List.of("documentId:EXACTLY_ONE_OF"), violations(() -> new DeleteItemCommand(ID, null, null)));
        assertEquals(List.of("documentId:EXACTLY_ONE_OF"), violations(() -> new DeleteItemCommand(ID, "a", "b")));
        assertEquals(List.of("folderId:LENGTH"), violations(() -> new DeleteItemCommand(ID, null, TOO_LONG_ID)));

        DeleteItemCommand file = new DeleteItemCommand(ID, "doc-1", null);
        assertEquals(ItemKind.FILE, file.kind());
        assertEquals(new ProviderItemId("doc-1"), file.target());
        DeleteItemCommand folder = new DeleteItemCommand(ID, null, "folder-1");
        assertEquals(ItemKind.FOLDER, folder.kind());
        assertEquals(new ProviderItemId("folder-1"), folder.target());
    }

    @Test
    void aCustomActionNeedsItsName() {
        assertEquals(List.of("name:REQUIRED"), violations(() -> new CustomActionCommand(ID, null, "d", "v")));
        assertEquals(List.of("documentId:LENGTH"), violations(() -> new CustomActionCommand(ID, "archive", "", null)));
        assertNull(new CustomActionCommand(ID, "archive", null, null).request().documentId());
    }
}
