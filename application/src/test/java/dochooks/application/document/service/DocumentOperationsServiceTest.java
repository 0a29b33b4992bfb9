package dochooks.application.document.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dochooks.application.Caller;
import dochooks.application.document.port.in.CreateFolderUseCase.CreateFolderCommand;
import dochooks.application.document.port.in.DeleteItemUseCase.DeleteItemCommand;
import dochooks.application.document.port.in.DownloadDocumentUseCase.DownloadQuery;
import dochooks.application.document.port.in.GetItemMetadataUseCase.ItemMetadataQuery;
import dochooks.application.document.port.in.GetThumbnailUseCase.ThumbnailQuery;
import dochooks.application.document.port.in.ListFolderUseCase.ListFolderQuery;
import dochooks.application.document.port.in.RenameItemUseCase.RenameItemCommand;
import dochooks.application.document.port.in.RunCustomActionUseCase.CustomActionCommand;
import dochooks.application.document.port.in.SearchItemsUseCase.SearchItemsQuery;
import dochooks.application.document.port.in.UploadDocumentUseCase.UploadDocumentCommand;
import dochooks.application.document.port.out.ProviderCredential;
import dochooks.application.document.testing.DocumentWorld;
import dochooks.application.document.testing.FakeDocumentProvider;
import dochooks.application.document.testing.MemoryReadStream;
import dochooks.application.error.ConnectionRequiredException;
import dochooks.application.error.IntegrationDisabledException;
import dochooks.application.error.IntegrationNotFoundException;
import dochooks.application.error.ProviderForbiddenException;
import dochooks.application.error.ReauthorizationRequiredException;
import dochooks.application.testing.Futures;
import dochooks.application.testing.IntegrationForms;
import dochooks.domain.document.ProviderEndpoint;
import dochooks.domain.integration.Integration;
import dochooks.domain.integration.IntegrationId;
import io.vertx.core.Future;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rules every credentialed document operation shares, checked on each of them: who may use which
 * integration, which credential goes to the provider, and the OAuth2 refresh-and-retry.
 */
class DocumentOperationsServiceTest {

    /** A document operation as a test runs it; {@code endpoint} is its first (or only) provider call. */
    interface Operation {
        Future<?> run(DocumentWorld world, Caller caller, IntegrationId id);
    }

    record Case(String name, ProviderEndpoint endpoint, Operation operation) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> operations() {
        return Stream.of(
                new Case("files", ProviderEndpoint.FILES,
                        (w, c, id) -> w.listFolder.listFolder(c, new ListFolderQuery(id, null, null, null))),
                new Case("metadata", ProviderEndpoint.METADATA,
                        (w, c, id) -> w.metadata.metadata(c, new ItemMetadataQuery(id, "doc-1"))),
                new Case("search", ProviderEndpoint.SEARCH,
                        (w, c, id) -> w.search.search(c, new SearchItemsQuery(id, "report", null, null, null))),
                new Case("download", ProviderEndpoint.DOWNLOAD,
                        (w, c, id) -> w.download.download(c, new DownloadQuery(id, "doc-1"))),
                new Case("thumbnail", ProviderEndpoint.THUMBNAIL,
                        (w, c, id) -> w.thumbnail.thumbnail(c, new ThumbnailQuery(id, "doc-1", 120L))),
                new Case("upload", ProviderEndpoint.UPLOAD_INIT,
                        (w, c, id) -> w.upload.upload(c, new UploadDocumentCommand(id, "a.txt", null, null, null,
                                new MemoryReadStream("abc"), 3L))),
                new Case("createFolder", ProviderEndpoint.CREATE_FOLDER,
                        (w, c, id) -> w.createFolder.createFolder(c, new CreateFolderCommand(id, "/", "Reports"))),
                new Case("rename", ProviderEndpoint.RENAME,
                        (w, c, id) -> w.rename.rename(c, new RenameItemCommand(id, "doc-1", "new.txt"))),
                new Case("delete", ProviderEndpoint.DELETE,
                        (w, c, id) -> w.delete.delete(c, new DeleteItemCommand(id, "doc-1", null))),
                new Case("customAction", ProviderEndpoint.CUSTOM_ACTION,
                        (w, c, id) -> w.customAction.customAction(c,
                                new CustomActionCommand(id, "archive", "doc-1", "version-1"))));
    }

    private final DocumentWorld world = new DocumentWorld();

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void anUnknownIntegrationIsNotFoundAndNothingIsCalled(Case operation) {
        Futures.failed(operation.operation().run(world, world.user, IntegrationId.random()),
                IntegrationNotFoundException.class);
        assertTrue(world.provider.calls().isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void anotherTenantsIntegrationIsNotFoundEvenForAnAdmin(Case operation) {
        Integration theirs = world.stored(DocumentWorld.GLOBEX, IntegrationForms.apiKey());
        Futures.failed(operation.operation().run(world, world.admin, theirs.id()), IntegrationNotFoundException.class);
        assertTrue(world.provider.calls().isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void aDisabledIntegrationIsNotFoundForUsersAndDisabledForAdmins(Case operation) {
        Integration disabled = world.stored(DocumentWorld.ACME, IntegrationForms.apiKey().status("DISABLED"));
        Futures.failed(operation.operation().run(world, world.user, disabled.id()), IntegrationNotFoundException.class);
        Futures.failed(operation.operation().run(world, world.admin, disabled.id()),
                IntegrationDisabledException.class);
        assertTrue(world.provider.calls().isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void anApiKeyCallCarriesTheIntegrationsKeyAndTheCallersUsername(Case operation) {
        Integration integration = world.apiKey();
        Futures.succeeded(operation.operation().run(world, world.user, integration.id()));

        FakeDocumentProvider.Call call = world.provider.calls(operation.endpoint()).get(0);
        ProviderCredential.ApiKey key = (ProviderCredential.ApiKey) call.call().credential();
        assertEquals("user.one", key.username());
        assertEquals(IntegrationForms.API_KEY, key.apiKey().reveal());
        assertEquals(0, world.tokens.reads(), "an API key needs no user connection");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void anApiKeyRefusalIsFinal(Case operation) {
        Integration integration = world.apiKey();
        world.provider.failWith(operation.endpoint(), new ProviderForbiddenException(401));

        ProviderForbiddenException refused = Futures.failed(
                operation.operation().run(world, world.user, integration.id()), ProviderForbiddenException.class);
        assertEquals(401, refused.providerStatus());
        assertEquals(1, world.provider.calls().size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void anOAuth2CallWithoutAConnectionNeedsOneAndCallsNothing(Case operation) {
        Integration integration = world.oauth2();
        Futures.failed(operation.operation().run(world, world.user, integration.id()),
                ConnectionRequiredException.class);
        assertTrue(world.provider.calls().isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void anOAuth2ConnectionThatNeedsReauthorizationIsRefusedWithoutCalling(Case operation) {
        Integration integration = world.oauth2();
        world.tokens.requireReauthorization(world.user, integration);
        Futures.failed(operation.operation().run(world, world.user, integration.id()),
                ReauthorizationRequiredException.class);
        assertTrue(world.provider.calls().isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void anOAuth2CallCarriesTheCallersOwnTokenAndMasksTheirRefreshToken(Case operation) {
        Integration integration = world.oauth2();
        world.tokens.connect(world.user, integration, "user-token");
        world.tokens.connect(world.admin, integration, "admin-token");

        Futures.succeeded(operation.operation().run(world, world.user, integration.id()));

        FakeDocumentProvider.Call call = world.provider.calls(operation.endpoint()).get(0);
        assertEquals("user-token", call.bearerToken());
        assertNull(call.apiKeyUsername());
        assertTrue(call.call().secretsToMask().stream().anyMatch(s -> s.reveal().equals("refresh-of-user-token")));
        assertEquals(1, world.tokens.usableReads(), "the token is asked for usable now, so that it may be refreshed");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void anOAuth2RefusalIsFollowedByOneRefreshAndOneRetry(Case operation) {
        Integration integration = world.oauth2();
        world.tokens.connect(world.user, integration, "old-token");
        world.tokens.refreshIssues("new-token");
        world.provider.answer(operation.endpoint(), call -> "old-token".equals(call.bearerToken())
                ? Future.failedFuture(new ProviderForbiddenException(403))
                : world.provider.byDefault(call));

        Futures.succeeded(operation.operation().run(world, world.user, integration.id()));

        assertEquals(List.of("old-token", "new-token"), world.provider.calls(operation.endpoint()).stream()
                .map(FakeDocumentProvider.Call::bearerToken).toList());
        assertEquals(List.of("old-token"), world.tokens.refreshedFrom());
    }
}
