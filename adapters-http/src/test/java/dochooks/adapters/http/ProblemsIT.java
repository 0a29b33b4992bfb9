package dochooks.adapters.http;

import static dochooks.adapters.http.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dochooks.application.error.DatabaseUnavailableException;
import dochooks.application.integration.service.GetIntegrationService;
import dochooks.application.integration.service.ListIntegrationsService;
import dochooks.application.testing.InMemoryIntegrationStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Problems that do not belong to one operation: the router's 404 and 405, the HTTP decoder's 414 and
 * 431, request ids, languages, and the mapping of an unavailable database and of a bug.
 */
class ProblemsIT {
    private static final String COLLECTION = "/api/v1/integrations";
    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private static TestApi api;

    @BeforeAll
    static void start() throws Exception {
        api = TestApi.start();
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    private static String adminToken() {
        return Tokens.admin(TestApi.newTenant(), "alice");
    }

    // --- routing ---

    @Test
    void anUnknownPathIsNotFoundWithThePathWithoutQueryAsInstance() {
        Answer answer = api.get("/nowhere/at/all?secret=x", null);

        assertProblem(answer, 404, "not-found");
        assertEquals("/nowhere/at/all", answer.json().getString("instance"));
        assertEquals("There is nothing at this address.", answer.json().getString("detail"));
        assertFalse(answer.body().contains("secret"));
    }

    @Test
    void aKnownPathWithAnotherMethodIsNotAllowedAndSaysWhatIs() {
        Answer collection = api.send(api.request(COLLECTION, null).method("PATCH", HttpRequest.BodyPublishers.noBody()).build());
        assertProblem(collection, 405, "method-not-allowed");
        assertEquals(Set.of("GET", "POST"), methods(collection.header("Allow")));

        Answer one = api.send(api.request(COLLECTION + "/" + UUID.randomUUID(), null)
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertProblem(one, 405, "method-not-allowed");
        assertEquals(Set.of("GET", "PUT", "DELETE"), methods(one.header("Allow")));

        Answer enable = api.get(COLLECTION + "/" + UUID.randomUUID() + "/enable", adminToken());
        assertEquals(Set.of("POST"), methods(enable.header("Allow")));

        Answer metrics = api.delete("/metrics", null);
        assertProblem(metrics, 405, "method-not-allowed");
        assertEquals(Set.of("GET"), methods(metrics.header("Allow")));
    }

    private static Set<String> methods(String allow) {
        assertNotNull(allow, "Allow header");
        return Arrays.stream(allow.split(",")).map(String::trim).collect(Collectors.toSet());
    }

    // --- the HTTP decoder's refusals ---

    @Test
    void aRequestLineOver16KiBIsUriTooLongAsAProblem() throws Exception {
        String path = "/api/v1/integrations?parentId=" + "a".repeat(HttpApi.MAX_REQUEST_LINE);

        Answer answer = RawHttp.exchange(api.port(), "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "X-Request-Id: long-line-1\r\nAccept-Language: fr\r\n\r\n");

        assertProblem(answer, 414, "uri-too-long");
        assertNull(answer.json().getString("instance"), "the path was never read");
        assertNotNull(answer.json().getString("detail"));
        assertNotNull(answer.header("X-Request-Id"));
        assertEquals("close", answer.header("Connection"));
    }

    @Test
    void aRequestLineJustUnder16KiBIsRead() throws Exception {
        String requestLineStart = "GET /nowhere?q=";
        String requestLineEnd = " HTTP/1.1";
        String padding = "a".repeat(HttpApi.MAX_REQUEST_LINE - requestLineStart.length() - requestLineEnd.length());

        Answer answer = RawHttp.exchange(api.port(), requestLineStart + padding + requestLineEnd
                + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

        assertProblem(answer, 404, "not-found");
        assertEquals("/nowhere", answer.json().getString("instance"));
    }

    @Test
    void headersOver16KiBAreHeadersTooLargeAsAProblem() throws Exception {
        Answer answer = RawHttp.exchange(api.port(), "GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "X-Padding: " + "p".repeat(HttpApi.MAX_HEADERS) + "\r\n\r\n");

        assertProblem(answer, 431, "headers-too-large");
        assertEquals("/health/live", answer.json().getString("instance"));
        assertEquals("close", answer.header("Connection"));
    }

    @Test
    void aKoreanItemIdOfMaximalLengthFitsTheRequestLine() {
        String koreanId = java.net.URLEncoder.encode("한".repeat(255), java.nio.charset.StandardCharsets.UTF_8);

        Answer answer = api.get("/nowhere?id=" + koreanId, null);

        assertProblem(answer, 404, "not-found");
    }

    @Test
    void whatVertxCannotReadIsAMalformedRequestNotABug() throws Exception {
        Answer noHost = RawHttp.exchange(api.port(), "GET /health/live HTTP/1.1\r\nConnection: close\r\n\r\n");
        assertProblem(noHost, 400, "malformed-request");

        Answer undecodableQuery = RawHttp.exchange(api.port(), "GET " + COLLECTION + "?limit=%zz HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\nConnection: close\r\nAuthorization: Bearer " + adminToken() + "\r\n\r\n");
        assertProblem(undecodableQuery, 400, "malformed-request");
        assertEquals(COLLECTION, undecodableQuery.json().getString("instance"));

        Answer garbage = RawHttp.exchange(api.port(), "NOT HTTP AT ALL\r\n\r\n");
        assertProblem(garbage, 400, "malformed-request");
    }

    // --- request ids ---

    @Test
    void aWellFormedRequestIdIsEchoedOnSuccessAndOnProblems() {
        String id = "Abc-123._:xyz";
        assertEquals(id, api.send(api.request("/health/live", null).header("X-Request-Id", id).GET().build())
                .header("X-Request-Id"));
        assertEquals(id, api.send(api.request(COLLECTION, null).header("X-Request-Id", id).GET().build())
                .header("X-Request-Id"));
        String longest = "r".repeat(128);
        assertEquals(longest, api.send(api.request("/nowhere", null).header("X-Request-Id", longest).GET().build())
                .header("X-Request-Id"));
    }

    @Test
    void aMissingOrMalformedRequestIdIsReplacedByANewOne() {
        for (String sent : List.of("has space", "x".repeat(129), "semi;colon", "é")) {
            String answered = api.send(api.request("/health/live", null).header("X-Request-Id", sent).GET().build())
                    .header("X-Request-Id");
            assertTrue(answered.matches(UUID_PATTERN), () -> sent + " -> " + answered);
        }
        String first = api.get("/health/live", null).header("X-Request-Id");
        String second = api.get("/health/live", null).header("X-Request-Id");
        assertTrue(first.matches(UUID_PATTERN));
        assertNotEquals(first, second);
    }

    // --- languages ---

    @Test
    void problemsAreWrittenInFrenchOrKoreanWhenPreferred() {
        Answer french = api.send(api.request(COLLECTION + "/" + UUID.randomUUID(), adminToken())
                .header("Accept-Language", "fr-CH, fr;q=0.9, en;q=0.8").GET().build());
        assertProblem(french, 404, "integration-not-found");
        assertEquals("fr", french.header("Content-Language"));
        assertTrue(french.header("Vary").contains("Accept-Language"));
        assertEquals("Intégration introuvable", french.json().getString("title"));

        Answer korean = api.send(api.request(COLLECTION + "/" + UUID.randomUUID(), adminToken())
                .header("Accept-Language", "fr;q=0.4, ko;q=0.9").GET().build());
        assertEquals("ko", korean.header("Content-Language"));
        assertEquals("통합을 찾을 수 없음", korean.json().getString("title"));

        Answer english = api.send(api.request(COLLECTION + "/" + UUID.randomUUID(), adminToken())
                .header("Accept-Language", "de, ja;q=0.5").GET().build());
        assertEquals("en", english.header("Content-Language"));
        assertEquals("Integration not found", english.json().getString("title"));
    }

    @Test
    void validationMessagesAreTranslatedWithTheirArguments() {
        JsonObject body = new JsonObject().put("baseApiUrl", "http://plain.example").put("authType", "ApiKey")
                .put("apiKey", "k").put("authenticationUrl", "https://x.example/auth");

        Answer korean = api.send(api.request(COLLECTION, adminToken()).header("Content-Type", "application/json")
                .header("Accept-Language", "ko-KR").POST(HttpRequest.BodyPublishers.ofString(body.encode())).build());
        assertProblem(korean, 400, "validation-failed");
        assertEquals("ko", korean.header("Content-Language"));
        assertEquals("필수 항목입니다", message(korean, "name"));
        assertEquals("https 스킴을 사용해야 합니다", message(korean, "baseApiUrl"));
        assertEquals("authType이 ApiKey인 경우에는 사용할 수 없습니다", message(korean, "authenticationUrl"));

        Answer french = api.send(api.request(COLLECTION, adminToken()).header("Content-Type", "application/json")
                .header("Accept-Language", "fr").POST(HttpRequest.BodyPublishers.ofString(body.encode())).build());
        assertEquals("est obligatoire", message(french, "name"));
        assertEquals("n’est pas autorisé lorsque authType vaut ApiKey", message(french, "authenticationUrl"));
    }

    private static String message(Answer answer, String field) {
        return answer.json().getJsonArray("errors").stream().map(JsonObject.class::cast)
                .filter(error -> field.equals(error.getString("field")))
                .map(error -> error.getString("message")).findFirst().orElseThrow();
    }

    // --- failures of the layers below ---

    @Test
    void anUnavailableDatabaseIsA503WithRetryAfter() throws Exception {
        InMemoryIntegrationStore store = new InMemoryIntegrationStore();
        IntegrationUseCases healthy = TestApi.useCases(store);
        IntegrationUseCases failing = new IntegrationUseCases(healthy.register(),
                new ListIntegrationsService((tenant, status, after, limit) ->
                        Future.failedFuture(new DatabaseUnavailableException("connection refused to db.internal:5432"))),
                new GetIntegrationService((tenant, id) ->
                        Future.failedFuture(new DatabaseUnavailableException("pool exhausted"))),
                healthy.replace(), healthy.changeStatus(), healthy.delete());
        try (TestApi away = TestApi.start(failing, List.of())) {
            String token = Tokens.user(TestApi.newTenant(), "bob");
            for (String path : List.of(COLLECTION, COLLECTION + "/" + UUID.randomUUID())) {
                Answer answer = away.get(path, token);
                assertProblem(answer, 503, "database-unavailable");
                assertTrue(Integer.parseInt(answer.header("Retry-After")) > 0);
                assertFalse(answer.body().contains("db.internal"));
                assertFalse(answer.body().contains("pool"));
            }
        }
    }

    @Test
    void aBugIsAnInternalErrorWithoutDetail() throws Exception {
        InMemoryIntegrationStore store = new InMemoryIntegrationStore();
        IntegrationUseCases healthy = TestApi.useCases(store);
        IntegrationUseCases buggy = new IntegrationUseCases(healthy.register(), healthy.list(),
                (caller, id) -> {
                    throw new IllegalStateException("boom at secret place");
                },
                healthy.replace(), healthy.changeStatus(), healthy.delete());
        try (TestApi broken = TestApi.start(buggy, List.of())) {
            Answer answer = broken.send(broken.request(COLLECTION + "/" + UUID.randomUUID(),
                    Tokens.user(TestApi.newTenant(), "bob")).header("X-Request-Id", "bug-1").GET().build());

            assertProblem(answer, 500, "internal-error");
            assertFalse(answer.json().containsKey("detail"));
            assertFalse(answer.body().contains("boom"));
            assertFalse(answer.body().contains("Exception"));
            assertEquals("bug-1", answer.header("X-Request-Id"));
        }
    }
}
