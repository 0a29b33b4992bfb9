package dochooks.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dochooks.adapters.persistence.DatabaseConnection;
import dochooks.adapters.persistence.EncryptionKeys;
import dochooks.adapters.persistence.testing.EmbeddedPostgresFixture;
import dochooks.adapters.provider.testing.Await;
import dochooks.adapters.provider.testing.GeneratedContent;
import dochooks.adapters.provider.testing.TestDocumentProvider;
import dochooks.adapters.provider.testing.TestDocumentProvider.Upload;
import dochooks.adapters.provider.testing.TestIntegrations;
import dochooks.domain.document.ProviderEndpoint;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streaming proof of api.md 5: the real server, started as its own JVM with a 64 MB heap (and told to die on
 * an OutOfMemoryError), moves a file four times larger than that heap both ways between a client and the test
 * provider, checksums compared at both ends. The file is generated on the fly on each side, never held whole by
 * the test either.
 */
class LargeTransferSystemIT {
    private static final long SIZE = 256L * 1024 * 1024;
    private static final String HEAP = "-Xmx64m";
    private static final String JWT_SECRET = "large-transfer-test-secret-of-at-least-32-bytes";
    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final GeneratedContent CONTENT = new GeneratedContent(SIZE, 42);

    @TempDir
    static Path dataDir;

    private static Vertx vertx;
    private static TestDocumentProvider provider;
    private static Process server;
    private static Path serverLog;
    private static int port;
    private static String token;
    private static String documents;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        provider = TestDocumentProvider.start(vertx);
        provider.requireApiKey(TestIntegrations.API_KEY);
        provider.addGeneratedFile("/", "big", "big.bin", CONTENT);
        port = freePort();
        server = startServer(EmbeddedPostgresFixture.newDatabase());
        awaitReady();
        token = new JwtTokens(vertx, JWT_SECRET).mint("bigco", "root", true, Duration.ofMinutes(30));
        documents = "/api/v1/integrations/" + registerIntegration() + "/documents/";
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.destroy();
            if (!server.waitFor(20, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        if (vertx != null) {
            Await.result(vertx.close());
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aFileLargerThanTheServersHeapIsDownloadedWhole() throws Exception {
        HttpResponse<InputStream> answer = http.send(request(documents + "download?id=big").GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());

        assertEquals(200, answer.statusCode());
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        long received = 0;
        try (InputStream body = answer.body()) {
            byte[] buffer = new byte[1024 * 1024];
            for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
                digest.update(buffer, 0, n);
                received += n;
            }
        }
        assertEquals(SIZE, received);
        assertEquals(CONTENT.sha256(), HexFormat.of().formatHex(digest.digest()));
        assertServerAlive();
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aFileLargerThanTheServersHeapIsUploadedWhole() throws Exception {
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.ofInputStream(() -> generated(CONTENT)), SIZE);
        HttpResponse<String> answer = http.send(request(documents + "upload?filename=big-upload.bin")
                .POST(body).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(201, answer.statusCode(), answer.body());
        String id = new JsonObject(answer.body()).getString("id");
        Upload upload = provider.upload(id).orElseThrow();
        assertTrue(upload.complete());
        assertEquals(SIZE, upload.size());
        assertEquals(CONTENT.sha256(), upload.sha256());
        assertEquals(Long.toString(SIZE), provider.requestsTo(ProviderEndpoint.UPLOAD).get(0).header("Content-Length"));
        assertServerAlive();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(100))
                .header("Authorization", "Bearer " + token);
    }

    private static void assertServerAlive() throws IOException {
        assertTrue(server.isAlive(), () -> "the server died (out of memory?): " + log());
    }

    private static Process startServer(DatabaseConnection database) throws IOException {
        serverLog = dataDir.resolve("server.log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                HEAP, "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"), Main.class.getName());
        builder.environment().put("DOCHOOKS_HTTP_PORT", Integer.toString(port));
        builder.environment().put("DOCHOOKS_DATA_DIR", dataDir.toString());
        builder.environment().put("DOCHOOKS_DATABASE_URL", SystemTestEnvironment.databaseUrl(database));
        builder.environment().put("DOCHOOKS_JWT_SECRET", JWT_SECRET);
        builder.environment().put("DOCHOOKS_ENCRYPTION_KEYS", EncryptionKeys.generate().format());
        builder.environment().put("DOCHOOKS_ALLOW_HTTP_PROVIDERS", "true");
        builder.environment().put("DOCHOOKS_PROVIDER_ALLOWED_CIDRS", "127.0.0.0/8");
        builder.environment().put("DOCHOOKS_PROVIDER_TIMEOUT_MS", "10000");
        builder.redirectErrorStream(true).redirectOutput(serverLog.toFile());
        return builder.start();
    }

    /** Polls {@code /health/ready} until it answers 200, the process dies, or the startup time runs out. */
    private static void awaitReady() throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline && server.isAlive()) {
            try {
                HttpResponse<String> ready = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/health/ready")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the server did not become ready: " + log());
    }

    private static String registerIntegration() throws Exception {
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/integrations"))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("name", "Big files")
                        .put("baseApiUrl", provider.baseUrl()).put("authType", "ApiKey")
                        .put("apiKey", TestIntegrations.API_KEY).encode())).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        return new JsonObject(created.body()).getString("id");
    }

    private static String log() {
        try {
            String text = Files.readString(serverLog);
            return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static InputStream generated(GeneratedContent content) {
        return new InputStream() {
            private long offset;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] buffer, int off, int len) {
                if (offset >= content.size()) {
                    return -1;
                }
                int n = (int) Math.min(len, content.size() - offset);
                System.arraycopy(content.chunk(offset, n).getBytes(), 0, buffer, off, n);
                offset += n;
                return n;
            }
        };
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
