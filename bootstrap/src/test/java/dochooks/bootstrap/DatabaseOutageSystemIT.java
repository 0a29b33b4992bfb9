package dochooks.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dochooks.adapters.persistence.EncryptionKeys;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stopped and started again under a steady load of writes, with the whole server in front of it: the
 * database is this test's own embedded PostgreSQL (not the shared fixture), restarted on the same data directory
 * and port. Calls that need it fail fast with 503 while it is away, the server recovers by itself, and every
 * create the server acknowledged is still there afterwards.
 */
class DatabaseOutageSystemIT {
    private static final String JWT_SECRET = "outage-test-secret-that-is-at-least-32-bytes-long";
    private static final String TENANT = "outage";
    /** The contract says "within a second"; the bound leaves room for a loaded machine. */
    private static final long FAST_FAILURE_BOUND_MILLIS = 2_000;
    /** The contract says 5 s after the database is back; polled against a generous bound. */
    private static final Duration RECOVERY_BOUND = Duration.ofSeconds(10);
    private static final int WRITERS = 2;

    private RestartablePostgres postgres;
    private DochooksServer server;
    private Vertx vertx;
    private ApiClient admin;
    private ApiClient anonymous;

    @BeforeEach
    void startDatabaseAndServer() throws Exception {
        postgres = RestartablePostgres.start("dochooks-outage-it");
        Map<String, String> env = new HashMap<>();
        env.put("DOCHOOKS_HTTP_PORT", "0");
        env.put("DOCHOOKS_DATABASE_URL", postgres.url());
        env.put("DOCHOOKS_JWT_SECRET", JWT_SECRET);
        env.put("DOCHOOKS_ENCRYPTION_KEYS", EncryptionKeys.generate().format());
        env.put("DOCHOOKS_PUBLIC_BASE_URL", "https://dochooks.outage.example");
        server = DochooksServer.start(Config.fromEnvironment(env));
        vertx = Vertx.vertx();
        JwtTokens tokens = new JwtTokens(vertx, JWT_SECRET);
        admin = new ApiClient(server.port(), tokens.mint(TENANT, "root", true, Duration.ofMinutes(10)));
        anonymous = new ApiClient(server.port(), null);
    }

    @AfterEach
    void stopEverything() throws IOException {
        try {
            if (server != null) {
                server.close();
            }
            if (vertx != null) {
                vertx.close();
            }
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    @Test
    void aStoppedDatabaseFailsCallsFastThenEverythingRecoversWithoutLosingAnAcknowledgedWrite() throws Exception {
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        List<String> unexpected = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean loading = new AtomicBoolean(true);
        AtomicInteger sequence = new AtomicInteger();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        try {
            for (int w = 0; w < WRITERS; w++) {
                writers.submit(() -> writeSteadily(loading, sequence, acknowledged, statuses, unexpected));
            }
            awaitTrue(Duration.ofSeconds(10), () -> acknowledged.size() >= 10, "the load is under way");

            postgres.stop();
            awaitTrue(Duration.ofSeconds(5), () -> status("/health/ready") == 503, "ready turns red");
            assertEquals(200, status("/health/live"), "the process itself is alive");
            for (int i = 0; i < 5; i++) {
                String probe = IntegrationsApiSystemIT.apiKeyIntegration("probe-" + i).encode();
                assertFastDatabaseUnavailable(() -> admin.post("/api/v1/integrations", probe));
                assertFastDatabaseUnavailable(() -> admin.get("/api/v1/integrations"));
            }
            int acknowledgedBeforeRestart = acknowledged.size();

            postgres.startAgain();
            long restartedAt = System.nanoTime();
            awaitTrue(RECOVERY_BOUND, () -> status("/health/ready") == 200
                    && admin.get("/api/v1/integrations?limit=1").statusCode() == 200, "the server answers again");
            long recoveryMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restartedAt);
            assertTrue(recoveryMillis <= RECOVERY_BOUND.toMillis(), "recovered in " + recoveryMillis + " ms");
            awaitTrue(Duration.ofSeconds(10), () -> acknowledged.size() >= acknowledgedBeforeRestart + 10,
                    "the writers are acknowledged again");
        } finally {
            loading.set(false);
            writers.shutdown();
            assertTrue(writers.awaitTermination(30, TimeUnit.SECONDS), "the writers stop");
        }

        assertTrue(unexpected.isEmpty(), "only 201 and 503 database-unavailable answers: " + unexpected);
        assertTrue(statuses.containsKey(503), "some writes met the outage: " + statuses);
        Set<String> listed = listAllIds();
        Set<String> lost = new HashSet<>(acknowledged);
        lost.removeAll(listed);
        assertTrue(lost.isEmpty(), "acknowledged creates lost: " + lost + " of " + acknowledged.size());
    }

    /** One writer: creates one after another until told to stop, recording what the server acknowledged. */
    private void writeSteadily(AtomicBoolean loading, AtomicInteger sequence, Set<String> acknowledged,
            Map<Integer, AtomicInteger> statuses, List<String> unexpected) {
        while (loading.get()) {
            String name = "load-" + sequence.incrementAndGet();
            try {
                HttpResponse<String> answer = admin.post("/api/v1/integrations",
                        IntegrationsApiSystemIT.apiKeyIntegration(name).encode());
                statuses.computeIfAbsent(answer.statusCode(), s -> new AtomicInteger()).incrementAndGet();
                if (answer.statusCode() == 201) {
                    acknowledged.add(new JsonObject(answer.body()).getString("id"));
                } else if (!isDatabaseUnavailable(answer)) {
                    unexpected.add(answer.statusCode() + " " + answer.body());
                }
                if (answer.statusCode() != 201) {
                    Thread.sleep(50); // a real client backs off; this one only a little, to keep the load steady
                }
            } catch (RuntimeException e) {
                unexpected.add(name + ": " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void assertFastDatabaseUnavailable(java.util.function.Supplier<HttpResponse<String>> call) {
        long start = System.nanoTime();
        HttpResponse<String> answer = call.get();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(isDatabaseUnavailable(answer), answer.statusCode() + " " + answer.body());
        assertTrue(answer.headers().firstValue("Retry-After").orElse("").matches("[0-9]+"),
                "Retry-After in seconds: " + answer.headers().map());
        assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElse(""));
        assertTrue(millis < FAST_FAILURE_BOUND_MILLIS, "answered in " + millis + " ms");
    }

    private static boolean isDatabaseUnavailable(HttpResponse<String> answer) {
        return answer.statusCode() == 503 && answer.body().contains("urn:dochooks:problem:database-unavailable");
    }

    private int status(String path) {
        return anonymous.get(path).statusCode();
    }

    private Set<String> listAllIds() {
        Set<String> ids = new HashSet<>();
        String cursor = null;
        for (int page = 0; page < 1_000; page++) {
            String path = "/api/v1/integrations?limit=200"
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            HttpResponse<String> answer = admin.get(path);
            assertEquals(200, answer.statusCode(), answer.body());
            JsonObject body = new JsonObject(answer.body());
            JsonArray items = body.getJsonArray("items");
            for (int i = 0; i < items.size(); i++) {
                ids.add(items.getJsonObject(i).getString("id"));
            }
            cursor = body.getString("nextCursor");
            if (cursor == null) {
                return ids;
            }
        }
        return fail("more pages than any test could write");
    }

    private static void awaitTrue(Duration bound, BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (true) {
            boolean holds;
            try {
                holds = condition.getAsBoolean();
            } catch (RuntimeException notYet) {
                holds = false;
            }
            if (holds) {
                return;
            }
            if (System.nanoTime() > deadline) {
                fail("not within " + bound + ": " + what);
            }
            Thread.sleep(100);
        }
    }
}
