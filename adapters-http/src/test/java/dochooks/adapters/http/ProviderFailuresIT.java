package dochooks.adapters.http;

import static dochooks.adapters.http.DocumentsApi.documents;
import static dochooks.adapters.http.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dochooks.adapters.provider.testing.Fault;
import dochooks.adapters.provider.testing.TestDocumentProvider.Style;
import dochooks.adapters.provider.testing.TestIntegrations;
import dochooks.application.Caller;
import dochooks.domain.document.ProviderEndpoint;
import dochooks.domain.integration.Integration;
import io.vertx.core.json.JsonObject;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every row of api.md 5's table of provider answers, as the caller sees it: the problem type, its status, the
 * provider's status in {@code providerStatus}, and the provider's text (scrubbed) in {@code detail}.
 */
class ProviderFailuresIT {
    private static DocumentsApi docs;
    private String tenant;
    private String id;
    private String user;

    @BeforeAll
    static void start() throws Exception {
        docs = DocumentsApi.start();
    }

    @AfterAll
    static void stop() throws Exception {
        docs.close();
    }

    @BeforeEach
    void integration() {
        docs.provider.reset();
        tenant = TestApi.newTenant();
        id = docs.registerApiKey(tenant);
        user = Tokens.user(tenant, "alice");
        docs.provider.addFile("/", "file-1", "a.txt", "text/plain", "abc".getBytes(StandardCharsets.UTF_8));
    }

    /** An OAuth2 integration of the same provider, which from now on takes no API key, only bearer tokens. */
    private String oauth2Integration() {
        docs.provider.requireApiKey(null);
        return docs.registerOAuth2(tenant);
    }

    private Answer metadata() {
        return docs.get(documents(id, "metadata") + "?id=file-1", user);
    }

    // ---- 401 / 403 / 404

    @Test
    void aRefusedApiKeyIsProviderForbiddenWhetherTheProviderSays401Or403() {
        docs.provider.requireApiKey("another-key");

        Answer modern = metadata();
        docs.provider.style(Style.OLD_STYLE);
        Answer old = metadata();

        assertProblem(modern, 403, "provider-forbidden");
        assertEquals(403, modern.json().getInteger("providerStatus"));
        assertProblem(old, 403, "provider-forbidden");
        assertEquals(401, old.json().getInteger("providerStatus"));
        assertEquals(2, docs.provider.requestsTo(ProviderEndpoint.METADATA).size(), "an ApiKey refusal is not retried");
    }

    @Test
    void aMissingItemIsProviderNotFound() {
        Answer answer = docs.get(documents(id, "metadata") + "?id=nothing-here", user);

        assertProblem(answer, 404, "provider-not-found");
        assertEquals(404, answer.json().getInteger("providerStatus"));
    }

    @Test
    void aMissingFileToDownloadIsProviderNotFound() {
        assertProblem(docs.get(documents(id, "download") + "?id=nothing-here", user), 404, "provider-not-found");
    }

    // ---- provider-error

    @Test
    void anErrorStatusIsProviderErrorWithTheProvidersStatusAndText() {
        docs.provider.fault(ProviderEndpoint.METADATA, Fault.answer(500, "{\"status\":\"error\",\"error\":\"index offline\"}"));

        Answer answer = metadata();

        assertProblem(answer, 502, "provider-error");
        assertEquals(500, answer.json().getInteger("providerStatus"));
        assertEquals("index offline", answer.json().getString("detail"));
    }

    @Test
    void theProvidersTextIsTheSameInEveryLanguageWhileTheTitleIsTranslated() {
        docs.provider.fault(ProviderEndpoint.METADATA, Fault.answer(503, "{\"status\":\"error\",\"error\":\"maintenance\"}"));

        Answer french = docs.api.send(docs.api.request(documents(id, "metadata") + "?id=file-1", user)
                .header("Accept-Language", "fr").GET().build());

        assertProblem(french, 502, "provider-error");
        assertEquals("maintenance", french.json().getString("detail"));
        assertEquals("Erreur du fournisseur", french.json().getString("title"));
        assertEquals("fr", french.header("Content-Language"));
    }

    @Test
    void theProvidersTextNeverCarriesTheSecret() {
        docs.provider.fault(ProviderEndpoint.METADATA, Fault.answer(500,
                "{\"status\":\"error\",\"error\":\"bad key " + TestIntegrations.API_KEY + " for\\u0007 alice\"}"));

        Answer answer = metadata();

        assertProblem(answer, 502, "provider-error");
        assertFalse(answer.body().contains(TestIntegrations.API_KEY), answer::toString);
        assertEquals("bad key **** for alice", answer.json().getString("detail"));
    }

    @Test
    void aLongProviderTextIsCut() {
        docs.provider.fault(ProviderEndpoint.METADATA, Fault.answer(500,
                "{\"status\":\"error\",\"error\":\"" + "x".repeat(5000) + "\"}"));

        Answer answer = metadata();

        assertProblem(answer, 502, "provider-error");
        assertEquals(500, answer.json().getString("detail").length());
    }

    @Test
    void aFailureBodyWithASuccessStatusIsProviderError() {
        docs.provider.fault(ProviderEndpoint.RENAME, Fault.answer(200, "{\"status\":\"failure\",\"error\":\"file is locked\"}"));

        Answer answer = docs.post(documents(id, "rename") + "?id=file-1&name=b.txt", user);

        assertProblem(answer, 502, "provider-error");
        assertEquals(200, answer.json().getInteger("providerStatus"));
        assertEquals("file is locked", answer.json().getString("detail"));
    }

    @Test
    void anUploadTheProviderDidNotAcceptIsProviderError() {
        docs.provider.fault(ProviderEndpoint.UPLOAD, Fault.answer(200, "{\"result\":\"fail\",\"message\":\"quota exceeded\"}"));

        Answer answer = docs.api.send(docs.api.request(documents(id, "upload") + "?filename=big.bin", user)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(new byte[10_000])).build());

        assertProblem(answer, 502, "provider-error");
        assertEquals("quota exceeded", answer.json().getString("detail"));
    }

    @Test
    void anErrorWithoutTextStillSaysWhatHappened() {
        docs.provider.fault(ProviderEndpoint.METADATA, Fault.status(500));

        Answer answer = metadata();

        assertProblem(answer, 502, "provider-error");
        assertEquals(500, answer.json().getInteger("providerStatus"));
        assertEquals("The document provider reported a failure; providerStatus gives the status it answered.",
                answer.json().getString("detail"));
    }

    @Test
    void aRedirectIsNotFollowedButReported() {
        docs.provider.fault(ProviderEndpoint.METADATA, Fault.redirect(302, docs.provider.baseUrl() + "/files"));

        Answer answer = metadata();

        assertProblem(answer, 502, "provider-error");
        assertEquals(302, answer.json().getInteger("providerStatus"));
        assertTrue(docs.provider.requestsTo(ProviderEndpoint.FILES).isEmpty(), "the redirect was not followed");
    }

    // ---- provider-bad-response

    @Test
    void aBodyThatIsNotJsonIsABadResponse() {
        docs.provider.fault(ProviderEndpoint.METADATA, Fault.answer(200, "text/html", "<html>login</html>"));

        Answer answer = metadata();

        assertProblem(answer, 502, "provider-bad-response");
        assertEquals(200, answer.json().getInteger("providerStatus"));
    }

    @Test
    void anItemWithoutIdOrWithAnUnknownKindIsABadResponse() {
        docs.provider.fault(ProviderEndpoint.FILES, Fault.answer(200, "[{\"title\":\"no id\",\"kind\":\"file\"}]"), 1);
        docs.provider.fault(ProviderEndpoint.METADATA, Fault.answer(200, "{\"id\":\"x\",\"kind\":\"shortcut\"}"), 1);

        assertProblem(docs.get(documents(id, "files"), user), 502, "provider-bad-response");
        assertProblem(metadata(), 502, "provider-bad-response");
    }

    @Test
    void aJsonAnswerOver16MiBIsABadResponseNotAnOutOfMemoryError() {
        docs.provider.fault(ProviderEndpoint.FILES, Fault.endlessJson());

        Answer answer = docs.get(documents(id, "files"), user);

        assertProblem(answer, 502, "provider-bad-response");
        assertTrue(docs.provider.endlessBytesSent() < 64L * 1024 * 1024, "reading stopped near the cap");
    }

    // ---- provider-timeout

    @Test
    void aProviderThatNeverAnswersTimesOut() {
        docs.provider.fault(ProviderEndpoint.METADATA, Fault.hang());

        long started = System.nanoTime();
        Answer answer = metadata();

        assertProblem(answer, 504, "provider-timeout");
        assertNull(answer.json().getValue("providerStatus"));
        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(DocumentsApi.PROVIDER_TIMEOUT.multipliedBy(3)) < 0);
    }

    @Test
    void aProviderDrippingItsAnswerTimesOutOnTheTotalDeadline() {
        docs.provider.fault(ProviderEndpoint.METADATA, Fault.drip("{\"id\":\"file-1\",\"kind\":\"file\"}", Duration.ofMillis(200)));

        assertProblem(metadata(), 504, "provider-timeout");
    }

    @Test
    void aDownloadWhoseProviderNeverAnswersTimesOut() {
        docs.provider.fault(ProviderEndpoint.DOWNLOAD, Fault.hang());

        assertProblem(docs.get(documents(id, "download") + "?id=file-1", user), 504, "provider-timeout");
    }

    // ---- provider-unreachable

    @Test
    void aRefusedConnectionIsUnreachable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String nowhere = docs.register(tenant, apiKeyIntegration("http://127.0.0.1:" + closedPort + "/api"));

        Answer answer = docs.get(documents(nowhere, "files"), user);

        assertProblem(answer, 502, "provider-unreachable");
        assertNull(answer.json().getValue("providerStatus"));
    }

    @Test
    void aNameThatDoesNotResolveIsUnreachable() {
        String unknown = docs.register(tenant, apiKeyIntegration("http://dms.no-such-host.test/api"));

        assertProblem(docs.get(documents(unknown, "metadata") + "?id=x", user), 502, "provider-unreachable");
    }

    // ---- the state of the integration and of the caller's connection (OAuth2)

    @Test
    void anOAuth2IntegrationWithoutConnectionNeedsOneButServiceInfoDoesNot() {
        String oauth2 = oauth2Integration();

        assertProblem(docs.get(documents(oauth2, "files"), user), 409, "connection-required");
        Answer info = docs.get(documents(oauth2, "serviceInfo"), user);
        assertEquals(200, info.status(), info::toString);
        assertTrue(docs.provider.requestsTo(ProviderEndpoint.FILES).isEmpty());
    }

    @Test
    void aRefusedTokenIsRefreshedOnceAndTheCallRetried() {
        String oauth2 = oauth2Integration();
        Caller alice = DocumentsApi.caller(tenant, "alice", false);
        Integration integration = docs.integration(tenant, oauth2);
        docs.tokens.connect(alice, integration, "expired-token");
        docs.tokens.refreshIssues("fresh-token");
        docs.provider.requireBearer("fresh-token");

        Answer answer = docs.get(documents(oauth2, "files"), user);

        assertEquals(200, answer.status(), answer::toString);
        assertEquals(List.of("Bearer expired-token", "Bearer fresh-token"), docs.provider.requestsTo(ProviderEndpoint.FILES)
                .stream().map(request -> request.header("Authorization")).toList());
    }

    @Test
    void aRefusedRefreshAsksTheUserToAuthorizeAgain() {
        String oauth2 = oauth2Integration();
        Caller alice = DocumentsApi.caller(tenant, "alice", false);
        docs.tokens.connect(alice, docs.integration(tenant, oauth2), "expired-token");
        docs.tokens.refreshRefused();
        docs.provider.requireBearer("some-other-token");

        assertProblem(docs.get(documents(oauth2, "files"), user), 409, "reauthorization-required");
        assertProblem(docs.get(documents(oauth2, "files"), user), 409, "reauthorization-required");
        assertEquals(1, docs.provider.requestsTo(ProviderEndpoint.FILES).size(), "the second call is not even tried");
    }

    @Test
    void aRefusalOfTheRetryIsProviderForbidden() {
        String oauth2 = oauth2Integration();
        Caller alice = DocumentsApi.caller(tenant, "alice", false);
        docs.tokens.connect(alice, docs.integration(tenant, oauth2), "expired-token");
        docs.tokens.refreshIssues("fresh-but-refused");
        docs.provider.requireBearer("what-the-provider-wants");

        Answer answer = docs.get(documents(oauth2, "files"), user);

        assertProblem(answer, 403, "provider-forbidden");
        assertEquals(2, docs.provider.requestsTo(ProviderEndpoint.FILES).size(), "one retry, no more");
    }

    private static JsonObject apiKeyIntegration(String baseUrl) {
        return new JsonObject().put("name", "Elsewhere " + System.nanoTime()).put("baseApiUrl", baseUrl)
                .put("authType", "ApiKey").put("apiKey", TestIntegrations.API_KEY);
    }
}
