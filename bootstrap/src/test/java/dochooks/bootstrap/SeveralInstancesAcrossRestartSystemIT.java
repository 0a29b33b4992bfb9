package dochooks.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dochooks.adapters.persistence.EncryptionKeys;
import dochooks.adapters.provider.testing.TestDocumentProvider;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one database that is stopped and started again (same data directory and port): afterwards, what
 * an admin changes through one instance is still seen through the other within a second, although every
 * notification sent while the database was away is lost (issue 6, several instances, "across a database restart").
 */
class SeveralInstancesAcrossRestartSystemIT {
    private static final String JWT_SECRET = "restart-instances-secret-that-is-at-least-32-bytes";
    private static final Duration WITHIN = Duration.ofSeconds(1);

    private RestartablePostgres postgres;
    private Vertx vertx;
    private TestDocumentProvider provider;
    private DochooksServer instanceA;
    private DochooksServer instanceB;
    private JwtTokens tokens;

    @BeforeEach
    void start() throws Exception {
        postgres = RestartablePostgres.start("dochooks-instances-restart-it");
        vertx = Vertx.vertx();
        provider = TestDocumentProvider.start(vertx);
        Map<String, String> env = new HashMap<>();
        env.put("DOCHOOKS_HTTP_PORT", "0");
        env.put("DOCHOOKS_DATABASE_URL", postgres.url());
        env.put("DOCHOOKS_JWT_SECRET", JWT_SECRET);
        env.put("DOCHOOKS_ENCRYPTION_KEYS", EncryptionKeys.generate().format());
        env.put("DOCHOOKS_PUBLIC_BASE_URL", "https://dochooks.restart.example");
        env.put("DOCHOOKS_ALLOW_HTTP_PROVIDERS", "true");
        env.put("DOCHOOKS_PROVIDER_ALLOWED_CIDRS", "127.0.0.0/8");
        instanceA = DochooksServer.start(Config.fromEnvironment(env));
        instanceB = DochooksServer.start(Config.fromEnvironment(env));
        tokens = new JwtTokens(vertx, JWT_SECRET);
    }

    @AfterEach
    void stop() throws IOException {
        try {
            for (DochooksServer server : new DochooksServer[] {instanceA, instanceB}) {
                if (server != null) {
                    server.close();
                }
            }
            if (vertx != null) {
                vertx.close().toCompletionStage().toCompletableFuture()
                        .orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).join();
            }
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    @Test
    void changesThroughOneInstanceReachTheOtherWithinASecondAfterTheDatabaseRestarted() throws Exception {
        ApiClient adminOnA = client(instanceA, "root", true);
        ApiClient userOnB = client(instanceB, "alice", false);
        HttpResponse<String> created = adminOnA.post("/api/v1/integrations", new JsonObject()
                .put("name", "Restarted DMS").put("baseApiUrl", provider.baseUrl())
                .put("authType", "ApiKey").put("apiKey", "api-key-restart-0123456789").encode());
        assertEquals(201, created.statusCode(), created.body());
        String integration = "/api/v1/integrations/" + new JsonObject(created.body()).getString("id");
        String serviceInfo = integration + "/documents/serviceInfo";
        assertEquals(200, userOnB.get(serviceInfo).statusCode(), "B keeps the integration in memory");

        postgres.stop();
        postgres.startAgain();
        awaitTrue(Duration.ofSeconds(15), () -> readyOn(instanceA) && readyOn(instanceB), "both instances ready again");
        assertEquals(200, userOnB.get(serviceInfo).statusCode(), "B serves the integration after the restart");

        assertEquals(200, adminOnA.post(integration + "/disable", "").statusCode());
        awaitStatus(userOnB, serviceInfo, 404, "B refuses the integration disabled through A after the restart");

        assertEquals(200, adminOnA.post(integration + "/enable", "").statusCode());
        awaitStatus(userOnB, serviceInfo, 200, "B serves it again once enabled through A");
    }

    private boolean readyOn(DochooksServer server) {
        return new ApiClient(server.port(), null).get("/health/ready").statusCode() == 200;
    }

    private ApiClient client(DochooksServer server, String user, boolean admin) {
        return new ApiClient(server.port(), tokens.mint("restart", user, admin, Duration.ofMinutes(10)));
    }

    /** Polls until {@code path} answers {@code status}; fails unless it did within a second. */
    private static void awaitStatus(ApiClient client, String path, int status, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (true) {
            HttpResponse<String> response = client.get(path);
            if (response.statusCode() == status) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": still " + response.statusCode() + " after " + WITHIN.toMillis()
                        + " ms: " + response.body());
            }
            Thread.sleep(20);
        }
    }

    private static void awaitTrue(Duration bound, BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, what + " within " + bound.toSeconds() + " s");
            Thread.sleep(100);
        }
    }
}
