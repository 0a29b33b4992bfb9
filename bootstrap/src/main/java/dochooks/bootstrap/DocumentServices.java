package dochooks.bootstrap;

import dochooks.adapters.http.DocumentUseCases;
import dochooks.application.connection.port.out.UserAccessTokenPort;
import dochooks.application.document.port.out.DocumentProviderPort;
import dochooks.application.document.port.out.EndpointProbePort;
import dochooks.application.document.service.CreateFolderService;
import dochooks.application.document.service.DeleteItemService;
import dochooks.application.document.service.DownloadDocumentService;
import dochooks.application.document.service.GetItemMetadataService;
import dochooks.application.document.service.GetServiceInfoService;
import dochooks.application.document.service.GetThumbnailService;
import dochooks.application.document.service.ListFolderService;
import dochooks.application.document.service.RenameItemService;
import dochooks.application.document.service.RunCustomActionService;
import dochooks.application.document.service.SearchItemsService;
import dochooks.application.document.service.TestIntegrationConnectionService;
import dochooks.application.document.service.UploadDocumentService;
import dochooks.application.integration.port.out.LoadIntegrationPort;

/** Builds the document services (api.md 5) and the connection test (3.4) over their out-ports. */
final class DocumentServices {
    private DocumentServices() {
    }

    static DocumentUseCases create(LoadIntegrationPort integrations, UserAccessTokenPort tokens,
            DocumentProviderPort provider, EndpointProbePort probe) {
        return new DocumentUseCases(
                new ListFolderService(integrations, tokens, provider),
                new GetItemMetadataService(integrations, tokens, provider),
                new SearchItemsService(integrations, tokens, provider),
                new DownloadDocumentService(integrations, tokens, provider),
                new GetThumbnailService(integrations, tokens, provider),
                new UploadDocumentService(integrations, tokens, provider),
                new CreateFolderService(integrations, tokens, provider),
                new RenameItemService(integrations, tokens, provider),
                new DeleteItemService(integrations, tokens, provider),
                new GetServiceInfoService(integrations, provider),
                new RunCustomActionService(integrations, tokens, provider),
                new TestIntegrationConnectionService(integrations, provider, tokens, probe, System::nanoTime));
    }
}
