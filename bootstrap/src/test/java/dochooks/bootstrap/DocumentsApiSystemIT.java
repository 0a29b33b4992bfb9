package dochooks.bootstrap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dochooks.adapters.persistence.DatabaseConnection;
import dochooks.adapters.persistence.testing.EmbeddedPostgresFixture;
import dochooks.adapters.provider.testing.Await;
import dochooks.adapters.provider.testing.TestDocumentProvider;
import dochooks.adapters.provider.testing.TestIntegrations;
import dochooks.domain.document.ProviderEndpoint;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The documents of an integration through the whole server as bootstrap composes it: PostgreSQL (the key
 * stored encrypted and read back), the provider adapter configured from the environment (egress allowing
 * loopback only, a short timeout), the document services and the connection test, against the test provider.
 */
class DocumentsApiSystemIT {
    private static final String JWT_SECRET = "documents-system-test-secret-of-32-bytes-or-more";
    private static DochooksServer server;
    private static Vertx vertx;
    private static TestDocumentProvider provider;
    private static JwtTokens tokens;

    @BeforeAll
    static void start() {
        DatabaseConnection database = EmbeddedPostgresFixture.newDatabase();
        Map<String, String> env = SystemTestEnvironment.onDatabase(database, JWT_SECRET);
        env.putAll(SystemTestEnvironment.LOOPBACK_PROVIDERS);
        env.put("DOCHOOKS_PROVIDER_TIMEOUT_MS", "2000");
        server = DochooksServer.start(Config.fromEnvironment(env));
        vertx = Vertx.vertx();
        provider = TestDocumentProvider.start(vertx);
        tokens = new JwtTokens(vertx, JWT_SECRET);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (vertx != null) {
            Await.result(vertx.close());
        }
    }

    @BeforeEach
    void resetProvider() {
        provider.reset();
    }

    private ApiClient client(String tenant, String user, boolean admin) {
        return new ApiClient(server.port(), tokens.mint(tenant, user, admin, Duration.ofMinutes(10)));
    }

    private static String register(ApiClient admin, JsonObject integration) {
        HttpResponse<String> created = admin.post("/api/v1/integrations", integration.encode());
        assertEquals(201, created.statusCode(), created.body());
        return new JsonObject(created.body()).getString("id");
    }

    private static JsonObject apiKey(String baseUrl) {
        return new JsonObject().put("name", "Docs " + System.nanoTime()).put("baseApiUrl", baseUrl)
                .put("authType", "ApiKey").put("apiKey", TestIntegrations.API_KEY);
    }

    @Test
    void aUserWorksWithDocumentsOfAnApiKeyIntegration() {
        provider.requireApiKey(TestIntegrations.API_KEY);
        provider.addFile("/", "doc-1", "Procès-verbal.txt", "text/plain", "verbatim".getBytes(StandardCharsets.UTF_8));
        String id = register(client("acme-docs", "root", true), apiKey(provider.baseUrl()));
        ApiClient alice = client("acme-docs", "alice", false);
        String documents = "/api/v1/integrations/" + id + "/documents/";

        HttpResponse<String> files = alice.get(documents + "files");
        HttpResponse<byte[]> download = alice.getBytes(documents + "download?id=doc-1");
        HttpResponse<String> upload = alice.postBytes(documents + "upload?filename=new.txt", "fresh".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> missing = alice.get(documents + "metadata?id=nothing");

        assertEquals(200, files.statusCode(), files.body());
        JsonArray items = new JsonObject(files.body()).getJsonArray("items");
        assertEquals("Procès-verbal.txt", items.getJsonObject(0).getString("title"));
        assertEquals(200, download.statusCode());
        assertArrayEquals("verbatim".getBytes(StandardCharsets.UTF_8), download.body());
        assertEquals("sandbox", download.headers().firstValue("Content-Security-Policy").orElseThrow());
        assertEquals(201, upload.statusCode(), upload.body());
        assertEquals("fresh", provider.upload(new JsonObject(upload.body()).getString("id")).orElseThrow().text());
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("urn:dochooks:problem:provider-not-found"), missing.body());
        assertEquals("alice", provider.requestsTo(ProviderEndpoint.FILES).get(0).header("username"));
    }

    @Test
    void anOAuth2IntegrationNeedsTheUsersConnectionAndItsTestReportsReachability() {
        ApiClient admin = client("globex-docs", "root", true);
        String id = register(admin, new JsonObject().put("name", "OAuth docs").put("baseApiUrl", provider.baseUrl())
                .put("authType", "OAuth2").put("authenticationUrl", provider.baseUrl() + "/authorize")
                .put("tokenEndpointUrl", provider.baseUrl() + "/token").put("clientId", "client")
                .put("clientSecret", TestIntegrations.CLIENT_SECRET));

        HttpResponse<String> files = client("globex-docs", "alice", false).get("/api/v1/integrations/" + id + "/documents/files");
        HttpResponse<String> info = client("globex-docs", "alice", false).get("/api/v1/integrations/" + id + "/documents/serviceInfo");
        HttpResponse<String> test = admin.post("/api/v1/integrations/" + id + "/test");

        assertEquals(409, files.statusCode());
        assertTrue(files.body().contains("urn:dochooks:problem:connection-required"), files.body());
        assertEquals(200, info.statusCode(), info.body());
        assertEquals(200, test.statusCode(), test.body());
        JsonArray checks = new JsonObject(test.body()).getJsonArray("checks");
        assertEquals(List.of("serviceInfo", "authenticationUrl", "tokenEndpointUrl", "connection"),
                checks.stream().map(check -> ((JsonObject) check).getString("name")).toList());
        assertTrue(checks.getJsonObject(1).getBoolean("ok"), "the provider answered the probe: reachable");
        assertEquals(404, checks.getJsonObject(1).getInteger("status"));
        assertFalse(checks.getJsonObject(3).getBoolean("ok"));
        assertTrue(provider.requests().stream().noneMatch(request -> request.header("Authorization") != null),
                "no credential was sent anywhere");
    }

    @Test
    void theConfiguredEgressPolicyRefusesWhatItDoesNotAllow() {
        ApiClient admin = client("initech-docs", "root", true);
        String id = register(admin, apiKey("http://10.0.0.1/api"));

        HttpResponse<String> answer = admin.get("/api/v1/integrations/" + id + "/documents/files");

        assertEquals(502, answer.statusCode());
        assertTrue(answer.body().contains("urn:dochooks:problem:provider-address-blocked"), answer.body());
    }
}
