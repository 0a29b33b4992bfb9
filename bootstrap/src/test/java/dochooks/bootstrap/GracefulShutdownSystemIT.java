package dochooks.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dochooks.adapters.persistence.DatabaseConnection;
import dochooks.adapters.persistence.testing.EmbeddedPostgresFixture;
import dochooks.adapters.provider.testing.Await;
import dochooks.adapters.provider.testing.Fault;
import dochooks.adapters.provider.testing.TestDocumentProvider;
import dochooks.adapters.provider.testing.TestIntegrations;
import dochooks.domain.document.ProviderEndpoint;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Graceful shutdown (issue 6 point 5) through the whole server: once {@link DochooksServer#close()} begins, the
 * port refuses new connections while a request already in flight (a download the provider drips out slowly)
 * still completes; and a request that never ends does not hold close beyond its drain bound.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class GracefulShutdownSystemIT {
    private static final String JWT_SECRET = "graceful-shutdown-test-secret-of-32-bytes-or-more";
    private static final String DRIPPED = "every byte arrives, slowly";
    private static Vertx vertx;
    private static TestDocumentProvider provider;
    private DochooksServer server;

    @BeforeAll
    static void startProvider() {
        vertx = Vertx.vertx();
        provider = TestDocumentProvider.start(vertx);
        provider.requireApiKey(TestIntegrations.API_KEY);
    }

    @AfterAll
    static void stopProvider() {
        if (vertx != null) {
            Await.result(vertx.close());
        }
    }

    @AfterEach
    void closeServer() {
        if (server != null) {
            server.close();
        }
        provider.reset();
    }

    @Test
    void anInFlightRequestFinishesWhileNewConnectionsAreRefused() throws Exception {
        server = DochooksServer.start(config());
        provider.requireApiKey(TestIntegrations.API_KEY);
        // ~5 s of body, one byte every 200 ms: the download is still running when close begins
        provider.fault(ProviderEndpoint.DOWNLOAD, Fault.drip(DRIPPED, Duration.ofMillis(200)));
        ApiClient alice = client();
        String documents = documentsOf(register());
        CompletableFuture<HttpResponse<byte[]>> download = CompletableFuture.supplyAsync(
                () -> alice.getBytes(documents + "download?id=doc-1"));
        awaitProviderCall(ProviderEndpoint.DOWNLOAD);

        CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
        boolean refused = connectionRefusedWithin(server.port(), Duration.ofSeconds(3));

        assertTrue(refused, "a new connection is refused once close began");
        assertFalse(download.isDone(), "the refusal came while the download was still in flight");
        HttpResponse<byte[]> answer = download.get(20, TimeUnit.SECONDS);
        assertEquals(200, answer.statusCode());
        assertEquals(DRIPPED, new String(answer.body(), StandardCharsets.UTF_8), "the whole body, not a cut one");
        closing.get(20, TimeUnit.SECONDS);
        server = null;
    }

    @Test
    void closeReturnsWithinItsBoundWhenARequestNeverEnds() throws Exception {
        Duration drain = Duration.ofSeconds(2);
        server = DochooksServer.start(config(), drain);
        provider.requireApiKey(TestIntegrations.API_KEY);
        provider.fault(ProviderEndpoint.DOWNLOAD, Fault.hang());
        ApiClient alice = client();
        String documents = documentsOf(register());
        CompletableFuture<HttpResponse<byte[]>> stuck = CompletableFuture.supplyAsync(
                () -> alice.getBytes(documents + "download?id=doc-1"));
        awaitProviderCall(ProviderEndpoint.DOWNLOAD);

        long start = System.nanoTime();
        server.close();
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        server = null;

        assertTrue(tookMs >= drain.toMillis() - 200, "close waited for the in-flight request: " + tookMs + " ms");
        assertTrue(tookMs < drain.toMillis() + 8_000, "close gave up on it after the bound: " + tookMs + " ms");
        // the hanging request's connection was cut rather than answered (the client sees an error, not a 200)
        assertTrue(stuck.handle((answer, failure) -> failure != null || answer.statusCode() != 200)
                .get(10, TimeUnit.SECONDS));
    }

    private Config config() {
        DatabaseConnection database = EmbeddedPostgresFixture.newDatabase();
        Map<String, String> env = SystemTestEnvironment.onDatabase(database, JWT_SECRET);
        env.putAll(SystemTestEnvironment.LOOPBACK_PROVIDERS);
        // longer than the tests: the hanging download must outlive the drain bound, not time out before it
        env.put("DOCHOOKS_PROVIDER_TIMEOUT_MS", "60000");
        return Config.fromEnvironment(env);
    }

    private ApiClient client() {
        return new ApiClient(server.port(), new JwtTokens(vertx, JWT_SECRET).mint("drain", "alice", true,
                Duration.ofMinutes(10)));
    }

    private String register() {
        JsonObject integration = new JsonObject().put("name", "Drain " + System.nanoTime())
                .put("baseApiUrl", provider.baseUrl()).put("authType", "ApiKey").put("apiKey", TestIntegrations.API_KEY);
        HttpResponse<String> created = client().post("/api/v1/integrations", integration.encode());
        assertEquals(201, created.statusCode(), created.body());
        return new JsonObject(created.body()).getString("id");
    }

    private static String documentsOf(String integrationId) {
        return "/api/v1/integrations/" + integrationId + "/documents/";
    }

    private static void awaitProviderCall(ProviderEndpoint endpoint) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (provider.requestsTo(endpoint).isEmpty()) {
            assertTrue(System.nanoTime() < deadline, "the provider never received the " + endpoint + " call");
            Thread.sleep(20);
        }
    }

    /** Tries new connections until one is refused or the time is up. */
    private static boolean connectionRefusedWithin(int port, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            } catch (ConnectException refused) {
                return true;
            } catch (IOException other) {
                // a timeout or reset is not the refusal we wait for: try again
            }
            Thread.sleep(20);
        }
        return false;
    }
}
