package dochooks.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dochooks.adapters.persistence.DatabaseConnection;
import dochooks.adapters.persistence.testing.EmbeddedPostgresFixture;
import dochooks.adapters.provider.testing.TestDocumentProvider;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two dochooks servers in one JVM on one external (fixture) database, as two instances behind a load balancer:
 * what an admin does through one, users of the other see within a second (issue 6, several instances).
 */
class SeveralInstancesSystemIT {
    private static final String JWT_SECRET = "several-instances-secret-that-is-at-least-32-bytes";
    private static final Duration WITHIN = Duration.ofSeconds(1);

    private static Vertx vertx;
    private static TestDocumentProvider provider;
    private static DochooksServer instanceA;
    private static DochooksServer instanceB;
    private static JwtTokens tokens;
    private static DatabaseConnection database;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        provider = TestDocumentProvider.start(vertx);
        database = EmbeddedPostgresFixture.newDatabase();
        // what every instance shares: database, JWT secret, encryption keys, public base URL
        Map<String, String> env = SystemTestEnvironment.onDatabase(database, JWT_SECRET);
        env.put("DOCHOOKS_PUBLIC_BASE_URL", "https://dochooks.acme.example");
        env.putAll(SystemTestEnvironment.LOOPBACK_PROVIDERS);
        instanceA = DochooksServer.start(Config.fromEnvironment(env));
        instanceB = DochooksServer.start(Config.fromEnvironment(env));
        tokens = new JwtTokens(vertx, JWT_SECRET);
    }

    @AfterAll
    static void stop() {
        for (DochooksServer server : new DochooksServer[] {instanceA, instanceB}) {
            if (server != null) {
                server.close();
            }
        }
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, java.util.concurrent.TimeUnit.SECONDS)
                    .join();
        }
    }

    @Test
    void whatAnAdminChangesThroughOneInstanceUsersOfTheOtherSeeWithinASecond() {
        ApiClient adminOnA = client(instanceA, "root", true);
        ApiClient userOnA = client(instanceA, "alice", false);
        ApiClient adminOnB = client(instanceB, "root", true);
        ApiClient userOnB = client(instanceB, "alice", false);
        HttpResponse<String> created = adminOnA.post("/api/v1/integrations", new JsonObject()
                .put("name", "Shared DMS").put("baseApiUrl", provider.baseUrl())
                .put("authType", "ApiKey").put("apiKey", "api-key-shared-0123456789").encode());
        assertEquals(201, created.statusCode(), created.body());
        String serviceInfo = "/api/v1/integrations/" + new JsonObject(created.body()).getString("id")
                + "/documents/serviceInfo";
        String integration = serviceInfo.substring(0, serviceInfo.indexOf("/documents"));
        // both instances have loaded it (and keep it in memory)
        assertEquals(200, userOnB.get(serviceInfo).statusCode());
        assertEquals(200, userOnA.get(serviceInfo).statusCode());

        assertEquals(200, adminOnA.post(integration + "/disable", "").statusCode());
        HttpResponse<String> refused = awaitStatus(userOnB, serviceInfo, 404, "B refuses the disabled integration");
        assertTrue(refused.body().contains("urn:dochooks:problem:integration-not-found"), refused.body());
        assertEquals(409, adminOnB.get(serviceInfo).statusCode(), "an admin sees it disabled (api.md 5)");

        assertEquals(200, adminOnA.post(integration + "/enable", "").statusCode());
        awaitStatus(userOnB, serviceInfo, 200, "B serves the enabled integration again");

        assertEquals(204, adminOnB.delete(integration).statusCode());
        awaitStatus(userOnA, serviceInfo, 404, "A forgets the integration deleted through B");
    }

    /**
     * Proves the wiring rather than a rule of the API: document calls go through the in-memory view, registry reads
     * do not. A change made behind the database's back (triggers off for that session, so no notification) is seen
     * at once by a registry read, and not by a document call of an instance that had the integration in memory.
     */
    @Test
    void documentCallsReadIntegrationsFromMemoryAndRegistryReadsFromTheDatabase() throws Exception {
        ApiClient adminOnA = client(instanceA, "root", true);
        ApiClient userOnB = client(instanceB, "bob", false);
        HttpResponse<String> created = adminOnA.post("/api/v1/integrations", new JsonObject()
                .put("name", "Cached DMS").put("baseApiUrl", provider.baseUrl())
                .put("authType", "ApiKey").put("apiKey", "api-key-cached-0123456789").encode());
        assertEquals(201, created.statusCode(), created.body());
        String id = new JsonObject(created.body()).getString("id");
        String integration = "/api/v1/integrations/" + id;
        assertEquals(200, userOnB.get(integration + "/documents/serviceInfo").statusCode());

        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(),
                database.password()); Statement statement = connection.createStatement()) {
            statement.execute("SET session_replication_role = replica");
            statement.execute("UPDATE integrations SET status = 'DISABLED', version = version + 1 WHERE id = '"
                    + id + "'");
        }

        assertEquals(404, userOnB.get(integration).statusCode(), "the registry read the database");
        assertEquals(200, userOnB.get(integration + "/documents/serviceInfo").statusCode(),
                "the document call used the integration kept in memory");
    }

    /** Polls until {@code path} answers {@code status}; fails unless it did within a second. */
    private static HttpResponse<String> awaitStatus(ApiClient client, String path, int status, String what) {
        long start = System.nanoTime();
        long deadline = start + WITHIN.toNanos();
        while (true) {
            HttpResponse<String> response = client.get(path);
            if (response.statusCode() == status) {
                return response;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": still " + response.statusCode() + " after " + WITHIN.toMillis()
                        + " ms: " + response.body());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
    }

    private static ApiClient client(DochooksServer server, String user, boolean admin) {
        return new ApiClient(server.port(), tokens.mint("acme", user, admin, Duration.ofMinutes(10)));
    }
}
