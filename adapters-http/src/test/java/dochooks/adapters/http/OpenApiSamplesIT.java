package dochooks.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Real answers of a running API validate against the schema {@code /openapi.yaml} documents for their operation
 * and status (issue 6 point 1), read from the document the server serves; and the validator is strict enough
 * that a broken copy of a real answer fails.
 */
class OpenApiSamplesIT {
    private static final String INTEGRATIONS = "/api/v1/integrations";
    private static final String ONE = INTEGRATIONS + "/{id}";
    private static ConnectionsApi connections;
    private static OpenApiSchemas openApi;

    @BeforeAll
    static void start() throws Exception {
        connections = ConnectionsApi.start();
        Answer served = connections.api.get("/openapi.yaml", null);
        assertEquals(200, served.status());
        openApi = OpenApiSchemas.parse(served.body());
    }

    @AfterAll
    static void stop() throws Exception {
        connections.close();
    }

    @BeforeEach
    void reset() {
        connections.reset();
    }

    @Test
    void theAdminViewsOfBothKindsFitTheirSchema() {
        String tenant = TestApi.newTenant();
        String admin = Tokens.admin(tenant, "root");
        String oauth = connections.registerOAuth2(tenant);
        String apiKey = connections.registerApiKey(tenant);

        Answer oauthView = connections.api.get(INTEGRATIONS + "/" + oauth, admin);
        Answer apiKeyView = connections.api.get(INTEGRATIONS + "/" + apiKey, admin);

        assertFits(ONE, "get", oauthView);
        assertFits(ONE, "get", apiKeyView);
        assertTrue(oauthView.json().containsKey("clientSecretHint"), oauthView::toString);
        assertTrue(apiKeyView.json().containsKey("apiKeyHint"), apiKeyView::toString);
    }

    @Test
    void theUserViewAndAListPageFitTheirSchema() {
        String tenant = TestApi.newTenant();
        String id = connections.registerApiKey(tenant);
        connections.registerOAuth2(tenant);

        Answer userView = connections.api.get(INTEGRATIONS + "/" + id, Tokens.user(tenant, "alice"));
        Answer adminPage = connections.api.get(INTEGRATIONS + "?limit=1", Tokens.admin(tenant, "root"));
        Answer userPage = connections.api.get(INTEGRATIONS, Tokens.user(tenant, "alice"));

        assertFits(ONE, "get", userView);
        assertFalse(userView.json().containsKey("baseApiUrl"), "the user view indeed: " + userView);
        assertFits(INTEGRATIONS, "get", adminPage);
        assertTrue(adminPage.json().getValue("nextCursor") instanceof String, "a page with a next one: " + adminPage);
        assertFits(INTEGRATIONS, "get", userPage);
        assertEquals(2, userPage.items().size(), userPage::toString);
    }

    @Test
    void aValidationProblemWithItsErrorsFitsTheProblemSchema() {
        Answer refused = connections.api.sendJson("POST", INTEGRATIONS, Tokens.admin(TestApi.newTenant(), "root"),
                new JsonObject().put("name", 42).put("colour", "blue").encode());

        assertFits(INTEGRATIONS, "post", refused);
        assertEquals(400, refused.status());
        assertTrue(refused.json().getJsonArray("errors").size() >= 2, refused::toString);
    }

    @Test
    void connectionStatusesBeforeAndAfterConnectingFitTheirSchema() {
        String tenant = TestApi.newTenant();
        String id = connections.registerOAuth2(tenant);
        String alice = Tokens.user(tenant, "alice");
        String path = ConnectionsApi.connection(id);

        Answer before = connections.api.get(path, alice);
        connections.connect(alice, id);
        Answer after = connections.api.get(path, alice);

        assertFits(ONE + "/connection", "get", before);
        assertEquals("NOT_CONNECTED", before.json().getString("state"));
        assertFits(ONE + "/connection", "get", after);
        assertEquals("CONNECTED", after.json().getString("state"));
    }

    @Test
    void anItemListFitsItsSchema() {
        String tenant = TestApi.newTenant();
        String id = connections.registerOAuth2(tenant);
        String alice = Tokens.user(tenant, "alice");
        connections.connect(alice, id);
        connections.provider.addFolder("/", "folder-1", "Reports");
        connections.provider.addFile("/", "file-1", "notes.txt", "text/plain", "n".getBytes(StandardCharsets.UTF_8));

        Answer files = connections.files(alice, id);

        assertFits(ONE + "/documents/files", "get", files);
        assertEquals(2, files.items().size(), files::toString);
    }

    @Test
    void aConnectionTestReportAndServiceInfoFitTheirSchemas() {
        String tenant = TestApi.newTenant();
        String admin = Tokens.admin(tenant, "root");
        String id = connections.registerOAuth2(tenant);
        connections.connect(admin, id);
        connections.provider.addFile("/", "file-1", "notes.txt", "text/plain", "n".getBytes(StandardCharsets.UTF_8));

        Answer report = connections.api.post(INTEGRATIONS + "/" + id + "/test", admin);
        Answer serviceInfo = connections.api.get(INTEGRATIONS + "/" + id + "/documents/serviceInfo", admin);

        assertFits(ONE + "/test", "post", report);
        assertEquals(5, report.json().getJsonArray("checks").size(), report::toString);
        assertFits(ONE + "/documents/serviceInfo", "get", serviceInfo);
    }

    @Test
    void anUploadAnswerFitsItsSchema() {
        String tenant = TestApi.newTenant();
        String alice = Tokens.user(tenant, "alice");
        String id = connections.registerOAuth2(tenant);
        connections.connect(alice, id);

        Answer uploaded = connections.api.send(connections.api.request(INTEGRATIONS + "/" + id
                        + "/documents/upload?parentId=%2F&filename=notes.txt", alice)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("notes")).build());

        assertFits(ONE + "/documents/upload", "post", uploaded);
    }

    @Test
    void healthAndTheConsoleSettingsFitTheirSchemas() {
        assertFits("/health/live", "get", connections.api.get("/health/live", null));
        assertFits("/health/ready", "get", connections.api.get("/health/ready", null));
        assertFits("/console/settings.json", "get", connections.api.get("/console/settings.json", null));
    }

    @Test
    void brokenCopiesOfRealAnswersFail() {
        String tenant = TestApi.newTenant();
        String id = connections.registerApiKey(tenant);
        JsonObject view = connections.api.get(INTEGRATIONS + "/" + id, Tokens.admin(tenant, "root")).json();
        OpenApiSchemas.Documented documented = openApi.response(ONE, "get", 200);
        assertEquals(List.of(), openApi.violations(documented.schema(), view), "the real answer fits");

        JsonObject withoutVersion = view.copy();
        withoutVersion.remove("version");
        JsonObject withSecret = view.copy().put("apiKey", "leaked");
        JsonObject badStatus = view.copy().put("status", "PAUSED");
        JsonObject versionAsText = view.copy().put("version", "1");
        JsonObject page = new JsonObject().put("items", new JsonArray().add(view.copy().put("authType", "Basic")))
                .put("nextCursor", 7);

        assertFails(documented, withoutVersion);
        assertFails(documented, withSecret);
        assertFails(documented, badStatus);
        assertFails(documented, versionAsText);
        List<String> pageViolations = openApi.violations(openApi.response(INTEGRATIONS, "get", 200).schema(), page);
        assertTrue(pageViolations.stream().anyMatch(v -> v.startsWith("$.nextCursor")), pageViolations::toString);
        assertTrue(pageViolations.stream().anyMatch(v -> v.startsWith("$.items[0]")), pageViolations::toString);
    }

    private static void assertFails(OpenApiSchemas.Documented documented, JsonObject broken) {
        assertFalse(openApi.violations(documented.schema(), broken).isEmpty(), () -> "accepted: " + broken);
    }

    /** The answer's media type is the documented one for its status, and its body fits the documented schema. */
    private static void assertFits(String pathTemplate, String method, Answer answer) {
        OpenApiSchemas.Documented documented = openApi.response(pathTemplate, method, answer.status());
        String contentType = answer.header("Content-Type");
        assertTrue(contentType != null && contentType.startsWith(documented.mediaType()),
                () -> "documented " + documented.mediaType() + ", answered " + contentType);
        List<String> violations = openApi.violations(documented.schema(), answer.json());
        assertEquals(List.of(), violations, () -> method + " " + pathTemplate + " answered " + answer);
    }
}
