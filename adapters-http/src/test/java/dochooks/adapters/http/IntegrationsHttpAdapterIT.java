package dochooks.adapters.http;

import static dochooks.adapters.http.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The registry over real HTTP: representation, operations, validation, preconditions, check order, tenancy. */
class IntegrationsHttpAdapterIT {
    private static final String COLLECTION = "/api/v1/integrations";
    private static final String SECRET = "super-secret-value-c0de";
    private static final String API_KEY = "key-0123456789-wxyz";
    private static final String TIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

    private static TestApi api;

    private String tenant;
    private String admin;
    private String user;

    @BeforeAll
    static void start() throws Exception {
        api = TestApi.start();
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    @BeforeEach
    void freshTenant() {
        tenant = TestApi.newTenant();
        admin = Tokens.admin(tenant, "alice");
        user = Tokens.user(tenant, "bob");
    }

    static JsonObject oauth2(String name) {
        return new JsonObject()
                .put("name", name)
                .put("baseApiUrl", "https://dms.acme.example/api/v1/")
                .put("requestParameters", "access_type=offline")
                .put("authType", "OAuth2")
                .put("authenticationUrl", "https://dms.acme.example/oauth/authorize")
                .put("tokenEndpointUrl", "https://dms.acme.example/oauth/token")
                .put("clientId", "wf-123")
                .put("clientSecret", SECRET);
    }

    static JsonObject apiKey(String name) {
        return new JsonObject()
                .put("name", name)
                .put("baseApiUrl", "https://files.example/api")
                .put("authType", "ApiKey")
                .put("apiKey", API_KEY);
    }

    private Answer create(JsonObject body) {
        return api.sendJson("POST", COLLECTION, admin, body.encode());
    }

    private String createdId(JsonObject body) {
        Answer created = create(body);
        assertEquals(201, created.status(), created::toString);
        return created.json().getString("id");
    }

    private static Set<String> fields(JsonObject json) {
        return json.fieldNames();
    }

    private static Set<String> errorFields(Answer answer) {
        return answer.json().getJsonArray("errors").stream()
                .map(error -> ((JsonObject) error).getString("field"))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static String errorMessage(Answer answer, String field) {
        return answer.json().getJsonArray("errors").stream().map(JsonObject.class::cast)
                .filter(error -> error.getString("field").equals(field))
                .map(error -> error.getString("message")).findFirst().orElse(null);
    }

    // --- create and the representation (3.1) ---

    @Test
    void createsAnOAuth2IntegrationAndShowsAdminsEveryFieldButTheSecret() {
        Answer created = create(oauth2("Acme DMS"));

        assertEquals(201, created.status(), created::toString);
        JsonObject body = created.json();
        String id = body.getString("id");
        assertEquals(id, UUID.fromString(id).toString());
        assertEquals(COLLECTION + "/" + id, created.header("Location"));
        assertEquals("\"1\"", created.header("ETag"));
        assertTrue(created.header("Content-Type").startsWith("application/json"));
        assertEquals(Set.of("id", "name", "baseApiUrl", "requestParameters", "authType", "authenticationUrl",
                "tokenEndpointUrl", "clientId", "clientSecretHint", "redirectUri", "status", "version", "createdAt",
                "updatedAt"), fields(body));
        assertEquals("Acme DMS", body.getString("name"));
        assertEquals("https://dms.acme.example/api/v1", body.getString("baseApiUrl"), "trailing slash removed");
        assertEquals("access_type=offline", body.getString("requestParameters"));
        assertEquals("OAuth2", body.getString("authType"));
        assertEquals("https://dms.acme.example/oauth/authorize", body.getString("authenticationUrl"));
        assertEquals("https://dms.acme.example/oauth/token", body.getString("tokenEndpointUrl"));
        assertEquals("wf-123", body.getString("clientId"));
        assertEquals("\u2022\u2022\u2022\u2022c0de", body.getString("clientSecretHint"));
        assertEquals("https://dochooks.test.example/oauth2/callback", body.getString("redirectUri"));
        assertEquals("ENABLED", body.getString("status"));
        assertEquals(1, body.getInteger("version"));
        assertTrue(body.getString("createdAt").matches(TIME), body.getString("createdAt"));
        assertEquals(body.getString("createdAt"), body.getString("updatedAt"));
        assertFalse(created.body().contains(SECRET));

        Answer read = api.get(COLLECTION + "/" + id, admin);
        assertEquals(200, read.status());
        assertEquals(body, read.json());
        assertEquals("\"1\"", read.header("ETag"));
    }

    @Test
    void anApiKeyIntegrationShowsAKeyHintAndNoOAuth2Fields() {
        Answer created = create(apiKey("Files"));

        assertEquals(201, created.status(), created::toString);
        JsonObject body = created.json();
        assertEquals(Set.of("id", "name", "baseApiUrl", "requestParameters", "authType", "apiKeyHint", "status",
                "version", "createdAt", "updatedAt"), fields(body));
        assertEquals("\u2022\u2022\u2022\u2022wxyz", body.getString("apiKeyHint"));
        assertEquals("", body.getString("requestParameters"));
        assertFalse(created.body().contains(API_KEY));
    }

    @Test
    void aCreateMayStartDisabled() {
        Answer created = create(apiKey("Dormant").put("status", "DISABLED"));

        assertEquals(201, created.status(), created::toString);
        assertEquals("DISABLED", created.json().getString("status"));
    }

    @Test
    void usersSeeOnlyIdNameAuthTypeAndStatusOfEnabledIntegrations() {
        String enabled = createdId(oauth2("Visible"));
        String disabled = createdId(apiKey("Hidden").put("status", "DISABLED"));

        Answer read = api.get(COLLECTION + "/" + enabled, user);
        assertEquals(200, read.status(), read::toString);
        assertEquals(new JsonObject().put("id", enabled).put("name", "Visible").put("authType", "OAuth2")
                .put("status", "ENABLED"), read.json());
        assertEquals("\"1\"", read.header("ETag"));

        assertProblem(api.get(COLLECTION + "/" + disabled, user), 404, "integration-not-found");
        assertEquals(200, api.get(COLLECTION + "/" + disabled, admin).status());

        JsonArray listed = api.get(COLLECTION, user).items();
        assertEquals(1, listed.size());
        assertEquals(Set.of("id", "name", "authType", "status"), fields(listed.getJsonObject(0)));
        assertEquals(2, api.get(COLLECTION, admin).items().size());
    }

    @Test
    void nonAdminsCannotCreateAndNothingIsStored() {
        Answer refused = api.sendJson("POST", COLLECTION, user, oauth2("Mine").encode());

        assertProblem(refused, 403, "forbidden");
        assertEquals(0, api.get(COLLECTION, admin).items().size());
    }

    @Test
    void aNameTakenIgnoringCaseIsAConflict() {
        createdId(oauth2("Acme DMS"));

        assertProblem(create(apiKey("ACME dms")), 409, "name-taken");
    }

    // --- validation (3.3) ---

    @Test
    void validationListsEveryFieldAtFaultAtOnce() {
        JsonObject body = new JsonObject()
                .put("name", "   ")
                .put("colour", "blue")
                .put("baseApiUrl", "http://plain.example/api")
                .put("authType", "Basic")
                .put("clientSecret", 42)
                .put("requestParameters", "state=x");

        Answer refused = create(body);

        assertProblem(refused, 400, "validation-failed");
        assertEquals(Set.of("colour", "clientSecret", "name", "baseApiUrl", "requestParameters", "authType"),
                errorFields(refused));
        assertEquals("is not a known field", errorMessage(refused, "colour"));
        assertEquals("must be a string", errorMessage(refused, "clientSecret"));
        assertEquals("is required", errorMessage(refused, "name"));
        assertEquals("must use https", errorMessage(refused, "baseApiUrl"));
        assertEquals("must be one of OAuth2, ApiKey", errorMessage(refused, "authType"));
        assertEquals(COLLECTION, refused.json().getString("instance"));
        assertEquals(0, api.get(COLLECTION, admin).items().size());
    }

    @Test
    void nullMeansAbsentAndUnknownFieldsAreListedOneEach() {
        JsonObject body = apiKey("Nulls").put("requestParameters", null).put("status", null)
                .put("extra", 1).put("other", new JsonObject());

        Answer refused = create(body);

        assertProblem(refused, 400, "validation-failed");
        assertEquals(List.of("extra", "other"), new ArrayList<>(errorFields(refused)));

        Answer created = create(apiKey("Nulls").put("requestParameters", null).put("status", null));
        assertEquals(201, created.status(), created::toString);
        assertEquals("ENABLED", created.json().getString("status"));
    }

    @Test
    void readOnlyFieldsAreRefusedOnCreate() {
        Answer refused = create(apiKey("Echo").put("id", UUID.randomUUID().toString()).put("version", 1));

        assertProblem(refused, 400, "validation-failed");
        assertEquals(Set.of("id", "version"), errorFields(refused));
        assertEquals("is read-only and cannot be changed", errorMessage(refused, "version"));
    }

    // --- replace, ETags and If-Match (3.2) ---

    @Test
    void aReplaceChangesTheVersionAndTheETag() {
        String id = createdId(oauth2("Before"));

        Answer replaced = api.sendJson("PUT", COLLECTION + "/" + id, admin, oauth2("After").encode());

        assertEquals(200, replaced.status(), replaced::toString);
        assertEquals("\"2\"", replaced.header("ETag"));
        assertEquals(2, replaced.json().getInteger("version"));
        assertEquals("After", api.get(COLLECTION + "/" + id, admin).json().getString("name"));
    }

    @Test
    void aClientThatGetsEditsAndPutsKeepsTheStoredSecret() {
        String id = createdId(oauth2("Round trip"));
        JsonObject read = api.get(COLLECTION + "/" + id, admin).json();

        Answer unchanged = api.sendJson("PUT", COLLECTION + "/" + id, admin, read.encode());
        assertEquals(200, unchanged.status(), unchanged::toString);
        assertEquals("\"1\"", unchanged.header("ETag"), "nothing changed, no new version");

        Answer renamed = api.sendJson("PUT", COLLECTION + "/" + id, admin, read.copy().put("name", "Renamed").encode());
        assertEquals(200, renamed.status(), renamed::toString);
        assertEquals(2, renamed.json().getInteger("version"));
        assertEquals(read.getString("clientSecretHint"), renamed.json().getString("clientSecretHint"));

        Answer changedReadOnly = api.sendJson("PUT", COLLECTION + "/" + id, admin,
                renamed.json().put("version", 7).put("redirectUri", "https://elsewhere.example/cb").encode());
        assertProblem(changedReadOnly, 400, "validation-failed");
        assertEquals(Set.of("version", "redirectUri"), errorFields(changedReadOnly));
    }

    @Test
    void ifMatchGuardsEveryWrite() {
        String id = createdId(apiKey("Guarded"));
        String one = COLLECTION + "/" + id;
        api.sendJson("PUT", one, admin, apiKey("Guarded v2").encode());

        Answer stale = api.send(api.request(one, admin).header("Content-Type", "application/json")
                .header("If-Match", "\"1\"").PUT(HttpRequest.BodyPublishers.ofString(apiKey("Stale").encode())).build());
        assertProblem(stale, 412, "precondition-failed");
        assertEquals("Guarded v2", api.get(one, admin).json().getString("name"));

        Answer current = api.send(api.request(one, admin).header("Content-Type", "application/json")
                .header("If-Match", "\"2\"").PUT(HttpRequest.BodyPublishers.ofString(apiKey("Fresh").encode())).build());
        assertEquals(200, current.status(), current::toString);
        assertEquals("\"3\"", current.header("ETag"));

        Answer any = api.send(api.request(one, admin).header("Content-Type", "application/json")
                .header("If-Match", "*").PUT(HttpRequest.BodyPublishers.ofString(apiKey("Any").encode())).build());
        assertEquals(200, any.status(), any::toString);

        assertProblem(api.send(api.request(one + "/disable", admin).header("If-Match", "\"1\"")
                .POST(HttpRequest.BodyPublishers.noBody()).build()), 412, "precondition-failed");
        assertProblem(api.send(api.request(one, admin).header("If-Match", "\"1\"").DELETE().build()),
                412, "precondition-failed");
        assertEquals(200, api.get(one, admin).status(), "a refused delete deletes nothing");
    }

    @Test
    void anIfMatchThatIsNeitherAStrongETagNorAStarIsMalformed() {
        String one = COLLECTION + "/" + createdId(apiKey("Weak"));

        for (String ifMatch : List.of("W/\"1\"", "1", "\"one\"", "\"1\", \"2\"")) {
            Answer refused = api.send(api.request(one, admin).header("Content-Type", "application/json")
                    .header("If-Match", ifMatch).PUT(HttpRequest.BodyPublishers.ofString(apiKey("Weak").encode())).build());
            assertProblem(refused, 400, "malformed-request");
        }
        assertProblem(api.send(api.request(one + "/enable", admin).header("If-Match", "W/\"1\"")
                .POST(HttpRequest.BodyPublishers.noBody()).build()), 400, "malformed-request");
    }

    // --- enable, disable, delete ---

    @Test
    void enableAndDisableAreIdempotentAndAnswerWithTheIntegration() {
        String one = COLLECTION + "/" + createdId(apiKey("Switch"));

        Answer disabled = api.post(one + "/disable", admin);
        assertEquals(200, disabled.status(), disabled::toString);
        assertEquals("DISABLED", disabled.json().getString("status"));
        assertEquals("\"2\"", disabled.header("ETag"));

        Answer again = api.post(one + "/disable", admin);
        assertEquals(200, again.status());
        assertEquals(2, again.json().getInteger("version"), "no change, no new version");

        Answer enabled = api.post(one + "/enable", admin);
        assertEquals("ENABLED", enabled.json().getString("status"));
        assertEquals("\"3\"", enabled.header("ETag"));

        assertProblem(api.post(one + "/disable", user), 403, "forbidden");
    }

    @Test
    void deleteAnswers204AndTheIntegrationIsGone() {
        String one = COLLECTION + "/" + createdId(oauth2("Doomed"));

        assertProblem(api.delete(one, user), 403, "forbidden");
        Answer deleted = api.delete(one, admin);
        assertEquals(204, deleted.status(), deleted::toString);
        assertEquals("", deleted.body());
        assertProblem(api.get(one, admin), 404, "integration-not-found");
        assertProblem(api.delete(one, admin), 404, "integration-not-found");
    }

    @Test
    void anIdThatIsNotAUuidIsAnIntegrationNotFound() {
        for (String id : List.of("42", "not-a-uuid", UUID.randomUUID().toString().replace("-", ""))) {
            assertProblem(api.get(COLLECTION + "/" + id, user), 404, "integration-not-found");
            assertProblem(api.delete(COLLECTION + "/" + id, admin), 404, "integration-not-found");
            assertProblem(api.post(COLLECTION + "/" + id + "/enable", admin), 404, "integration-not-found");
        }
    }

    @Test
    void anotherTenantsIntegrationDoesNotExistForTheCaller() {
        String one = COLLECTION + "/" + createdId(oauth2("Ours"));
        String otherAdmin = Tokens.admin(TestApi.newTenant(), "alice");

        assertProblem(api.get(one, otherAdmin), 404, "integration-not-found");
        assertProblem(api.sendJson("PUT", one, otherAdmin, oauth2("Theirs").encode()), 404, "integration-not-found");
        assertProblem(api.post(one + "/disable", otherAdmin), 404, "integration-not-found");
        assertProblem(api.delete(one, otherAdmin), 404, "integration-not-found");
        assertEquals(0, api.get(COLLECTION, otherAdmin).items().size());
        assertEquals("Ours", api.get(one, admin).json().getString("name"));
    }

    // --- check order (1) ---

    @Test
    void aNonAdminIsRefusedBeforeTheBodyIsRead() {
        String one = COLLECTION + "/" + createdId(apiKey("Order"));

        assertProblem(api.sendJson("PUT", one, user, "{not json"), 403, "forbidden");
        assertProblem(api.send(api.request(COLLECTION, user).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("x".repeat(70_000))).build()), 403, "forbidden");
    }

    @Test
    void aMalformedBodyAnswersBeforeAMissingIntegration() {
        assertProblem(api.sendJson("PUT", COLLECTION + "/" + UUID.randomUUID(), admin, "{oops"), 400, "malformed-request");
        assertProblem(api.sendJson("PUT", COLLECTION + "/not-a-uuid", admin, "{oops"), 400, "malformed-request");
        assertProblem(api.sendJson("PUT", COLLECTION + "/" + UUID.randomUUID(), admin, apiKey("X").encode()),
                404, "integration-not-found");
    }

    @Test
    void aStaleIfMatchAnswersBeforeAnInvalidBody() {
        String one = COLLECTION + "/" + createdId(apiKey("Stale"));

        Answer refused = api.send(api.request(one, admin).header("Content-Type", "application/json")
                .header("If-Match", "\"9\"").PUT(HttpRequest.BodyPublishers.ofString("{\"name\": 1}")).build());

        assertProblem(refused, 412, "precondition-failed");
    }

    @Test
    void aBodyThatIsNotAJsonObjectIsMalformed() {
        String deep = "[".repeat(20_000) + "]".repeat(20_000);
        for (String body : List.of("[1, 2]", "\"text\"", "null", "", "{\"name\": \"a\"} trailing", "{\"a\":", deep)) {
            Answer refused = api.sendJson("POST", COLLECTION, admin, body);
            assertProblem(refused, 400, "malformed-request");
        }
    }

    @Test
    void jsonRoutesNeedAJsonContentType() {
        Answer plain = api.send(api.request(COLLECTION, admin).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(apiKey("Typed").encode())).build());
        assertProblem(plain, 415, "unsupported-media-type");

        Answer none = api.send(api.request(COLLECTION, admin)
                .POST(HttpRequest.BodyPublishers.ofString(apiKey("Typed").encode())).build());
        assertProblem(none, 415, "unsupported-media-type");

        Answer withCharset = api.send(api.request(COLLECTION, admin).header("Content-Type", "Application/JSON; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(apiKey("Typed").encode())).build());
        assertEquals(201, withCharset.status(), withCharset::toString);
    }

    @Test
    void aBodyOver64KiBIsTooLargeWhetherItsLengthIsDeclaredOrNot() {
        byte[] big = apiKey("Big").put("requestParameters", "a=" + "x".repeat(JsonBody.MAX_BYTES)).encode()
                .getBytes(StandardCharsets.UTF_8);

        Answer declared = api.sendJson("POST", COLLECTION, admin, new String(big, StandardCharsets.UTF_8));
        assertProblem(declared, 413, "payload-too-large");

        Answer chunked = api.send(api.request(COLLECTION, admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build());
        assertProblem(chunked, 413, "payload-too-large");

        assertEquals(0, api.get(COLLECTION, admin).items().size());
    }

    @Test
    void aClientAwaitingContinueIsAnsweredOnlyOnceAdmitted() throws Exception {
        Answer created = api.send(api.request(COLLECTION, admin).expectContinue(true)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(apiKey("Patient").encode())).build());
        assertEquals(201, created.status(), created::toString);

        // the JDK 17 client never returns a final answer to an Expect request (JDK-8286171): raw bytes here
        String announceBody = "POST " + COLLECTION + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: " + (JsonBody.MAX_BYTES + 1)
                + "\r\nAuthorization: Bearer ";
        Answer tooLarge = RawHttp.exchange(api.port(), announceBody + admin + "\r\n\r\n");
        assertProblem(tooLarge, 413, "payload-too-large");
        assertEquals("close", tooLarge.header("Connection"));

        Answer forbidden = RawHttp.exchange(api.port(), announceBody + user + "\r\n\r\n");
        assertProblem(forbidden, 403, "forbidden");
        assertEquals("close", forbidden.header("Connection"), "the announced body will never come");
        assertEquals(1, api.get(COLLECTION, admin).items().size());
    }

    @Test
    void aBodyOfExactly64KiBIsRead() {
        JsonObject body = apiKey("Edge").put("padding", "");
        int missing = JsonBody.MAX_BYTES - body.encode().getBytes(StandardCharsets.UTF_8).length;
        String exact = body.put("padding", "p".repeat(missing)).encode();
        assertEquals(JsonBody.MAX_BYTES, exact.getBytes(StandardCharsets.UTF_8).length);

        Answer refused = api.sendJson("POST", COLLECTION, admin, exact);

        assertProblem(refused, 400, "validation-failed");
        assertEquals(Set.of("padding"), errorFields(refused));
    }

    // --- list (3.2) ---

    @Test
    void listsPageByPageInNameOrder() {
        List<String> names = List.of("delta", "Alpha", "charlie", "Echo", "bravo");
        names.forEach(name -> createdId(apiKey(name)));

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Answer page = api.get(COLLECTION + "?limit=2" + (cursor == null ? "" : "&cursor=" + cursor), admin);
            assertEquals(200, page.status(), page::toString);
            page.items().forEach(item -> seen.add(((JsonObject) item).getString("name")));
            assertTrue(page.items().size() <= 2);
            cursor = page.json().getString("nextCursor");
            assertTrue(page.json().containsKey("nextCursor"));
            pages++;
        } while (cursor != null && pages < 10);

        assertEquals(List.of("Alpha", "bravo", "charlie", "delta", "Echo"), seen);
        assertEquals(3, pages);
    }

    @Test
    void listsByStatusForAdmins() {
        createdId(apiKey("On"));
        createdId(apiKey("Off").put("status", "DISABLED"));

        JsonArray disabled = api.get(COLLECTION + "?status=DISABLED", admin).items();
        assertEquals(1, disabled.size());
        assertEquals("Off", disabled.getJsonObject(0).getString("name"));
        assertEquals(0, api.get(COLLECTION + "?status=DISABLED", user).items().size());
        assertNull(api.get(COLLECTION, admin).json().getString("nextCursor"));
    }

    @Test
    void malformedQueryParametersAreValidationFailuresNamingEachParameter() {
        Answer refused = api.get(COLLECTION + "?limit=0&status=enabled&cursor=not-ours", user);

        assertProblem(refused, 400, "validation-failed");
        assertEquals(Set.of("limit", "status", "cursor"), errorFields(refused));
        assertEquals("must be an integer from 1 to 200", errorMessage(refused, "limit"));
        assertEquals(COLLECTION, refused.json().getString("instance"), "instance has no query");

        for (String limit : List.of("500", "201", "-1", "abc", "", "1.5", "9999999999999")) {
            Answer wrong = api.get(COLLECTION + "?limit=" + limit, user);
            assertProblem(wrong, 400, "validation-failed");
            assertEquals(Set.of("limit"), errorFields(wrong));
        }
        assertProblem(api.get(COLLECTION + "?limit=5&limit=6", user), 400, "validation-failed");
        assertEquals(200, api.get(COLLECTION + "?limit=200", user).status());
        assertEquals(200, api.get(COLLECTION + "?limit=1", user).status());
    }

    @Test
    void nameOrderFollowsTheComparisonKeyForEveryScript() {
        IntStream.of(3, 1, 2).forEach(i -> createdId(apiKey("통합 " + i)));
        createdId(apiKey("Émile"));

        List<String> names = new ArrayList<>();
        api.get(COLLECTION, user).items().forEach(item -> names.add(((JsonObject) item).getString("name")));

        assertEquals(List.of("Émile", "통합 1", "통합 2", "통합 3"), names);
    }
}
