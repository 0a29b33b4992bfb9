package dochooks.adapters.http;

import dochooks.application.document.port.in.CreateFolderUseCase;
import dochooks.application.document.port.in.DeleteItemUseCase;
import dochooks.application.document.port.in.DownloadDocumentUseCase;
import dochooks.application.document.port.in.GetItemMetadataUseCase;
import dochooks.application.document.port.in.GetServiceInfoUseCase;
import dochooks.application.document.port.in.GetThumbnailUseCase;
import dochooks.application.document.port.in.ListFolderUseCase;
import dochooks.application.document.port.in.RenameItemUseCase;
import dochooks.application.document.port.in.RunCustomActionUseCase;
import dochooks.application.document.port.in.SearchItemsUseCase;
import dochooks.application.document.port.in.TestIntegrationConnectionUseCase;
import dochooks.application.document.port.in.UploadDocumentUseCase;
import java.util.Objects;

/**
 * The document use cases (api.md section 5) and the admin's connection test (3.4), as the HTTP API calls
 * them. The composition root builds one from the document services.
 */
public record DocumentUseCases(ListFolderUseCase listFolder, GetItemMetadataUseCase metadata,
        SearchItemsUseCase search, DownloadDocumentUseCase download, GetThumbnailUseCase thumbnail,
        UploadDocumentUseCase upload, CreateFolderUseCase createFolder, RenameItemUseCase rename,
        DeleteItemUseCase delete, GetServiceInfoUseCase serviceInfo, RunCustomActionUseCase customAction,
        TestIntegrationConnectionUseCase testConnection) {

    public DocumentUseCases {
        Objects.requireNonNull(listFolder, "listFolder");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(search, "search");
        Objects.requireNonNull(download, "download");
        Objects.requireNonNull(thumbnail, "thumbnail");
        Objects.requireNonNull(upload, "upload");
        Objects.requireNonNull(createFolder, "createFolder");
        Objects.requireNonNull(rename, "rename");
        Objects.requireNonNull(delete, "delete");
        Objects.requireNonNull(serviceInfo, "serviceInfo");
        Objects.requireNonNull(customAction, "customAction");
        Objects.requireNonNull(testConnection, "testConnection");
    }
}
