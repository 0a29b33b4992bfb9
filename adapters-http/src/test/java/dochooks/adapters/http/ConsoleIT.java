package dochooks.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** How the admin console is served (issue 7): its files, their headers, and the page in the caller's language. */
class ConsoleIT {
    private static TestApi api;

    @BeforeAll
    static void start() throws Exception {
        api = TestApi.start();
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    @ParameterizedTest
    @CsvSource({"'', en", "'fr-CA,fr;q=0.8', fr", "ko-KR, ko", "de, en", "'de,ko;q=0.5', ko"})
    void thePageStartsInTheLanguageTheBrowserAsksFor(String acceptLanguage, String expected) {
        Answer page = withLanguage("/console/", acceptLanguage);

        assertEquals(200, page.status(), page::toString);
        assertEquals("text/html; charset=utf-8", page.header("Content-Type"));
        assertTrue(page.body().contains("<html lang=\"" + expected + "\">"), page::body);
        assertEquals(expected, page.header("Content-Language"));
        assertEquals("Accept-Language", page.header("Vary"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/console/", "/console/settings.json", "/console/console.css", "/console/main.js",
            "/console/connected.js"})
    void everyConsoleAnswerForbidsForeignScriptsReferrersAndFraming(String path) {
        Answer answer = api.get(path, null);

        assertEquals(200, answer.status(), answer::toString);
        assertEquals("default-src 'self'", answer.header("Content-Security-Policy"));
        assertEquals("no-referrer", answer.header("Referrer-Policy"));
        assertEquals("nosniff", answer.header("X-Content-Type-Options"));
        assertEquals("DENY", answer.header("X-Frame-Options"));
    }

    @Test
    void scriptsAreModulesOfTheirOwnMediaTypeAndRevalidated() {
        Answer script = api.get("/console/main.js", null);

        assertEquals("text/javascript; charset=utf-8", script.header("Content-Type"));
        assertEquals("no-cache", script.header("Cache-Control"));
        String etag = script.header("ETag");
        assertNotNull(etag);
        Answer again = api.send(api.request("/console/main.js", null).header("If-None-Match", etag).GET().build());
        assertEquals(304, again.status(), again::toString);
        assertEquals("", again.body());
        assertEquals("text/css; charset=utf-8", api.get("/console/console.css", null).header("Content-Type"));
    }

    @Test
    void eachLanguageOfThePageHasItsOwnValidator() {
        String english = withLanguage("/console/", "en").header("ETag");
        String french = withLanguage("/console/", "fr").header("ETag");

        assertNotNull(english);
        assertTrue(!english.equals(french), english + " " + french);
    }

    @Test
    void theSettingsCarryTheRedirectUriOfEveryOAuth2Integration() {
        Answer settings = api.get("/console/settings.json", null);

        assertEquals("application/json", settings.header("Content-Type"));
        assertEquals(TestApi.REDIRECT_URI.value(), settings.json().getString("redirectUri"));
    }

    @Test
    void theConsoleWithoutItsSlashMovesToIt() {
        Answer answer = api.get("/console", null);

        assertEquals(301, answer.status(), answer::toString);
        assertEquals("/console/", answer.header("Location"));
        assertEquals(301, api.get("/console/index.html", null).status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/console/missing.js", "/console/..%2Fopenapi.yaml", "/console/%2e%2e%2fmessages_en.properties",
            "/console/Main.js", "/console/main.java", "/console/.hidden.js", "/console/js/main.js",
            "/console/..%2F..%2FHttpApi.class"})
    void anythingButAConsoleFileIsNotFound(String path) {
        Answer answer = api.get(path, null);

        assertEquals(404, answer.status(), answer::toString);
        ProblemAssertions.assertProblem(answer, 404, "not-found");
    }

    @Test
    void theConsoleFilesCannotBeWrittenTo() {
        Answer answer = api.send(api.request("/console/main.js", null)
                .POST(HttpRequest.BodyPublishers.ofString("x")).build());

        assertEquals(405, answer.status(), answer::toString);
        assertEquals("GET", answer.header("Allow"));
    }

    @Test
    void theConnectedPageLoadsTheConsolesHandOverScriptAndNothingElse() {
        Answer page = api.get("/oauth2/connected?integrationId=x&result=authorized&confirmation=c", null);

        assertTrue(page.body().contains("<script type=\"module\" src=\"/console/connected.js\"></script>"), page::body);
        assertEquals(1, page.body().split("<script", -1).length - 1, page::body);
        assertEquals(200, api.get("/console/connected.js", null).status());
    }

    private static Answer withLanguage(String path, String acceptLanguage) {
        HttpRequest.Builder request = api.request(path, null).GET();
        if (!acceptLanguage.isEmpty()) {
            request.header("Accept-Language", acceptLanguage);
        }
        return api.send(request.build());
    }
}
