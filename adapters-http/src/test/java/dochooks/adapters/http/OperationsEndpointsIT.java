package dochooks.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dochooks.application.health.HealthCheckPort;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /health/live}, {@code /health/ready}, {@code /metrics} and {@code /openapi.yaml} (api.md 7). */
class OperationsEndpointsIT {
    private static final AtomicBoolean databaseUp = new AtomicBoolean(true);
    private static TestApi api;

    /** A readiness check whose answer the test decides. */
    private static HealthCheckPort check(String name, java.util.function.Supplier<Future<Void>> answer) {
        return new HealthCheckPort() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Future<Void> check() {
                return answer.get();
            }
        };
    }

    @BeforeAll
    static void start() throws Exception {
        api = TestApi.start(List.of(check("database", () -> databaseUp.get()
                ? Future.succeededFuture()
                : Future.failedFuture(new IllegalStateException("db.internal:5432 refused")))));
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    @Test
    void livenessNeedsNoTokenAndNamesNoCheck() {
        Answer live = api.get("/health/live", null);

        assertEquals(200, live.status());
        assertEquals(new JsonObject().put("status", "UP").put("checks", new JsonArray()), live.json());
    }

    @Test
    void readinessNamesEachCheckAndIs503WhenOneFails() {
        databaseUp.set(true);
        Answer ready = api.get("/health/ready", null);
        assertEquals(200, ready.status());
        assertEquals(new JsonObject().put("status", "UP").put("checks", new JsonArray()
                .add(new JsonObject().put("name", "database").put("status", "UP"))), ready.json());

        databaseUp.set(false);
        try {
            Answer notReady = api.get("/health/ready", null);
            assertEquals(503, notReady.status());
            assertEquals("DOWN", notReady.json().getString("status"));
            assertEquals("DOWN", notReady.json().getJsonArray("checks").getJsonObject(0).getString("status"));
            assertFalse(notReady.body().contains("db.internal"));
        } finally {
            databaseUp.set(true);
        }
    }

    @Test
    void aCheckThatDoesNotAnswerWithinASecondMakesReadinessFail() throws Exception {
        HealthCheckPort silent = check("database", () -> Promise.<Void>promise().future());
        HealthCheckPort thrower = check("cache", () -> {
            throw new IllegalStateException("broken check");
        });
        try (TestApi hanging = TestApi.start(List.of(silent, thrower))) {
            long started = System.nanoTime();
            Answer notReady = hanging.get("/health/ready", null);
            long millis = (System.nanoTime() - started) / 1_000_000;

            assertEquals(503, notReady.status());
            assertEquals(List.of("database", "cache"), notReady.json().getJsonArray("checks").stream()
                    .map(check -> ((JsonObject) check).getString("name")).toList());
            assertTrue(millis >= HealthHandlers.CHECK_TIMEOUT_MILLIS - 50 && millis < 5_000, () -> millis + " ms");
        }
    }

    @Test
    void metricsCountRequestsByRouteTemplateMethodAndStatusWithoutIds() {
        String id = UUID.randomUUID().toString();
        String token = Tokens.user("metrics-tenant-" + UUID.randomUUID(), "metrics-user");
        api.get("/api/v1/integrations/" + id, token);
        api.get("/api/v1/integrations/" + id, token);
        api.get("/no/such/" + id, null);
        api.delete("/health/live", null);

        Answer metrics = api.get("/metrics", null);

        assertEquals(200, metrics.status());
        assertTrue(metrics.header("Content-Type").startsWith("text/plain"));
        assertTrue(metrics.body().contains("# TYPE dochooks_http_requests_total counter"));
        PrometheusText scrape = PrometheusText.parse(metrics.body());
        String requests = "dochooks_http_requests_total";
        assertTrue(scrape.value(requests, Map.of("route", "/api/v1/integrations/{id}", "method", "GET",
                "status", "404")) >= 2, metrics::body);
        assertTrue(scrape.has(requests, Map.of("route", "unmatched", "method", "GET", "status", "404")), metrics::body);
        assertTrue(scrape.has(requests, Map.of("route", "/health/live", "method", "DELETE", "status", "405")),
                metrics::body);
        // the latency histogram: its count follows the counter, its buckets are the fixed ones
        assertTrue(scrape.value("dochooks_http_request_duration_seconds_count", Map.of("route",
                "/api/v1/integrations/{id}", "method", "GET", "status", "404")) >= 2, metrics::body);
        assertTrue(scrape.has("dochooks_http_request_duration_seconds_bucket", Map.of("route",
                "/api/v1/integrations/{id}", "method", "GET", "status", "404", "le", "+Inf")), metrics::body);
        assertFalse(metrics.body().contains(id));
        assertFalse(metrics.body().contains("metrics-tenant"));
        assertFalse(metrics.body().contains("metrics-user"));
    }

    @Test
    void theNumberOfSeriesStaysTheSameWhateverPathsAndIdsAreAsked() {
        String token = Tokens.user("series-tenant", "series-user");
        // every kind of answer once, so that each series that can exist does
        for (int i = 0; i < 3; i++) {
            hitRandomPaths(token);
        }
        api.get("/metrics", null); // a scrape is a request too: its own series exist from the second scrape on
        int before = PrometheusText.parse(api.get("/metrics", null).body()).series().size();

        for (int i = 0; i < 1_000 / 4; i++) {
            hitRandomPaths(token);
        }

        String after = api.get("/metrics", null).body();
        assertEquals(before, PrometheusText.parse(after).series().size(), after);
        assertTrue(PrometheusText.parse(after).value("dochooks_http_requests_total",
                Map.of("route", "unmatched", "method", "GET", "status", "404")) >= 250, after);
    }

    /** Four requests with fresh ids: an unknown path, an unknown id, an odd method, an unknown path's POST. */
    private void hitRandomPaths(String token) {
        String random = UUID.randomUUID().toString();
        api.get("/" + random + "/x?q=" + random, null);
        api.get("/api/v1/integrations/" + random, token);
        api.delete("/health/" + random, null);
        api.post("/api/v1/" + random, token);
    }

    @Test
    void theOpenApiDocumentIsServed() {
        Answer document = api.get("/openapi.yaml", null);

        assertEquals(200, document.status());
        assertTrue(document.header("Content-Type").startsWith("application/yaml"));
        assertTrue(document.body().startsWith("openapi: 3.1"));
    }

    @Test
    void theOpenApiDocumentDescribesExactlyTheRoutesThatExist() {
        String document = api.get("/openapi.yaml", null).body();

        Map<String, Set<String>> routes = new TreeMap<>();
        api.api.routeTable().forEach((template, methods) -> routes.put(template,
                methods.stream().map(HttpMethod::name).map(String::toLowerCase).collect(Collectors.toCollection(TreeSet::new))));

        assertEquals(routes, documentedOperations(document));
    }

    /**
     * The document routes come first in the route table (the hot path: Vert.x Web tries the routes in order), which
     * is only right while no other template matches a document path: such a route would never be reached.
     */
    @Test
    void noOtherRouteMatchesADocumentPath() {
        Set<String> templates = api.api.routeTable().keySet();
        List<String> documentTemplates = templates.stream().filter(t -> t.startsWith(DocumentHandlers.PATH)).toList();
        assertFalse(documentTemplates.isEmpty());
        for (String document : documentTemplates) {
            String path = document.replaceAll("\\{[A-Za-z]+}", UUID.randomUUID().toString());
            for (String candidate : List.of(path, path + "/")) {
                List<String> matching = templates.stream()
                        .filter(t -> Pattern.matches(t.replace(".", "\\.").replaceAll("\\{[A-Za-z]+}", "[^/]+") + "/?", candidate))
                        .toList();
                assertEquals(List.of(document), matching, candidate);
            }
        }
    }

    @Test
    void theOpenApiDocumentListsExactlyTheProblemTypesThatExist() {
        String document = api.get("/openapi.yaml", null).body();

        Set<String> documented = new TreeSet<>();
        Matcher urn = Pattern.compile("urn:dochooks:problem:([a-z0-9-]+)").matcher(document);
        while (urn.find()) {
            documented.add(urn.group(1));
        }

        assertEquals(Arrays.stream(ProblemType.values()).map(ProblemType::slug).collect(Collectors.toCollection(TreeSet::new)),
                documented);
    }

    /** Path to operations, read from the document's {@code paths} section by indentation. */
    private static Map<String, Set<String>> documentedOperations(String document) {
        Map<String, Set<String>> operations = new TreeMap<>();
        Pattern path = Pattern.compile("^  (/\\S*):$");
        Pattern operation = Pattern.compile("^    (get|put|post|delete|patch|head|options|trace):$");
        boolean inPaths = false;
        String current = null;
        for (String line : document.split("\n")) {
            if (!line.startsWith(" ")) {
                inPaths = line.equals("paths:");
                continue;
            }
            Matcher pathLine = path.matcher(line);
            Matcher operationLine = operation.matcher(line);
            if (inPaths && pathLine.matches()) {
                current = pathLine.group(1);
                operations.put(current, new TreeSet<>());
            } else if (inPaths && current != null && operationLine.matches()) {
                operations.get(current).add(operationLine.group(1));
            }
        }
        return operations;
    }
}
