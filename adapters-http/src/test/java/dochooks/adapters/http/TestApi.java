package dochooks.adapters.http;

import dochooks.adapters.provider.ProviderAdapter;
import dochooks.adapters.provider.ProviderSettings;
import dochooks.adapters.provider.egress.EgressPolicy;
import dochooks.adapters.provider.egress.HostLookup;
import dochooks.application.connection.port.out.TokenEndpointPort;
import dochooks.application.connection.port.out.UserAccessTokenPort;
import dochooks.application.connection.service.CompleteAuthorizationService;
import dochooks.application.connection.service.ConfirmConnectionService;
import dochooks.application.connection.service.DisconnectService;
import dochooks.application.connection.service.GetConnectionStatusService;
import dochooks.application.connection.service.StartConnectionService;
import dochooks.application.connection.testing.InMemoryConnectionStore;
import dochooks.application.connection.testing.InMemoryPendingAuthorizations;
import dochooks.application.connection.testing.ScriptedTokenEndpoint;
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
import dochooks.application.document.testing.FakeUserAccessTokens;
import dochooks.application.health.HealthCheckPort;
import dochooks.application.integration.service.ChangeIntegrationStatusService;
import dochooks.application.integration.service.DeleteIntegrationService;
import dochooks.application.integration.service.GetIntegrationService;
import dochooks.application.integration.service.ListIntegrationsService;
import dochooks.application.integration.service.RegisterIntegrationService;
import dochooks.application.integration.service.ReplaceIntegrationService;
import dochooks.application.testing.InMemoryIntegrationStore;
import dochooks.domain.integration.RedirectUri;
import dochooks.domain.integration.UrlPolicy;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.io.IOException;
import java.net.UnknownHostException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real {@link HttpApi} on 127.0.0.1 (a free port), wired to the real services over an in-memory store,
 * and a plain JDK HTTP client to call it. One per test class; tests keep apart by using their own tenant.
 */
final class TestApi implements AutoCloseable {
    static final RedirectUri REDIRECT_URI = RedirectUri.under("https://dochooks.test.example");
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** A resolver that knows no name: tests never ask the system's, so no lookup leaves the machine. */
    static final HostLookup NO_NAMES = name -> {
        throw new UnknownHostException(name);
    };

    private final Vertx vertx;
    final HttpApi api;
    private final HttpServer server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    private TestApi(Vertx vertx, HttpApi api) throws Exception {
        this.vertx = vertx;
        this.api = api;
        this.server = api.listen("127.0.0.1", 0).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    static TestApi start() throws Exception {
        return start(List.of());
    }

    static TestApi start(List<HealthCheckPort> readinessChecks) throws Exception {
        return start(useCases(new InMemoryIntegrationStore()), readinessChecks);
    }

    static TestApi start(IntegrationUseCases useCases, List<HealthCheckPort> readinessChecks) throws Exception {
        Vertx vertx = Vertx.vertx();
        ProviderAdapter blocked = ProviderAdapter.create(vertx,
                new ProviderSettings(EgressPolicy.strict(), Duration.ofSeconds(2)), NO_NAMES, null);
        return start(vertx, useCases, documents(new InMemoryIntegrationStore(), new FakeUserAccessTokens(), blocked),
                readinessChecks);
    }

    /**
     * An API on {@code vertx} (closed with it) with the given use cases; its connection routes work over an empty
     * store of their own (every integration is unknown to them).
     */
    static TestApi start(Vertx vertx, IntegrationUseCases useCases, DocumentUseCases documents,
            List<HealthCheckPort> readinessChecks) throws Exception {
        InMemoryIntegrationStore none = new InMemoryIntegrationStore();
        return start(vertx, new HttpApiSettings(Tokens.SECRET_BYTES, REDIRECT_URI), useCases,
                connections(none, new InMemoryConnectionStore(Clock.systemUTC(), none),
                        new InMemoryPendingAuthorizations(none), new ScriptedTokenEndpoint(), Clock.systemUTC()),
                documents, readinessChecks);
    }

    /** An API on {@code vertx} (closed with it) with every use case given. */
    static TestApi start(Vertx vertx, HttpApiSettings settings, IntegrationUseCases useCases,
            ConnectionUseCases connections, DocumentUseCases documents, List<HealthCheckPort> readinessChecks)
            throws Exception {
        return new TestApi(vertx, new HttpApi(vertx, settings, useCases, connections, documents, readinessChecks));
    }

    /** The real connection services over in-memory storage, as bootstrap wires them over PostgreSQL. */
    static ConnectionUseCases connections(InMemoryIntegrationStore store, InMemoryConnectionStore connections,
            InMemoryPendingAuthorizations pending, TokenEndpointPort tokenEndpoint, Clock clock) {
        return new ConnectionUseCases(
                new StartConnectionService(store, pending, REDIRECT_URI, clock),
                new CompleteAuthorizationService(pending, clock),
                new ConfirmConnectionService(store, pending, tokenEndpoint, connections, REDIRECT_URI, clock),
                new GetConnectionStatusService(store, connections),
                new DisconnectService(store, connections));
    }

    static IntegrationUseCases useCases(InMemoryIntegrationStore store) {
        return useCases(store, UrlPolicy.HTTPS_ONLY);
    }

    static IntegrationUseCases useCases(InMemoryIntegrationStore store, UrlPolicy urlPolicy) {
        Clock clock = Clock.systemUTC();
        return new IntegrationUseCases(
                new RegisterIntegrationService(store, urlPolicy, REDIRECT_URI, clock),
                new ListIntegrationsService(store),
                new GetIntegrationService(store),
                new ReplaceIntegrationService(store, store, urlPolicy, REDIRECT_URI, clock),
                new ChangeIntegrationStatusService(store, store, clock),
                new DeleteIntegrationService(store, store));
    }

    /** The real document services over {@code store}, {@code tokens} and a real provider client. */
    static DocumentUseCases documents(InMemoryIntegrationStore store, UserAccessTokenPort tokens,
            ProviderAdapter provider) {
        return documents(store, tokens, provider.documents(), provider.endpointProbe());
    }

    static DocumentUseCases documents(InMemoryIntegrationStore store, UserAccessTokenPort tokens,
            DocumentProviderPort port, EndpointProbePort probe) {
        return new DocumentUseCases(
                new ListFolderService(store, tokens, port),
                new GetItemMetadataService(store, tokens, port),
                new SearchItemsService(store, tokens, port),
                new DownloadDocumentService(store, tokens, port),
                new GetThumbnailService(store, tokens, port),
                new UploadDocumentService(store, tokens, port),
                new CreateFolderService(store, tokens, port),
                new RenameItemService(store, tokens, port),
                new DeleteItemService(store, tokens, port),
                new GetServiceInfoService(store, port),
                new RunCustomActionService(store, tokens, port),
                new TestIntegrationConnectionService(store, port, tokens, probe, System::nanoTime));
    }

    static String newTenant() {
        return "tenant-" + UUID.randomUUID();
    }

    int port() {
        return server.actualPort();
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port() + pathAndQuery);
    }

    /** A request to {@code pathAndQuery} with a bearer token when one is given. */
    HttpRequest.Builder request(String pathAndQuery, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(pathAndQuery)).timeout(TIMEOUT);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + request, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Answer get(String pathAndQuery, String token) {
        return send(request(pathAndQuery, token).GET().build());
    }

    Answer delete(String pathAndQuery, String token) {
        return send(request(pathAndQuery, token).DELETE().build());
    }

    /** A JSON request ({@code Content-Type: application/json}) with {@code method}. */
    Answer sendJson(String method, String pathAndQuery, String token, String json) {
        return send(request(pathAndQuery, token).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build());
    }

    Answer post(String pathAndQuery, String token) {
        return send(request(pathAndQuery, token).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    @Override
    public void close() throws ExecutionException, TimeoutException {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
