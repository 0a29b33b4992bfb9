package dochooks.adapters.http;

import static dochooks.adapters.http.ConnectionsApi.connection;
import static dochooks.adapters.http.ConnectionsApi.query;
import static dochooks.adapters.http.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who may use the connection routes and how they refuse (api.md 1, 2, 4): tokens, tenants, disabled and ApiKey
 * integrations, the confirm body's rules in the contract's order of checks, methods, and the two browser routes.
 */
class ConnectionRulesIT {
    private static final String VALID_BODY = new JsonObject().put("confirmation", "whatever").encode();
    private static ConnectionsApi world;
    private String tenant;
    private String id;
    private String alice;

    @BeforeAll
    static void start() throws Exception {
        world = ConnectionsApi.start();
    }

    @AfterAll
    static void stop() throws Exception {
        world.close();
    }

    @BeforeEach
    void integration() {
        world.reset();
        tenant = TestApi.newTenant();
        id = world.registerOAuth2(tenant);
        alice = Tokens.user(tenant, "alice");
    }

    private Answer confirmRaw(String integration, String token, String contentType, String body) {
        HttpRequest.Builder request = world.api.request(connection(integration) + "/confirm", token)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return world.api.send(request.build());
    }

    /** Each of the four token routes, called on {@code integration} with {@code token}. */
    private List<Answer> everyRoute(String integration, String token) {
        return List.of(world.api.post(connection(integration), token),
                world.api.get(connection(integration), token),
                world.api.delete(connection(integration), token),
                world.api.sendJson("POST", connection(integration) + "/confirm", token, VALID_BODY));
    }

    @Test
    void withoutAValidTokenNoConnectionRouteAnswers() {
        for (Answer answer : everyRoute(id, null)) {
            assertProblem(answer, 401, "unauthenticated");
            assertEquals("Bearer", answer.header("WWW-Authenticate"));
        }
        assertEquals(List.of(), world.pending.rows().stream()
                .filter(row -> row.authorization().key().tenant().value().equals(tenant)).toList());
    }

    @Test
    void anotherCompanysIntegrationAndAnIdThatIsNoUuidDoNotExist() {
        String stranger = Tokens.admin(TestApi.newTenant(), "root");
        for (Answer answer : everyRoute(id, stranger)) {
            assertProblem(answer, 404, "integration-not-found");
        }
        for (Answer answer : everyRoute("not-a-uuid", alice)) {
            assertProblem(answer, 404, "integration-not-found");
        }
        for (Answer answer : everyRoute(UUID.randomUUID().toString(), alice)) {
            assertProblem(answer, 404, "integration-not-found");
        }
    }

    @Test
    void aDisabledIntegrationDoesNotExistForUsersAndCannotBeConnectedToByAdmins() {
        String admin = Tokens.admin(tenant, "root");
        assertEquals(200, world.api.post("/api/v1/integrations/" + id + "/disable", admin).status());

        for (Answer answer : everyRoute(id, alice)) {
            assertProblem(answer, 404, "integration-not-found");
        }
        assertProblem(world.api.post(connection(id), admin), 409, "integration-disabled");
        assertProblem(world.api.sendJson("POST", connection(id) + "/confirm", admin, VALID_BODY), 409,
                "integration-disabled");
        assertEquals("NOT_CONNECTED", world.api.get(connection(id), admin).json().getString("state"));
        assertEquals(204, world.api.delete(connection(id), admin).status());
    }

    @Test
    void anApiKeyIntegrationHasNothingToConnectAndIsAlwaysConnected() {
        String apiKey = world.registerApiKey(tenant);

        assertProblem(world.api.post(connection(apiKey), alice), 409, "not-oauth2");
        assertProblem(world.api.sendJson("POST", connection(apiKey) + "/confirm", alice, VALID_BODY), 409,
                "not-oauth2");
        Answer status = world.api.get(connection(apiKey), alice);
        assertEquals(200, status.status());
        assertEquals(new JsonObject().put("state", "CONNECTED").putNull("connectedAt").putNull("accessTokenExpiresAt"),
                status.json());
        assertEquals(204, world.api.delete(connection(apiKey), alice).status());
        assertEquals(204, world.api.delete(connection(apiKey), alice).status());
        assertEquals("CONNECTED", world.api.get(connection(apiKey), alice).json().getString("state"));
    }

    @Test
    void theConfirmBodyMustBeJson() {
        assertProblem(confirmRaw(id, alice, null, VALID_BODY), 415, "unsupported-media-type");
        assertProblem(confirmRaw(id, alice, "text/plain", VALID_BODY), 415, "unsupported-media-type");
        assertProblem(confirmRaw(id, alice, "application/json", "{\"confirmation\":"), 400, "malformed-request");
        assertProblem(confirmRaw(id, alice, "application/json", "[\"x\"]"), 400, "malformed-request");
        String huge = new JsonObject().put("confirmation", "x".repeat(JsonBody.MAX_BYTES)).encode();
        assertProblem(confirmRaw(id, alice, "application/json", huge), 413, "payload-too-large");
        // a charset parameter is fine: the body is read, and found wanting
        assertProblem(confirmRaw(id, alice, "application/json; charset=utf-8", "{}"), 400, "validation-failed");
    }

    @Test
    void everyFaultOfTheConfirmBodyIsListedInBodyOrder() {
        Answer wrong = confirmRaw(id, alice, "application/json", "{\"extra\":1,\"confirmation\":5,\"more\":null}");
        Answer empty = confirmRaw(id, alice, "application/json", "{}");
        Answer absent = confirmRaw(id, alice, "application/json", "{\"confirmation\":null}");

        assertProblem(wrong, 400, "validation-failed");
        assertEquals(List.of("extra:UNKNOWN", "confirmation:string", "more:UNKNOWN"), faults(wrong));
        assertProblem(empty, 400, "validation-failed");
        assertEquals(List.of("confirmation:required"), faults(empty));
        assertProblem(absent, 400, "validation-failed");
        assertEquals(List.of("confirmation:required"), faults(absent));
    }

    /** {@code field:keyword} of each error, the keyword telling the rule apart in its English message. */
    private static List<String> faults(Answer answer) {
        JsonArray errors = answer.json().getJsonArray("errors");
        return errors.stream().map(error -> (JsonObject) error).map(error -> {
            String message = error.getString("message");
            String keyword = message.contains("not a known field") ? "UNKNOWN"
                    : message.contains("string") ? "string" : message.contains("required") ? "required" : message;
            return error.getString("field") + ":" + keyword;
        }).toList();
    }

    @Test
    void checksRunInTheContractsOrder() {
        String unknown = UUID.randomUUID().toString();
        String badFields = "{\"nope\":true}";

        // syntax before existence, existence before validation, validation before state
        assertProblem(confirmRaw(unknown, alice, "application/json", "not json"), 400, "malformed-request");
        assertProblem(confirmRaw(unknown, alice, "application/json", badFields), 404, "integration-not-found");
        assertProblem(confirmRaw(world.registerApiKey(tenant), alice, "application/json", badFields), 400,
                "validation-failed");
        assertProblem(confirmRaw(id, null, "text/plain", "not json"), 401, "unauthenticated");
    }

    @Test
    void theConnectionRoutesSayWhichMethodsTheyTake() {
        Answer put = world.api.sendJson("PUT", connection(id), alice, VALID_BODY);
        Answer getConfirm = world.api.get(connection(id) + "/confirm", alice);
        Answer postCallback = world.api.post("/oauth2/callback?state=x&code=y", null);

        assertProblem(put, 405, "method-not-allowed");
        assertEquals(Set.of("POST", "GET", "DELETE"), Set.of(put.header("Allow").split(", ")));
        assertProblem(getConfirm, 405, "method-not-allowed");
        assertEquals("POST", getConfirm.header("Allow"));
        assertProblem(postCallback, 405, "method-not-allowed");
        assertEquals("GET", postCallback.header("Allow"));
    }

    @Test
    void theConnectedPageTellsTheUserToReturnAndShowsNothingOfItsQuery() {
        String secretLooking = "confirmation-" + UUID.randomUUID();
        Answer page = world.api.send(world.api.request("/oauth2/connected?result=authorized&confirmation="
                + secretLooking + "&integrationId=%3Cscript%3Ealert(1)%3C/script%3E", null).GET().build());
        Answer french = world.api.send(world.api.request("/oauth2/connected", null)
                .header("Accept-Language", "fr-CA, en;q=0.5").GET().build());
        Answer korean = world.api.send(world.api.request("/oauth2/connected", null)
                .header("Accept-Language", "ko").GET().build());

        assertEquals(200, page.status(), page::toString);
        assertEquals("text/html; charset=utf-8", page.header("Content-Type"));
        assertEquals("default-src 'self'", page.header("Content-Security-Policy"));
        assertEquals("no-referrer", page.header("Referrer-Policy"));
        assertEquals("no-store", page.header("Cache-Control"));
        assertEquals("nosniff", page.header("X-Content-Type-Options"));
        assertTrue(page.body().contains("Return to the application"), page::body);
        assertFalse(page.body().contains(secretLooking));
        assertFalse(page.body().contains("alert(") || page.body().contains("%3C"), "nothing of the query");
        assertEquals(List.of("<script type=\"module\" src=\"/console/connected.js\"></script>"),
                Pattern.compile("<script[^>]*>[^<]*</script>", Pattern.CASE_INSENSITIVE).matcher(page.body()).results()
                        .map(java.util.regex.MatchResult::group).toList(), "only the console's hand-over script");
        assertEquals("fr", french.header("Content-Language"));
        assertTrue(french.body().contains("Revenez dans l’application"), french::body);
        assertEquals("ko", korean.header("Content-Language"));
        assertTrue(korean.body().contains("애플리케이션으로 돌아가"), korean::body);
    }

    @Test
    void aRejectedCallbackIsAProblemInTheBrowsersLanguage() {
        Answer rejected = world.api.send(world.api.request("/oauth2/callback?state=unknown&code=c", null)
                .header("Accept-Language", "fr").GET().build());

        assertProblem(rejected, 400, "oauth-callback-rejected");
        assertEquals("Autorisation rejetée", rejected.json().getString("title"));
        assertEquals("no-store", rejected.header("Cache-Control"));
        assertEquals(null, rejected.header("Location"));
    }

    @Test
    void aConfiguredReturnUrlWithAQueryGetsTheParametersAfterAnAmpersand() throws Exception {
        try (ConnectionsApi elsewhere = ConnectionsApi.start("https://app.example/connections?tab=oauth")) {
            elsewhere.reset();
            String tenantThere = TestApi.newTenant();
            String integration = elsewhere.registerOAuth2(tenantThere);
            String user = Tokens.user(tenantThere, "carol");

            Answer callback = elsewhere.authorizeAndCallBack(user, integration);

            assertEquals(303, callback.status(), callback::toString);
            String location = callback.header("Location");
            assertTrue(location.startsWith("https://app.example/connections?tab=oauth&integrationId=" + integration
                    + "&result=authorized&confirmation="), location);
            Answer confirmed = elsewhere.confirm(user, integration, query(location).get("confirmation"));
            assertEquals("CONNECTED", confirmed.json().getString("state"), confirmed::toString);
        }
    }
}
