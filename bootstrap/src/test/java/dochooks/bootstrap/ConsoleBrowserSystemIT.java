package dochooks.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dochooks.adapters.persistence.DatabaseConnection;
import dochooks.adapters.persistence.testing.EmbeddedPostgresFixture;
import dochooks.adapters.provider.testing.Await;
import dochooks.adapters.provider.testing.TestDocumentProvider;
import dochooks.adapters.provider.testing.TestOAuth2Server;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * The admin console (issue 7) in headless Chromium against the whole server as bootstrap composes it, with a
 * real provider and a real OAuth2 server on loopback. Each test starts from an empty tenant of its own, so the
 * order only matters for the screenshots, taken last, of the list and the form as a reader of the README sees
 * them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserSystemIT {
    private static final String JWT_SECRET = "console-browser-test-secret-of-at-least-32-bytes";
    private static final String API_KEY = "provider-api-key-4242-wxyz";
    private static final Path SCREENSHOTS = Path.of(System.getProperty("console.screenshots",
            "target/console-screenshots"));

    private static DatabaseConnection database;
    private static DochooksServer server;
    private static Vertx vertx;
    private static TestDocumentProvider provider;
    private static TestOAuth2Server oauth;
    private static JwtTokens tokens;
    private static String baseUrl;
    private static int port;

    @TempDir
    static Path profiles;

    private ChromeDriver browser;
    private ConsolePage console;
    private String tenant;
    private String adminToken;
    private ApiClient api;

    @BeforeAll
    static void start() throws IOException {
        if (!HeadlessChromium.isInstalled()) {
            return; // each test then says why it is skipped (or fails, when the browser is required)
        }
        database = EmbeddedPostgresFixture.newDatabase();
        port = freePort();
        baseUrl = "http://127.0.0.1:" + port;
        Map<String, String> env = SystemTestEnvironment.onDatabase(database, JWT_SECRET);
        env.put("DOCHOOKS_HTTP_HOST", "127.0.0.1"); // the browser is on this machine; nothing else needs the console
        env.put("DOCHOOKS_HTTP_PORT", Integer.toString(port));
        env.put("DOCHOOKS_PUBLIC_BASE_URL", baseUrl);
        env.putAll(SystemTestEnvironment.LOOPBACK_PROVIDERS);
        env.put("DOCHOOKS_PROVIDER_TIMEOUT_MS", "8000");
        server = DochooksServer.start(Config.fromEnvironment(env));
        vertx = Vertx.vertx();
        provider = TestDocumentProvider.start(vertx);
        oauth = TestOAuth2Server.start(vertx, baseUrl + "/oauth2/callback");
        tokens = new JwtTokens(vertx, JWT_SECRET);
    }

    @AfterAll
    static void stop() {
        if (oauth != null) {
            Await.result(oauth.close());
        }
        if (provider != null) {
            Await.result(provider.close());
        }
        if (server != null) {
            server.close();
        }
        if (vertx != null) {
            Await.result(vertx.close());
        }
    }

    @BeforeEach
    void openBrowser() throws IOException {
        HeadlessChromium.requireInstalled();
        tenant = "tenant-" + System.nanoTime();
        adminToken = tokens.mint(tenant, "alice", true, Duration.ofHours(1));
        api = new ApiClient(port, adminToken);
        browser = HeadlessChromium.start(Files.createTempDirectory(profiles, "profile"), 1280, 900, "en-US,en");
        console = new ConsolePage(browser, baseUrl);
        provider.reset();
    }

    @AfterEach
    void closeBrowser() {
        if (browser == null) {
            return;
        }
        try {
            assertEquals(List.of(), HeadlessChromium.pageErrors(browser), "no script error, no policy violation");
        } finally {
            browser.quit();
        }
    }

    @Test
    @Order(1)
    void anAdminAddsAnOAuth2IntegrationThroughTheForm() {
        console.openWithToken(adminToken);
        // the page's module moves it at once; the wait only spares the test a slow machine's timing
        console.until(d -> !d.getCurrentUrl().contains("token")); // the token leaves the address bar
        console.visible("integrations-empty");

        console.openAddForm();
        console.chooseAuthType("OAuth2");
        assertEquals(baseUrl + "/oauth2/callback", console.field("redirectUri").getAttribute("value"));
        assertTrue(console.field("redirectUri").getAttribute("readonly") != null, "the redirect URI is read-only");
        assertFalse(console.field("apiKey").isDisplayed(), "ApiKey's field is hidden for OAuth2");
        console.fill(oauth2Fields("Acme DMS"));
        console.saveAndReturnToList();

        assertEquals("OAuth2", console.cell("Acme DMS", "auth-type"));
        assertEquals("Enabled", console.cell("Acme DMS", "status"));
        JsonObject stored = onlyIntegration();
        assertEquals("Acme DMS", stored.getString("name"));
        assertEquals(oauth.tokenUrl(), stored.getString("tokenEndpointUrl"));
        assertEquals("••••" + TestOAuth2Server.CLIENT_SECRET.substring(TestOAuth2Server.CLIENT_SECRET.length() - 4),
                stored.getString("clientSecretHint"));
    }

    @Test
    @Order(2)
    void anAdminAddsAnApiKeyIntegrationAndTestsItsConnection() {
        provider.requireApiKey(API_KEY);
        console.openWithToken(adminToken).openAddForm();
        console.chooseAuthType("ApiKey");
        assertFalse(console.isShown("field-clientSecret"), "OAuth2's fields are hidden for ApiKey");
        assertFalse(console.isShown("field-redirectUri"));
        console.fill(apiKeyFields("Coffre à documents"));
        console.saveAndReturnToList();

        assertEquals("ApiKey", console.cell("Coffre à documents", "auth-type"));
        console.edit("Coffre à documents");
        console.byId("form-test").click();
        WebElement report = console.until(d -> {
            WebElement found = console.byId("test-report");
            return found.findElements(By.cssSelector("li.check")).size() >= 3 ? found : null;
        });
        assertEquals("true", report.findElement(By.cssSelector("li.check[data-check='files']")).getAttribute("data-ok"),
                report::getText);
        assertEquals("true", report.findElement(By.cssSelector("li.check[data-check='serviceInfo']"))
                .getAttribute("data-ok"), report::getText);
    }

    @Test
    @Order(3)
    void aValidationProblemAppearsNextToItsFieldAndNothingIsSaved() {
        console.openWithToken(adminToken).openAddForm();
        console.fill(apiKeyFields("Broken"));
        console.type("baseApiUrl", "ftp://dms.example.com/api");
        console.save();

        String message = console.errorOf("baseApiUrl");
        assertFalse(message.isBlank());
        assertEquals("true", console.field("baseApiUrl").getAttribute("aria-invalid"));
        assertFalse(console.isShown("error-name"), "only the field at fault shows an error");
        assertEquals(0, integrations().size(), "nothing was created");

        console.chooseLanguage("fr");
        console.save();
        console.until(d -> !console.errorOf("baseApiUrl").equals(message) ? true : null);
        assertEquals(frenchProblemFor("baseApiUrl", apiKeyFields("Broken"), "ftp://dms.example.com/api"),
                console.errorOf("baseApiUrl"), "the API's own message, in the console's language");
    }

    @Test
    @Order(4)
    void anAdminTurnsAnIntegrationOffAndOnAgain() {
        String id = create(apiKeyBody("Shared drive"));
        console.openWithToken(adminToken);
        WebElement toggle = console.row("Shared drive").findElement(By.cssSelector("button.toggle"));
        assertEquals("true", toggle.getAttribute("aria-checked"));

        toggle.click();
        console.until(d -> console.cell("Shared drive", "status").equals("Disabled"));
        assertEquals("DISABLED", status(id));
        assertEquals("false", console.row("Shared drive").findElement(By.cssSelector("button.toggle"))
                .getAttribute("aria-checked"));

        console.row("Shared drive").findElement(By.cssSelector("button.toggle")).click();
        console.until(d -> console.cell("Shared drive", "status").equals("Enabled"));
        assertEquals("ENABLED", status(id));
    }

    @Test
    @Order(5)
    void anEditKeepsTheStoredSecretUnlessANewOneIsTyped() {
        provider.requireApiKey(API_KEY);
        String id = create(apiKeyBody("Archive"));
        console.openWithToken(adminToken).edit("Archive");

        assertEquals("", console.field("apiKey").getAttribute("value"), "the secret is never shown back");
        assertTrue(console.byId("hint-apiKey").getText().contains("••••wxyz"), console.byId("hint-apiKey").getText());
        console.type("name", "Archive 2026");
        console.saveAndReturnToList();

        JsonObject stored = get(id);
        assertEquals("Archive 2026", stored.getString("name"));
        assertEquals(2, stored.getInteger("version"));
        HttpResponse<String> files = api.get("/api/v1/integrations/" + id + "/documents/files?parentId=%2F");
        assertEquals(200, files.statusCode(), "the provider still accepts the key kept from before: " + files.body());
    }

    @Test
    @Order(6)
    void editingAVersionThatChangedMeanwhileSaysSoInsteadOfOverwriting() {
        String id = create(apiKeyBody("Contracts"));
        console.openWithToken(adminToken).edit("Contracts");
        HttpResponse<String> meanwhile = api.put("/api/v1/integrations/" + id,
                apiKeyBody("Contracts (renamed elsewhere)").put("apiKey", API_KEY).encode(), "\"1\"");
        assertEquals(200, meanwhile.statusCode(), meanwhile.body());

        console.type("name", "Contracts (mine)");
        console.save();

        WebElement error = console.visible("form-error");
        assertFalse(error.getText().isBlank());
        assertFalse(error.getText().contains("412"), "said in words, not as a code: " + error.getText());
        assertEquals("Contracts (renamed elsewhere)", get(id).getString("name"));
    }

    @Test
    @Order(7)
    void aUserConnectsInOneClickAndDisconnects() {
        String id = create(oauth2Body("Team drive"));
        String bob = tokens.mint(tenant, "bob", false, Duration.ofHours(1));
        console.openWithToken(bob);
        assertFalse(console.isShown("integrations-view"), "a user without the admin role sees no registry");
        assertEquals("Not connected", console.connectionState("Team drive"));
        String consoleWindow = browser.getWindowHandle();

        console.connection("Team drive").findElement(By.cssSelector("button.connect")).click();

        console.until(d -> console.connectionState("Team drive").equals("Connected"));
        console.until(d -> d.getWindowHandles().size() == 1); // the popup closed itself
        browser.switchTo().window(consoleWindow);
        HttpResponse<String> state = new ApiClient(port, bob).get("/api/v1/integrations/" + id + "/connection");
        assertEquals("CONNECTED", new JsonObject(state.body()).getString("state"));
        assertEquals(1, oauth.tokenCalls("authorization_code"), "the console confirmed once");

        console.connection("Team drive").findElement(By.cssSelector("button.disconnect")).click();
        console.until(d -> console.connectionState("Team drive").equals("Not connected"));
        state = new ApiClient(port, bob).get("/api/v1/integrations/" + id + "/connection");
        assertEquals("NOT_CONNECTED", new JsonObject(state.body()).getString("state"));
    }

    @Test
    @Order(8)
    void theLabelsAreTheProductsOwnTermsInFrenchAndKorean() {
        console.openWithToken(adminToken).openAddForm();
        console.chooseAuthType("OAuth2");
        List<String> fields = List.of("name", "baseApiUrl", "requestParameters", "authType", "authenticationUrl",
                "tokenEndpointUrl", "clientId", "clientSecret", "redirectUri");

        console.chooseLanguage("fr");
        assertEquals(List.of("Nom", "URL API de base", "Paramètres de requête", "Type d'authentification",
                "URL d'authentification", "URL de jeton de point d'entrée", "ID client", "Clé secrète client",
                "URI de redirection"), fields.stream().map(console::labelOf).toList());
        console.chooseAuthType("ApiKey");
        assertEquals("ApiKey", console.labelOf("apiKey"));

        console.chooseLanguage("ko");
        console.chooseAuthType("OAuth2");
        assertEquals(List.of("이름", "기본 API URL", "요청 매개 변수", "인증 유형", "인증 URL", "토큰 엔드포인트 URL",
                "클라이언트 ID", "클라이언트 암호", "리디렉션 URI"), fields.stream().map(console::labelOf).toList());
        console.chooseAuthType("ApiKey");
        assertEquals("API 키", console.labelOf("apiKey"));

        console.chooseLanguage("en");
        assertEquals("Base API URL", console.labelOf("baseApiUrl"));
    }

    @Test
    @Order(9)
    void theConsoleStartsInTheBrowsersLanguage() throws IOException {
        browser.quit();
        browser = HeadlessChromium.start(Files.createTempDirectory(profiles, "profile"), 1280, 900, "ko-KR,ko");
        console = new ConsolePage(browser, baseUrl);

        console.openWithToken(adminToken).openAddForm();

        assertEquals("ko", browser.findElement(By.tagName("html")).getAttribute("lang"));
        assertEquals("이름", console.labelOf("name"));
    }

    @Test
    @Order(10)
    void withoutATokenThePageAsksForOneAndKeepsItForTheTabOnly() {
        console.open();
        console.visible("token-view");
        console.byId("token-input").sendKeys("not-a-token");
        console.byId("token-submit").click();
        assertFalse(console.visible("token-error").getText().isBlank(), "a refused token is said so");

        console.byId("token-input").clear();
        console.byId("token-input").sendKeys(adminToken);
        console.byId("token-submit").click();
        console.visible("integrations-empty");
        assertEquals(adminToken, console.script("return sessionStorage.getItem('dochooks.token')"));
        assertEquals(0L, console.script("return localStorage.length + document.cookie.length"),
                "the token is kept nowhere but in the tab");

        browser.switchTo().newWindow(WindowType.TAB);
        console.open();
        console.visible("token-view");
    }

    @Test
    @Order(11)
    void namesAreShownAsTextNeverAsMarkup() {
        String hostile = "<img src=x id=injected> & <b>bold</b>";
        create(apiKeyBody(hostile));
        console.openWithToken(adminToken);

        assertEquals(hostile, console.cell(hostile, "name"));
        assertTrue(browser.findElements(By.id("injected")).isEmpty());
        assertTrue(browser.findElements(By.cssSelector("#integrations-table b")).isEmpty());
    }

    @Test
    @Order(12)
    void everyFieldHasALabelTheFormTakesTheFocusAndANarrowScreenNeedsNoSideways() throws IOException {
        create(oauth2Body("Acme DMS"));
        console.openWithToken(adminToken).openAddForm();
        assertEquals(0L, console.script("return [...document.querySelectorAll('input, select, textarea')]"
                + ".filter(e => e.type !== 'hidden' && e.labels.length === 0 && !e.getAttribute('aria-label')).length"));
        assertEquals("form-title", browser.switchTo().activeElement().getAttribute("id"), "the form takes the focus");

        browser.manage().window().setSize(new org.openqa.selenium.Dimension(380, 800));
        assertEquals(true, console.script("return document.documentElement.scrollWidth <= window.innerWidth"));
        console.byId("form-cancel").click();
        console.row("Acme DMS");
        assertEquals(true, console.script("return document.documentElement.scrollWidth <= window.innerWidth"));
        console.screenshot(SCREENSHOTS, "console-list-narrow");
    }

    @Test
    @Order(13)
    void anAdminAddsAnIntegrationWithTheKeyboardAlone() {
        console.openWithToken(adminToken);
        console.visible("integrations-empty");
        Actions keyboard = new Actions(browser);
        console.byId("add-integration").sendKeys(Keys.ENTER);
        console.until(d -> "form-title".equals(d.switchTo().activeElement().getAttribute("id")));

        keyboard.sendKeys(Keys.TAB).sendKeys("Keyboard drive").perform();
        assertEquals("field-name", focused());
        keyboard.sendKeys(Keys.TAB).sendKeys(provider.baseUrl()).perform();
        keyboard.sendKeys(Keys.TAB).perform();
        assertEquals("field-requestParameters", focused());
        keyboard.sendKeys(Keys.TAB).sendKeys("A").perform(); // a closed select takes the option starting with A
        assertEquals("field-authType", focused());
        keyboard.sendKeys(Keys.TAB).sendKeys(API_KEY).perform();
        assertEquals("field-apiKey", focused());
        keyboard.sendKeys(Keys.ENTER).perform();

        assertEquals("ApiKey", console.cell("Keyboard drive", "auth-type"));
        assertEquals(1, integrations().size());
    }

    private String focused() {
        return browser.switchTo().activeElement().getAttribute("id");
    }

    @Test
    @Order(14)
    void everyViewPassesTheWcagRulesOfAxeInEnglishAndKorean() {
        create(oauth2Body("Acme DMS"));
        String disabled = create(apiKeyBody("Old archive"));
        api.post("/api/v1/integrations/" + disabled + "/disable");
        Map<String, List<String>> violations = new LinkedHashMap<>();

        console.open();
        console.visible("token-view");
        violations.put("token view", AccessibilityAudit.violations(browser));
        console.openWithToken(adminToken);
        console.row("Old archive");
        violations.put("list", AccessibilityAudit.violations(browser));
        console.openAddForm();
        console.chooseAuthType("OAuth2");
        violations.put("OAuth2 form", AccessibilityAudit.violations(browser));
        console.chooseAuthType("ApiKey");
        console.save();
        console.errorOf("name");
        violations.put("form with errors", AccessibilityAudit.violations(browser));
        console.chooseLanguage("ko");
        violations.put("Korean form with errors", AccessibilityAudit.violations(browser));
        console.byId("form-cancel").click();
        console.row("Old archive");
        violations.put("Korean list", AccessibilityAudit.violations(browser));
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(380, 800));
        violations.put("narrow Korean list", AccessibilityAudit.violations(browser));
        browser.get(baseUrl + "/oauth2/connected");
        violations.put("the page the provider returns to", AccessibilityAudit.violations(browser));

        violations.values().removeIf(List::isEmpty);
        assertEquals(Map.of(), violations);
    }

    @Test
    @Order(15)
    void screenshotsOfTheListAndTheFormForTheReadme() throws IOException {
        create(oauth2Body("Acme DMS"));
        create(apiKeyBody("Coffre à documents"));
        String disabled = create(apiKeyBody("Old archive"));
        api.post("/api/v1/integrations/" + disabled + "/disable");
        console.openWithToken(adminToken);
        console.row("Old archive");
        Path list = console.screenshot(SCREENSHOTS, "console-list");

        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1500)); // the whole form
        console.edit("Acme DMS");
        Path form = console.screenshot(SCREENSHOTS, "console-form");
        console.chooseLanguage("ko");
        console.screenshot(SCREENSHOTS, "console-form-ko");

        assertTrue(Files.size(list) > 10_000 && Files.size(form) > 10_000, "real pictures");
    }

    // --- the API side of the story

    private Map<String, String> oauth2Fields(String name) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("authType", "OAuth2");
        fields.put("name", name);
        fields.put("baseApiUrl", provider.baseUrl());
        fields.put("requestParameters", "access_type=offline");
        fields.put("authenticationUrl", oauth.authorizationUrl());
        fields.put("tokenEndpointUrl", oauth.tokenUrl());
        fields.put("clientId", TestOAuth2Server.CLIENT_ID);
        fields.put("clientSecret", TestOAuth2Server.CLIENT_SECRET);
        return fields;
    }

    private static Map<String, String> apiKeyFields(String name) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("authType", "ApiKey");
        fields.put("name", name);
        fields.put("baseApiUrl", provider.baseUrl());
        fields.put("apiKey", API_KEY);
        return fields;
    }

    private static JsonObject apiKeyBody(String name) {
        return new JsonObject().put("name", name).put("baseApiUrl", provider.baseUrl()).put("authType", "ApiKey")
                .put("apiKey", API_KEY);
    }

    private static JsonObject oauth2Body(String name) {
        return new JsonObject().put("name", name).put("baseApiUrl", provider.baseUrl()).put("authType", "OAuth2")
                .put("authenticationUrl", oauth.authorizationUrl()).put("tokenEndpointUrl", oauth.tokenUrl())
                .put("clientId", TestOAuth2Server.CLIENT_ID).put("clientSecret", TestOAuth2Server.CLIENT_SECRET);
    }

    private String create(JsonObject body) {
        HttpResponse<String> created = api.post("/api/v1/integrations", body.encode());
        assertEquals(201, created.statusCode(), created.body());
        return new JsonObject(created.body()).getString("id");
    }

    private JsonObject get(String id) {
        return new JsonObject(api.get("/api/v1/integrations/" + id).body());
    }

    private String status(String id) {
        return get(id).getString("status");
    }

    private JsonArray integrations() {
        return new JsonObject(api.get("/api/v1/integrations").body()).getJsonArray("items");
    }

    private JsonObject onlyIntegration() {
        JsonArray items = integrations();
        assertEquals(1, items.size(), items::encode);
        return get(items.getJsonObject(0).getString("id"));
    }

    /** What the API itself says, in French, about {@code field} for that form with {@code baseApiUrl} replaced. */
    private String frenchProblemFor(String field, Map<String, String> fields, String baseApiUrl) {
        JsonObject body = new JsonObject();
        fields.forEach(body::put);
        body.put("baseApiUrl", baseApiUrl);
        HttpResponse<String> refused = api.withLanguage("fr").post("/api/v1/integrations", body.encode());
        assertEquals(400, refused.statusCode(), refused.body());
        JsonArray errors = new JsonObject(refused.body()).getJsonArray("errors");
        for (int i = 0; i < errors.size(); i++) {
            if (errors.getJsonObject(i).getString("field").equals(field)) {
                String message = errors.getJsonObject(i).getString("message");
                assertNotEquals("", message);
                return message;
            }
        }
        throw new AssertionError("no error for " + field + ": " + refused.body());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
