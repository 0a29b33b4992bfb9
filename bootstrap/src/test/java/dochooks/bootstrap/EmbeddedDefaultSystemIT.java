package dochooks.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The zero-setup default: embedded PostgreSQL in the data directory, generated secrets, data kept
 * across restarts and across a crash, one process per data directory, no secret at rest in plain text.
 */
class EmbeddedDefaultSystemIT {
    private static final String API_KEY = "plain-api-key-that-must-never-be-stored-4242";
    private static final long STARTUP_SECONDS = 90;

    @TempDir
    Path dataDir;

    @Test
    void keepsDataAcrossACrashAndARestartAndAllowsOneProcessPerDataDirectory() throws Exception {
        int port = freePort();
        Process first = startServerProcess(port);
        String token;
        String id;
        try {
            token = awaitAdminToken(first);
            ApiClient admin = new ApiClient(port, token);
            HttpResponse<String> created = admin.post("/api/v1/integrations", new JsonObject()
                    .put("name", "Coffre \u00e0 documents \uBB38\uC11C").put("baseApiUrl", "https://dms.example.com/api")
                    .put("authType", "ApiKey").put("apiKey", API_KEY).encode());
            assertEquals(201, created.statusCode(), created.body());
            id = new JsonObject(created.body()).getString("id");

            Process second = startServerProcess(freePort());
            assertTrue(second.waitFor(60, TimeUnit.SECONDS), "a second process on the same data dir fails fast");
            assertEquals(1, second.exitValue());
            assertTrue(new String(second.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).contains("in use"));
        } finally {
            first.destroyForcibly(); // a crash: no shutdown hook runs, PostgreSQL is left behind
            first.waitFor(30, TimeUnit.SECONDS);
        }

        try (DochooksServer restarted = DochooksServer.start(Config.fromEnvironment(Map.of(
                "DOCHOOKS_DATA_DIR", dataDir.toString(), "DOCHOOKS_HTTP_PORT", "0")))) {
            ApiClient admin = new ApiClient(restarted.port(), restarted.generatedAdminToken().orElseThrow());
            HttpResponse<String> reloaded = admin.get("/api/v1/integrations/" + id);
            assertEquals(200, reloaded.statusCode(), reloaded.body());
            assertEquals("Coffre \u00e0 documents \uBB38\uC11C", new JsonObject(reloaded.body()).getString("name"));
            assertEquals(200, new ApiClient(restarted.port(), token).get("/api/v1/integrations/" + id).statusCode(),
                    "tokens minted before the restart stay valid: the secret was kept in the data dir");
        }

        assertTrue(Files.exists(dataDir.resolve(DataDirectory.JWT_SECRET_FILE)));
        assertTrue(Files.exists(dataDir.resolve(DataDirectory.ENCRYPTION_KEYS_FILE)));
        assertFalse(anyFileContains(dataDir, API_KEY), "the API key is nowhere in the data directory in plain text");
    }

    private Process startServerProcess(int port) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName());
        builder.environment().put("DOCHOOKS_DATA_DIR", dataDir.toString());
        builder.environment().put("DOCHOOKS_HTTP_PORT", Integer.toString(port));
        builder.environment().remove("DOCHOOKS_DATABASE_URL");
        builder.environment().remove("DOCHOOKS_JWT_SECRET");
        builder.environment().remove("DOCHOOKS_ENCRYPTION_KEYS");
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        return builder.start();
    }

    /** Reads the child's standard error until the ready token appears (bounded by time and lines). */
    private static String awaitAdminToken(Process process) throws Exception {
        var reader = new java.io.BufferedReader(new java.io.InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
        var pending = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            var token = pending.submit(() -> {
                List<String> seen = new ArrayList<>();
                String line;
                String consoleToken = null;
                while ((line = reader.readLine()) != null && seen.size() < 1000) {
                    seen.add(line);
                    int fragment = line.indexOf("/console/#token=");
                    if (fragment >= 0) {
                        consoleToken = line.substring(fragment + "/console/#token=".length()).trim();
                    }
                    if (line.startsWith("Admin token: ")) {
                        String printed = line.substring("Admin token: ".length()).trim();
                        assertEquals(printed, consoleToken, "the console address carries the same token: " + seen);
                        return printed;
                    }
                }
                throw new IllegalStateException("server ended before printing a token: " + seen);
            });
            return token.get(STARTUP_SECONDS, TimeUnit.SECONDS);
        } finally {
            pending.shutdownNow();
        }
    }

    private static boolean anyFileContains(Path root, String secret) throws IOException {
        byte[] needle = secret.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                if (indexOf(Files.readAllBytes(file), needle) >= 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

}
