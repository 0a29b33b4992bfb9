package dochooks.adapters.http;

import dochooks.adapters.provider.ProviderAdapter;
import dochooks.adapters.provider.ProviderSettings;
import dochooks.adapters.provider.ResilienceSettings;
import dochooks.adapters.provider.egress.EgressPolicy;
import dochooks.adapters.provider.egress.HostLookup;
import dochooks.adapters.provider.testing.Await;
import dochooks.adapters.provider.testing.TestDocumentProvider;
import dochooks.adapters.provider.testing.TestIntegrations;
import dochooks.application.Caller;
import dochooks.application.document.testing.FakeUserAccessTokens;
import dochooks.application.testing.InMemoryIntegrationStore;
import dochooks.domain.integration.Integration;
import dochooks.domain.integration.IntegrationId;
import dochooks.domain.integration.UrlPolicy;
import dochooks.domain.tenancy.TenantId;
import dochooks.domain.tenancy.UserId;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * The HTTP API in front of a real provider: the {@link TestDocumentProvider} on 127.0.0.1, reached through the
 * real provider client (egress policy, timeouts), the real document services over an in-memory store, and
 * users' OAuth2 tokens from a scripted fake. Names resolve only through a fixed table, never the system's
 * resolver, so nothing a test does can leave the machine.
 */
final class DocumentsApi implements AutoCloseable {
    /** Short, so that timeout tests are quick; generous for anything on loopback. */
    static final Duration PROVIDER_TIMEOUT = Duration.ofMillis(1500);
    static final String LOOPBACK = "127.0.0.0/8";

    final Vertx vertx;
    final TestDocumentProvider provider;
    final InMemoryIntegrationStore store = new InMemoryIntegrationStore();
    final FakeUserAccessTokens tokens = new FakeUserAccessTokens();
    /** The real provider client, watched: which uploads it started and whether they ended. */
    final WatchedProvider providerClient;
    final TestApi api;
    private final HttpClient streaming = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private DocumentsApi(String allowedCidrs, Map<String, List<InetAddress>> hosts) throws Exception {
        this(allowedCidrs, hosts, ResilienceSettings.DEFAULTS, PROVIDER_TIMEOUT);
    }

    private DocumentsApi(String allowedCidrs, Map<String, List<InetAddress>> hosts, ResilienceSettings resilience,
            Duration providerTimeout) throws Exception {
        this.vertx = Vertx.vertx();
        this.provider = TestDocumentProvider.start(vertx);
        HostLookup lookup = name -> {
            List<InetAddress> addresses = hosts.get(name);
            if (addresses == null) {
                throw new UnknownHostException(name);
            }
            return addresses;
        };
        ProviderAdapter adapter = ProviderAdapter.create(vertx,
                new ProviderSettings(EgressPolicy.allowing(allowedCidrs), providerTimeout).withResilience(resilience),
                lookup, null);
        this.providerClient = new WatchedProvider(adapter.documents());
        this.api = TestApi.start(vertx, TestApi.useCases(store, new UrlPolicy(true)),
                TestApi.documents(store, tokens, providerClient, adapter.endpointProbe()), List.of());
    }

    /** Loopback allowed (the test provider lives there), no names known. */
    static DocumentsApi start() throws Exception {
        return new DocumentsApi(LOOPBACK, Map.of());
    }

    static DocumentsApi start(String allowedCidrs, Map<String, List<InetAddress>> hosts) throws Exception {
        return new DocumentsApi(allowedCidrs, hosts);
    }

    /** Loopback allowed, no names known, each integration's provider protected by {@code resilience}. */
    static DocumentsApi start(ResilienceSettings resilience, Duration providerTimeout) throws Exception {
        return new DocumentsApi(LOOPBACK, Map.of(), resilience, providerTimeout);
    }

    // ---- integrations

    /** Registers an ApiKey integration of the test provider for {@code tenant}; the provider requires the key. */
    String registerApiKey(String tenant) {
        provider.requireApiKey(TestIntegrations.API_KEY);
        return register(tenant, new JsonObject().put("name", "Docs " + System.nanoTime())
                .put("baseApiUrl", provider.baseUrl()).put("authType", "ApiKey").put("apiKey", TestIntegrations.API_KEY));
    }

    /** Registers an OAuth2 integration of the test provider for {@code tenant}. */
    String registerOAuth2(String tenant) {
        return register(tenant, new JsonObject().put("name", "OAuth " + System.nanoTime())
                .put("baseApiUrl", provider.baseUrl()).put("authType", "OAuth2")
                .put("authenticationUrl", provider.baseUrl() + "/authorize")
                .put("tokenEndpointUrl", provider.baseUrl() + "/token")
                .put("clientId", "test-client").put("clientSecret", TestIntegrations.CLIENT_SECRET));
    }

    /** Registers {@code integration} (JSON) as an admin of {@code tenant}; returns its id. */
    String register(String tenant, JsonObject integration) {
        Answer created = api.sendJson("POST", "/api/v1/integrations", Tokens.admin(tenant, "root"), integration.encode());
        if (created.status() != 201) {
            throw new AssertionError("registration failed: " + created);
        }
        return created.json().getString("id");
    }

    void disable(String tenant, String id) {
        Answer disabled = api.post("/api/v1/integrations/" + id + "/disable", Tokens.admin(tenant, "root"));
        if (disabled.status() != 200) {
            throw new AssertionError("disabling failed: " + disabled);
        }
    }

    Integration integration(String tenant, String id) {
        return Await.result(store.load(new TenantId(tenant), IntegrationId.parse(id).orElseThrow())).orElseThrow();
    }

    /** The caller a token of {@link Tokens#user} (or admin, with {@code admin}) stands for. */
    static Caller caller(String tenant, String user, boolean admin) {
        return new Caller(new TenantId(tenant), new UserId(user), user, admin ? Set.of(Caller.ADMIN_ROLE) : Set.of());
    }

    // ---- calls

    static String documents(String id, String operation) {
        return "/api/v1/integrations/" + id + "/documents/" + operation;
    }

    /** {@code name=value}, the value percent-encoded as UTF-8 (a space as %20, a plus as %2B). */
    static String param(String name, String value) {
        return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    Answer get(String pathAndQuery, String token) {
        return api.get(pathAndQuery, token);
    }

    Answer post(String pathAndQuery, String token) {
        return api.post(pathAndQuery, token);
    }

    /** A request whose answer body is read as a stream (for bytes). */
    HttpResponse<InputStream> stream(HttpRequest request) {
        try {
            return streaming.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + request, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An answer with its body as bytes. */
    HttpResponse<byte[]> bytes(HttpRequest request) {
        try {
            return streaming.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + request, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws ExecutionException, TimeoutException {
        api.close(); // closes the Vert.x instance, and the provider with it
    }
}
