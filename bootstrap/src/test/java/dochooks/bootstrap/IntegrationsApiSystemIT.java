package dochooks.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dochooks.adapters.persistence.DatabaseConnection;
import dochooks.adapters.persistence.testing.EmbeddedPostgresFixture;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The whole server, composed by bootstrap, over HTTP, on an external (fixture) PostgreSQL. */
class IntegrationsApiSystemIT {
    private static final String JWT_SECRET = "system-test-secret-that-is-at-least-32-bytes-long";
    private static DochooksServer server;
    private static Vertx vertx;
    private static JwtTokens tokens;

    @BeforeAll
    static void start() {
        DatabaseConnection database = EmbeddedPostgresFixture.newDatabase();
        Map<String, String> env = SystemTestEnvironment.onDatabase(database, JWT_SECRET);
        env.put("DOCHOOKS_PUBLIC_BASE_URL", "https://dochooks.acme.example");
        server = DochooksServer.start(Config.fromEnvironment(env));
        vertx = Vertx.vertx();
        tokens = new JwtTokens(vertx, JWT_SECRET);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (vertx != null) {
            vertx.close();
        }
    }

    private ApiClient client(String tenant, String user, boolean admin) {
        return new ApiClient(server.port(), tokens.mint(tenant, user, admin, Duration.ofMinutes(10)));
    }

    @Test
    void adminRegistersEditsDisablesAndDeletesAnIntegration() {
        ApiClient admin = client("acme", "root", true);
        HttpResponse<String> created = admin.post("/api/v1/integrations", new JsonObject()
                .put("name", "  Acme DMS ")
                .put("baseApiUrl", "https://dms.acme.example/api/v1/")
                .put("requestParameters", "access_type=offline&scope=read all")
                .put("authType", "OAuth2")
                .put("authenticationUrl", "https://dms.acme.example/oauth/authorize")
                .put("tokenEndpointUrl", "https://dms.acme.example/oauth/token")
                .put("clientId", "wf-123")
                .put("clientSecret", "s3cr3t-value-c0de").encode());
        assertEquals(201, created.statusCode(), created.body());
        JsonObject body = new JsonObject(created.body());
        String id = body.getString("id");
        assertEquals("/api/v1/integrations/" + id, created.headers().firstValue("Location").orElseThrow());
        assertEquals("\"1\"", created.headers().firstValue("ETag").orElseThrow());
        assertEquals("Acme DMS", body.getString("name"));
        assertEquals("https://dms.acme.example/api/v1", body.getString("baseApiUrl"));
        assertEquals("access_type=offline&scope=read%20all", body.getString("requestParameters"));
        assertEquals("\u2022\u2022\u2022\u2022c0de", body.getString("clientSecretHint"));
        assertEquals("https://dochooks.acme.example/oauth2/callback", body.getString("redirectUri"));
        assertFalse(created.body().contains("s3cr3t-value-c0de"), "the secret is never returned");

        JsonObject edit = body.copy().put("name", "Acme Documents");
        HttpResponse<String> replaced = admin.put("/api/v1/integrations/" + id, edit.encode(), "\"1\"");
        assertEquals(200, replaced.statusCode(), replaced.body());
        assertEquals(2, new JsonObject(replaced.body()).getLong("version"));

        HttpResponse<String> stale = admin.put("/api/v1/integrations/" + id, edit.put("name", "Other").encode(), "\"1\"");
        assertEquals(412, stale.statusCode());

        assertEquals(200, admin.post("/api/v1/integrations/" + id + "/disable", "").statusCode());
        ApiClient user = client("acme", "alice", false);
        assertEquals(404, user.get("/api/v1/integrations/" + id).statusCode(), "disabled is invisible to users");
        assertEquals(404, client("globex", "root", true).get("/api/v1/integrations/" + id).statusCode(),
                "another tenant's integration does not exist");

        assertEquals(204, admin.delete("/api/v1/integrations/" + id).statusCode());
        assertEquals(404, admin.get("/api/v1/integrations/" + id).statusCode());
    }

    @Test
    void usersSeeOnlyEnabledIntegrationsAndFewFields() {
        ApiClient admin = client("initech", "root", true);
        admin.post("/api/v1/integrations", apiKeyIntegration("Visible").encode());
        admin.post("/api/v1/integrations", apiKeyIntegration("Hidden").put("status", "DISABLED").encode());

        HttpResponse<String> listed = client("initech", "bob", false).get("/api/v1/integrations");
        assertEquals(200, listed.statusCode());
        JsonObject page = new JsonObject(listed.body());
        assertEquals(1, page.getJsonArray("items").size());
        JsonObject item = page.getJsonArray("items").getJsonObject(0);
        assertEquals("Visible", item.getString("name"));
        assertEquals(java.util.Set.of("id", "name", "authType", "status"), item.fieldNames());
        assertNotNull(listed.headers().firstValue("X-Request-Id").orElse(null));
    }

    @Test
    void aNameClashIsAConflictIgnoringCase() {
        ApiClient admin = client("umbrella", "root", true);
        assertEquals(201, admin.post("/api/v1/integrations", apiKeyIntegration("Drive").encode()).statusCode());
        HttpResponse<String> clash = admin.post("/api/v1/integrations", apiKeyIntegration("DRIVE").encode());
        assertEquals(409, clash.statusCode());
        assertTrue(clash.body().contains("urn:dochooks:problem:name-taken"), clash.body());
    }

    static JsonObject apiKeyIntegration(String name) {
        return new JsonObject().put("name", name).put("baseApiUrl", "https://files.example.com/api")
                .put("authType", "ApiKey").put("apiKey", "key-" + name + "-0123456789");
    }

    /**
     * Half of a surrogate pair has no UTF-8 form: stored, the database driver wrote other characters in its place
     * (once a control character the name's own rule then refused on every read, so the tenant's list failed with
     * 500 ever after). Every text field refuses it, and nothing is stored.
     */
    @ParameterizedTest
    @ValueSource(strings = {"name", "baseApiUrl", "requestParameters", "authenticationUrl", "tokenEndpointUrl", "clientId",
            "clientSecret"})
    void halfASurrogatePairIsRefusedInEveryTextFieldAndNothingIsStored(String field) {
        ApiClient admin = client("surrogates-" + field, "root", true);
        JsonObject integration = new JsonObject().put("name", "Acme DMS").put("baseApiUrl", "https://dms.acme.example/api")
                .put("requestParameters", "a=b").put("authType", "OAuth2")
                .put("authenticationUrl", "https://dms.acme.example/oauth/authorize")
                .put("tokenEndpointUrl", "https://dms.acme.example/oauth/token").put("clientId", "wf-123")
                .put("clientSecret", "s3cr3t-value-c0de");
        // the JSON escape, so that the server's parser, not this client's encoder, makes the lone surrogate
        String body = integration.encode().replace("\"" + field + "\":\"" + integration.getString(field) + "\"",
                "\"" + field + "\":\"" + integration.getString(field) + "\\ud800\u251c\"");

        HttpResponse<String> refused = admin.post("/api/v1/integrations", body);

        assertEquals(400, refused.statusCode(), refused.body());
        JsonArray errors = new JsonObject(refused.body()).getJsonArray("errors");
        assertEquals(field, errors.getJsonObject(0).getString("field"), refused.body());
        HttpResponse<String> list = admin.get("/api/v1/integrations");
        assertEquals(200, list.statusCode(), list.body());
        assertEquals(0, new JsonObject(list.body()).getJsonArray("items").size());
    }
}
