package dochooks.application.document.testing;

import dochooks.application.Caller;
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
import dochooks.application.testing.Callers;
import dochooks.application.testing.InMemoryIntegrationStore;
import dochooks.application.testing.IntegrationForms;
import dochooks.application.testing.Seeds;
import dochooks.domain.integration.Integration;
import dochooks.domain.tenancy.TenantId;
import java.time.Instant;

/**
 * One tenant with its store, a fake provider, fake connections and probes, and every document service wired to
 * them, as bootstrap would wire the real adapters.
 */
public final class DocumentWorld {
    public static final TenantId ACME = new TenantId("acme");
    public static final TenantId GLOBEX = new TenantId("globex");
    public static final Instant NOW = Instant.parse("2026-11-23T14:05:00.123Z");

    public final InMemoryIntegrationStore store = new InMemoryIntegrationStore();
    public final FakeDocumentProvider provider = new FakeDocumentProvider();
    public final FakeUserAccessTokens tokens = new FakeUserAccessTokens();
    public final FakeEndpointProbe probe = new FakeEndpointProbe();
    public final Ticker ticker = new Ticker();
    public final Caller admin = Callers.admin(ACME);
    public final Caller user = Callers.user(ACME);

    public final ListFolderService listFolder = new ListFolderService(store, tokens, provider);
    public final GetItemMetadataService metadata = new GetItemMetadataService(store, tokens, provider);
    public final SearchItemsService search = new SearchItemsService(store, tokens, provider);
    public final DownloadDocumentService download = new DownloadDocumentService(store, tokens, provider);
    public final GetThumbnailService thumbnail = new GetThumbnailService(store, tokens, provider);
    public final UploadDocumentService upload = new UploadDocumentService(store, tokens, provider);
    public final CreateFolderService createFolder = new CreateFolderService(store, tokens, provider);
    public final RenameItemService rename = new RenameItemService(store, tokens, provider);
    public final DeleteItemService delete = new DeleteItemService(store, tokens, provider);
    public final GetServiceInfoService serviceInfo = new GetServiceInfoService(store, provider);
    public final RunCustomActionService customAction = new RunCustomActionService(store, tokens, provider);
    public final TestIntegrationConnectionService connectionTest =
            new TestIntegrationConnectionService(store, provider, tokens, probe, ticker);

    private int names;

    /** An enabled ApiKey integration of ACME. */
    public Integration apiKey() {
        return stored(ACME, IntegrationForms.apiKey());
    }

    /** An enabled OAuth2 integration of ACME. */
    public Integration oauth2() {
        return stored(ACME, IntegrationForms.oauth2());
    }

    /** {@code form} stored for {@code tenant} under a fresh name. */
    public Integration stored(TenantId tenant, IntegrationForms form) {
        names++;
        return Seeds.stored(store, tenant, form.name("Integration " + names), NOW);
    }
}
