package dochooks.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dochooks.adapters.provider.ProviderAdapter;
import dochooks.adapters.provider.ProviderSettings;
import dochooks.adapters.provider.egress.EgressPolicy;
import dochooks.adapters.provider.testing.Await;
import dochooks.adapters.provider.testing.TestDocumentProvider;
import dochooks.adapters.provider.testing.TestOAuth2Server;
import dochooks.application.connection.service.RefreshSettings;
import dochooks.application.connection.service.UserAccessTokenService;
import dochooks.application.connection.testing.InMemoryConnectionStore;
import dochooks.application.connection.testing.InMemoryPendingAuthorizations;
import dochooks.application.testing.InMemoryIntegrationStore;
import dochooks.domain.integration.UrlPolicy;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The HTTP API with users' OAuth2 connections working for real: the connection services over in-memory storage
 * (a clock a test can move forward), the real provider adapter's token endpoint client talking to a strict
 * {@link TestOAuth2Server}, and the {@link TestDocumentProvider} in bearer mode accepting only the access tokens
 * that server issued. Everything on 127.0.0.1; no name is ever resolved.
 */
final class ConnectionsApi implements AutoCloseable {
    static final Duration PROVIDER_TIMEOUT = Duration.ofSeconds(3);
    static final String CONNECTED_PAGE = HttpApiSettings.DEFAULT_OAUTH_RETURN_URL;

    final Vertx vertx;
    final TestDocumentProvider provider;
    final TestOAuth2Server oauth;
    final ShiftedClock clock = new ShiftedClock();
    final InMemoryIntegrationStore store = new InMemoryIntegrationStore();
    final InMemoryConnectionStore connections = new InMemoryConnectionStore(clock, store);
    final InMemoryPendingAuthorizations pending = new InMemoryPendingAuthorizations(store);
    final TestApi api;

    private ConnectionsApi(String returnUrl) throws Exception {
        this.vertx = Vertx.vertx();
        this.provider = TestDocumentProvider.start(vertx);
        this.oauth = TestOAuth2Server.start(vertx, TestApi.REDIRECT_URI.value());
        ProviderAdapter adapter = ProviderAdapter.create(vertx,
                new ProviderSettings(EgressPolicy.allowing(DocumentsApi.LOOPBACK), PROVIDER_TIMEOUT), TestApi.NO_NAMES,
                null);
        UserAccessTokenService tokens = new UserAccessTokenService(connections, connections, adapter.tokenEndpoint(),
                delay -> vertx.timer(delay.toMillis(), TimeUnit.MILLISECONDS).mapEmpty(), clock,
                RefreshSettings.forTokenCallTimeout(PROVIDER_TIMEOUT));
        this.api = TestApi.start(vertx, new HttpApiSettings(Tokens.SECRET_BYTES, TestApi.REDIRECT_URI, returnUrl),
                TestApi.useCases(store, new UrlPolicy(true)),
                TestApi.connections(store, connections, pending, adapter.tokenEndpoint(), clock),
                TestApi.documents(store, tokens, adapter), List.of());
    }

    /** With the default return URL, this server's {@code /oauth2/connected}. */
    static ConnectionsApi start() throws Exception {
        return new ConnectionsApi(CONNECTED_PAGE);
    }

    static ConnectionsApi start(String returnUrl) throws Exception {
        return new ConnectionsApi(returnUrl);
    }

    /** Back to a well-behaved authorization server and a provider that takes only its live access tokens. */
    void reset() {
        provider.reset();
        provider.requireBearer(oauth::acceptsAccessToken);
        oauth.behave();
        oauth.denyAuthorizations(false);
        oauth.omitRefreshToken(false);
        oauth.expiry(3600, TestOAuth2Server.ExpiryStyle.NUMBER);
    }

    // ---- integrations

    /** An OAuth2 integration of the test provider whose users authorize at the test authorization server. */
    String registerOAuth2(String tenant) {
        return register(tenant, new JsonObject().put("name", "OAuth " + System.nanoTime())
                .put("baseApiUrl", provider.baseUrl()).put("authType", "OAuth2")
                .put("authenticationUrl", oauth.authorizationUrl()).put("tokenEndpointUrl", oauth.tokenUrl())
                .put("clientId", TestOAuth2Server.CLIENT_ID).put("clientSecret", TestOAuth2Server.CLIENT_SECRET));
    }

    String registerApiKey(String tenant) {
        return register(tenant, new JsonObject().put("name", "Key " + System.nanoTime())
                .put("baseApiUrl", provider.baseUrl()).put("authType", "ApiKey").put("apiKey", "api-key-0123456789"));
    }

    private String register(String tenant, JsonObject integration) {
        Answer created = api.sendJson("POST", "/api/v1/integrations", Tokens.admin(tenant, "root"), integration.encode());
        assertEquals(201, created.status(), created::toString);
        return created.json().getString("id");
    }

    // ---- the three steps

    static String connection(String id) {
        return "/api/v1/integrations/" + id + "/connection";
    }

    /** Step 1 (user's token): the authorization URL. */
    String start(String token, String id) {
        Answer started = api.post(connection(id), token);
        assertEquals(200, started.status(), started::toString);
        return started.json().getString("authorizationUrl");
    }

    /** The browser at the authorization server: where it was sent back to (the callback URL, with its query). */
    URI authorize(String authorizationUrl) {
        return Await.result(oauth.authorize(authorizationUrl));
    }

    /** Step 2 (the browser, no token): the callback with {@code rawQuery} as the provider wrote it. */
    Answer callback(String rawQuery) {
        return api.get("/oauth2/callback" + (rawQuery == null ? "" : "?" + rawQuery), null);
    }

    /** Steps 1 and 2: the answer to the callback the authorization server sent the browser to. */
    Answer authorizeAndCallBack(String token, String id) {
        return callback(authorize(start(token, id)).getRawQuery());
    }

    /** Step 3 (user's token). */
    Answer confirm(String token, String id, String confirmation) {
        return api.sendJson("POST", connection(id) + "/confirm", token,
                new JsonObject().put("confirmation", confirmation).encode());
    }

    /** The three steps, asserting each went through; answers the confirm's answer. */
    Answer connect(String token, String id) {
        Answer callback = authorizeAndCallBack(token, id);
        assertEquals(303, callback.status(), callback::toString);
        Answer confirmed = confirm(token, id, query(callback.header("Location")).get("confirmation"));
        assertEquals(200, confirmed.status(), confirmed::toString);
        return confirmed;
    }

    /** The decoded query parameters of a URL (or path with a query), first value of each. */
    static Map<String, String> query(String url) {
        Map<String, String> params = new LinkedHashMap<>();
        int start = url.indexOf('?');
        if (start < 0) {
            return params;
        }
        for (String pair : url.substring(start + 1).split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            params.putIfAbsent(name, value);
        }
        return params;
    }

    Answer files(String token, String id) {
        return api.get(DocumentsApi.documents(id, "files"), token);
    }

    @Override
    public void close() throws ExecutionException, TimeoutException {
        Await.result(oauth.close());
        api.close(); // closes the Vert.x instance, and the provider with it
    }
}
