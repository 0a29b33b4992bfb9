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
        Map<String, Long> counters = counters(metrics.body());
        assertTrue(counters.getOrDefault(
                "route=\"/api/v1/integrations/{id}\",method=\"GET\",status=\"404\"", 0L) >= 2, counters::toString);
        assertTrue(counters.containsKey("route=\"unmatched\",method=\"GET\",status=\"404\""), counters::toString);
        assertTrue(counters.containsKey("route=\"/health/live\",method=\"DELETE\",status=\"405\""), counters::toString);
        assertFalse(metrics.body().contains(id));
        assertFalse(metrics.body().contains("metrics-tenant"));
        assertFalse(metrics.body().contains("metrics-user"));
    }

    private static Map<String, Long> counters(String text) {
        Pattern line = Pattern.compile("dochooks_http_requests_total\\{(.*)} (\\d+)");
        Map<String, Long> counters = new LinkedHashMap<>();
        for (String row : text.split("\n")) {
            Matcher matcher = line.matcher(row);
            if (matcher.matches()) {
                counters.put(matcher.group(1), Long.parseLong(matcher.group(2)));
            }
        }
        return counters;
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
