package dochooks.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dochooks.adapters.persistence.DatabaseConnection;
import dochooks.adapters.persistence.EncryptionKeys;
import dochooks.adapters.persistence.testing.EmbeddedPostgresFixture;
import dochooks.adapters.provider.testing.Await;
import dochooks.adapters.provider.testing.TestDocumentProvider;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Metrics and logs of whole servers as bootstrap composes them (api.md 7, issue 6 points 2 and 3): two instances
 * on one database, the second with {@code DOCHOOKS_METRICS_PER_INTEGRATION=true}; {@code /metrics} scraped, the
 * JSON log lines read back, and every secret the test used searched for in them.
 */
class ObservabilitySystemIT {
    private static final String JWT_SECRET = "observability-system-test-secret-" + UUID.randomUUID();
    private static final String API_KEY = "observability-api-key-" + UUID.randomUUID();
    private static final String CALLBACK_CODE = "callback-code-" + UUID.randomUUID();
    private static final String CALLBACK_STATE = "callback-state-" + UUID.randomUUID();

    private static CapturedOutput output;
    private static String encryptionKeys;
    private static DochooksServer aggregated;
    private static DochooksServer perIntegration;
    private static Vertx vertx;
    private static TestDocumentProvider provider;
    private static JwtTokens tokens;

    @BeforeAll
    static void start() {
        output = CapturedOutput.install();
        DatabaseConnection database = EmbeddedPostgresFixture.newDatabase();
        encryptionKeys = EncryptionKeys.generate().format();
        Map<String, String> env = SystemTestEnvironment.onDatabase(database, JWT_SECRET);
        env.put("DOCHOOKS_ENCRYPTION_KEYS", encryptionKeys);
        env.putAll(SystemTestEnvironment.LOOPBACK_PROVIDERS);
        env.put("DOCHOOKS_PROVIDER_TIMEOUT_MS", "3000");
        aggregated = DochooksServer.start(Config.fromEnvironment(env));
        env.put("DOCHOOKS_METRICS_PER_INTEGRATION", "true");
        perIntegration = DochooksServer.start(Config.fromEnvironment(env));
        vertx = Vertx.vertx();
        provider = TestDocumentProvider.start(vertx);
        provider.requireApiKey(API_KEY);
        tokens = new JwtTokens(vertx, JWT_SECRET);
    }

    @AfterAll
    static void stop() {
        try {
            if (perIntegration != null) {
                perIntegration.close();
            }
            if (aggregated != null) {
                aggregated.close();
            }
            if (vertx != null) {
                Await.result(vertx.close());
            }
        } finally {
            if (output != null) {
                output.close();
            }
        }
    }

    @Test
    void metricsLogsAndNoSecretInEither() throws InterruptedException {
        String tenant = "observed-" + UUID.randomUUID();
        String adminToken = tokens.mint(tenant, "root", true, Duration.ofMinutes(10));
        String userToken = tokens.mint(tenant, "alice", false, Duration.ofMinutes(10));
        String id = register(new ApiClient(aggregated.port(), adminToken));
        String files = "/api/v1/integrations/" + id + "/documents/files";

        assertEquals(200, new ApiClient(aggregated.port(), userToken).get(files).statusCode());
        assertEquals(200, new ApiClient(perIntegration.port(), userToken).get(files).statusCode());
        HttpResponse<String> callback = new ApiClient(aggregated.port(), null)
                .get("/oauth2/callback?code=" + CALLBACK_CODE + "&state=" + CALLBACK_STATE);
        assertTrue(callback.statusCode() >= 300, "a callback nobody started is not accepted");

        String plain = scrape(aggregated);
        assertTrue(plain.contains("dochooks_http_requests_total{method=\"GET\","
                + "route=\"/api/v1/integrations/{id}/documents/files\",status=\"200\"}"), plain);
        assertTrue(plain.contains("dochooks_http_request_duration_seconds_bucket{method=\"GET\","
                + "route=\"/api/v1/integrations/{id}/documents/files\",status=\"200\",le=\"+Inf\"} 1"), plain);
        assertTrue(plain.contains("dochooks_provider_calls_total{endpoint=\"files\",outcome=\"ok\"} 1"), plain);
        assertTrue(plain.contains("dochooks_provider_call_duration_seconds_count{endpoint=\"files\",outcome=\"ok\"}"),
                plain);
        assertTrue(plain.contains("dochooks_provider_circuit_breakers{state=\"closed\"} 1"), plain);
        assertTrue(plain.contains("dochooks_provider_circuit_breakers{state=\"open\"} 0"), plain);
        // the database pool, as Vert.x reports it
        assertTrue(plain.lines().anyMatch(line -> line.startsWith("vertx_pool_") && line.contains("pool_type=\"sql\"")),
                plain);
        assertFalse(plain.contains(id), "no integration id without the opt-in");
        assertFalse(plain.contains(tenant), "never a tenant");

        String optedIn = awaitScrape(perIntegration, "dochooks_provider_circuit_breaker_state{integration=\"" + id
                + "\",state=\"closed\"} 1");
        assertTrue(optedIn.contains("dochooks_provider_calls_total{endpoint=\"files\",integration=\"" + id
                + "\",outcome=\"ok\"} 1"), optedIn);
        assertFalse(optedIn.contains(tenant), "never a tenant");

        List<JsonObject> lines = jsonLogLines(output.text());
        JsonObject request = lines.stream()
                .filter(line -> "/api/v1/integrations/{id}/documents/files".equals(line.getString("route")))
                .findFirst().orElseThrow(() -> new AssertionError("no request line: " + lines));
        assertEquals(tenant, request.getString("tenant"));
        assertEquals(200, request.getInteger("status"));
        assertEquals("GET", request.getString("method"));
        assertTrue(request.getString("requestId").length() > 0, request::encode);
        assertTrue(request.getLong("durationMs") >= 0, request::encode);
        JsonObject providerCall = lines.stream().filter(line -> id.equals(line.getString("integrationId")))
                .findFirst().orElseThrow(() -> new AssertionError("no provider call line: " + lines));
        assertEquals("files", providerCall.getString("endpoint"));
        assertEquals("ok", providerCall.getString("outcome"));
        assertTrue(providerCall.getLong("durationMs") >= 0, providerCall::encode);
        assertTrue(lines.stream().anyMatch(line -> "/oauth2/callback".equals(line.getString("route"))), "callback line");

        String logs = output.text();
        List<String> secrets = List.of(JWT_SECRET, API_KEY, adminToken, userToken, CALLBACK_CODE, CALLBACK_STATE,
                encryptionKeys);
        assertEquals(List.of(), secrets.stream().filter(logs::contains).toList(), "secrets in the log output");
        assertEquals(List.of(), secrets.stream().filter(s -> plain.contains(s) || optedIn.contains(s)).toList(),
                "secrets in the metrics");
    }

    private static String register(ApiClient admin) {
        JsonObject integration = new JsonObject().put("name", "Observed " + System.nanoTime())
                .put("baseApiUrl", provider.baseUrl()).put("authType", "ApiKey").put("apiKey", API_KEY);
        HttpResponse<String> created = admin.post("/api/v1/integrations", integration.encode());
        assertEquals(201, created.statusCode(), created.body());
        return new JsonObject(created.body()).getString("id");
    }

    private static String scrape(DochooksServer server) {
        HttpResponse<String> metrics = new ApiClient(server.port(), null).get("/metrics");
        assertEquals(200, metrics.statusCode());
        return metrics.body();
    }

    /** Scrapes until {@code expected} appears (per-integration gauges are refreshed each second), at most 10 s. */
    private static String awaitScrape(DochooksServer server, String expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String text = scrape(server);
        while (!text.contains(expected) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            text = scrape(server);
        }
        assertTrue(text.contains(expected), text);
        return text;
    }

    /** The lines of the output that are JSON objects: the servers' log lines (and nothing else). */
    private static List<JsonObject> jsonLogLines(String text) {
        List<JsonObject> lines = new ArrayList<>();
        text.lines().filter(line -> line.startsWith("{")).forEach(line -> parse(line).ifPresent(lines::add));
        return lines;
    }

    private static Optional<JsonObject> parse(String line) {
        try {
            return Optional.of(new JsonObject(line));
        } catch (DecodeException notJson) {
            return Optional.empty();
        }
    }
}
