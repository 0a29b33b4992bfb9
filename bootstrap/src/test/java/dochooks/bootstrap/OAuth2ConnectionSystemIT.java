package dochooks.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dochooks.adapters.persistence.DatabaseConnection;
import dochooks.adapters.persistence.EncryptionKeys;
import dochooks.adapters.persistence.testing.EmbeddedPostgresFixture;
import dochooks.adapters.provider.testing.Await;
import dochooks.adapters.provider.testing.RecordedRequest;
import dochooks.adapters.provider.testing.TestDocumentProvider;
import dochooks.adapters.provider.testing.TestOAuth2Server;
import dochooks.domain.document.ProviderEndpoint;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * OAuth2 connections through the whole server as bootstrap composes it, over real HTTP: two dochooks instances
 * on one PostgreSQL database (as behind a load balancer: the browser's callback may land on either), a strict
 * test authorization server counting every token call, and the test provider accepting only the access tokens
 * it issued. Ends by looking for every credential the test saw in the database (its files and its columns) and
 * in everything the servers logged.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OAuth2ConnectionSystemIT {
    private static final String JWT_SECRET = "oauth2-system-test-secret-of-at-least-32-bytes";
    /** The public address both instances share; the browser is sent there, the test plays the load balancer. */
    private static final String PUBLIC_BASE_URL = "http://dochooks.test";
    private static final String REDIRECT_URI = PUBLIC_BASE_URL + "/oauth2/callback";
    private static final int BURST = 30;

    private static CapturedOutput output;
    private static DatabaseConnection database;
    private static String encryptionKeys;
    private static DochooksServer first;
    private static DochooksServer second;
    private static Vertx vertx;
    private static TestDocumentProvider provider;
    private static TestOAuth2Server oauth;
    private static JwtTokens tokens;
    /** Values the test saw that no log line and no database byte may hold: states, confirmations, bearer JWTs. */
    private static final List<String> seenSecrets = Collections.synchronizedList(new ArrayList<>());

    private String tenant;
    private String id;

    @BeforeAll
    static void start() {
        output = CapturedOutput.install();
        database = EmbeddedPostgresFixture.newDatabase();
        encryptionKeys = EncryptionKeys.generate().format();
        Map<String, String> env = SystemTestEnvironment.onDatabase(database, JWT_SECRET);
        env.put("DOCHOOKS_PUBLIC_BASE_URL", PUBLIC_BASE_URL);
        env.put("DOCHOOKS_ENCRYPTION_KEYS", encryptionKeys);
        env.putAll(SystemTestEnvironment.LOOPBACK_PROVIDERS);
        env.put("DOCHOOKS_PROVIDER_TIMEOUT_MS", "8000");
        first = DochooksServer.start(Config.fromEnvironment(env));
        second = DochooksServer.start(Config.fromEnvironment(env));
        vertx = Vertx.vertx();
        provider = TestDocumentProvider.start(vertx);
        oauth = TestOAuth2Server.start(vertx, REDIRECT_URI);
        tokens = new JwtTokens(vertx, JWT_SECRET);
    }

    @AfterAll
    static void stop() {
        try {
            if (oauth != null) {
                Await.result(oauth.close());
            }
            if (second != null) {
                second.close();
            }
            if (first != null) {
                first.close();
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

    @BeforeEach
    void integration() {
        provider.reset();
        provider.requireBearer(oauth::acceptsAccessToken);
        provider.addFile("/", "doc-1", "Rapport.txt", "text/plain", "contenu".getBytes(StandardCharsets.UTF_8));
        oauth.behave();
        oauth.expiry(3600, TestOAuth2Server.ExpiryStyle.NUMBER);
        tenant = "acme-" + System.nanoTime();
        HttpResponse<String> created = client(first, "root", true).post("/api/v1/integrations", new JsonObject()
                .put("name", "Acme DMS").put("baseApiUrl", provider.baseUrl()).put("authType", "OAuth2")
                .put("authenticationUrl", oauth.authorizationUrl()).put("tokenEndpointUrl", oauth.tokenUrl())
                .put("clientId", TestOAuth2Server.CLIENT_ID).put("clientSecret", TestOAuth2Server.CLIENT_SECRET)
                .encode());
        assertEquals(201, created.statusCode(), created.body());
        id = new JsonObject(created.body()).getString("id");
        assertEquals(REDIRECT_URI, new JsonObject(created.body()).getString("redirectUri"));
    }

    @Test
    @Order(1)
    void aUserConnectsInThreeStepsOverHttpAndTheirDocumentsTravelWithTheirBearerToken() {
        ApiClient alice = client(first, "alice", false);
        long codeGrants = oauth.tokenCalls("authorization_code");

        HttpResponse<String> started = alice.post(connection(), "{}");
        assertEquals(200, started.statusCode(), started.body());
        String authorizationUrl = new JsonObject(started.body()).getString("authorizationUrl");
        Map<String, String> request = query(authorizationUrl);
        seenSecrets.add(request.get("state"));
        assertTrue(authorizationUrl.startsWith(oauth.authorizationUrl() + "?"), authorizationUrl);
        assertEquals(REDIRECT_URI, request.get("redirect_uri"));
        assertEquals("S256", request.get("code_challenge_method"));

        URI sentBack = Await.result(oauth.authorize(authorizationUrl));
        assertTrue(sentBack.toString().startsWith(REDIRECT_URI + "?"), sentBack::toString);
        // the load balancer sends the browser to the other instance: the pending authorization is in the database
        HttpResponse<String> callback = browser(second).get("/oauth2/callback?" + sentBack.getRawQuery());
        assertEquals(303, callback.statusCode(), callback.body());
        String location = callback.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith("/oauth2/connected?integrationId=" + id + "&result=authorized&confirmation="),
                location);
        String confirmation = query(location).get("confirmation");
        seenSecrets.add(confirmation);
        HttpResponse<String> page = browser(first).get(location);
        assertEquals(200, page.statusCode());
        assertEquals("default-src 'self'", page.headers().firstValue("Content-Security-Policy").orElseThrow());
        assertEquals(codeGrants, oauth.tokenCalls("authorization_code"), "nothing redeemed before the confirmation");

        HttpResponse<String> confirmed = alice.post(connection() + "/confirm",
                new JsonObject().put("confirmation", confirmation).encode());
        assertEquals(200, confirmed.statusCode(), confirmed.body());
        assertEquals("CONNECTED", new JsonObject(confirmed.body()).getString("state"));
        assertEquals(codeGrants + 1, oauth.tokenCalls("authorization_code"));

        HttpResponse<String> files = client(second, "alice", false).get(documents("files"));
        assertEquals(200, files.statusCode(), files.body());
        assertEquals("Rapport.txt", new JsonObject(files.body()).getJsonArray("items").getJsonObject(0).getString("title"));
        String bearer = provider.requestsTo(ProviderEndpoint.FILES).get(0).header("Authorization");
        assertTrue(oauth.acceptsAccessToken(bearer.substring("Bearer ".length())), bearer);

        HttpResponse<String> replayed = browser(first).get("/oauth2/callback?" + sentBack.getRawQuery());
        assertEquals(400, replayed.statusCode());
        assertTrue(replayed.body().contains("urn:dochooks:problem:oauth-callback-rejected"), replayed.body());
        assertTrue(replayed.headers().firstValue("Location").isEmpty());
    }

    @Test
    @Order(2)
    void thirtyConcurrentCallsOnAnExpiredTokenCauseExactlyOneRefresh() throws Exception {
        connectWithShortLivedToken("bob", first);
        long refreshes = oauth.tokenCalls("refresh_token");

        List<Integer> statuses = burstWhileTheRefreshIsHeld(List.of(client(first, "bob", false)), refreshes);

        assertEquals(Collections.nCopies(BURST, 200), statuses);
        assertEquals(refreshes + 1, oauth.tokenCalls("refresh_token"), "one refresh for the whole burst");
        assertEquals(0, oauth.oldRefreshTokenPresentations(), "a rotated refresh token is never used again");
        assertEquals(1, bearersOfTheLastFiles(BURST).size(), "every call used the one refreshed token");
    }

    @Test
    @Order(3)
    void twoInstancesOnOneDatabaseHitAtOnceWithAnExpiredTokenRefreshItExactlyOnce() throws Exception {
        connectWithShortLivedToken("carol", second);
        long refreshes = oauth.tokenCalls("refresh_token");

        List<Integer> statuses = burstWhileTheRefreshIsHeld(
                List.of(client(first, "carol", false), client(second, "carol", false)), refreshes);

        assertEquals(Collections.nCopies(BURST, 200), statuses);
        assertEquals(refreshes + 1, oauth.tokenCalls("refresh_token"), "one refresh across both processes");
        assertEquals(0, oauth.oldRefreshTokenPresentations());
        assertEquals(1, bearersOfTheLastFiles(BURST).size(), "the waiting instance used the token the other stored");
    }

    @Test
    @Order(4)
    void aRefusedRefreshNeedsReauthorizationOnEveryInstanceAndConnectingAgainHealsIt() throws Exception {
        connectWithShortLivedToken("dave", first);
        oauth.misbehave(TestOAuth2Server.Misbehaviour.REFUSE);
        long refreshes = oauth.tokenCalls("refresh_token");

        HttpResponse<String> refused = client(first, "dave", false).get(documents("files"));
        HttpResponse<String> elsewhere = client(second, "dave", false).get(documents("files"));
        HttpResponse<String> status = client(second, "dave", false).get(connection());

        assertEquals(409, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("urn:dochooks:problem:reauthorization-required"), refused.body());
        assertEquals(409, elsewhere.statusCode(), elsewhere.body());
        assertTrue(elsewhere.body().contains("urn:dochooks:problem:reauthorization-required"), elsewhere.body());
        assertEquals("REAUTHORIZATION_REQUIRED", new JsonObject(status.body()).getString("state"));
        assertEquals(refreshes + 1, oauth.tokenCalls("refresh_token"), "a refused connection is not retried");

        oauth.behave();
        connect(client(second, "dave", false), first);

        assertEquals("CONNECTED", new JsonObject(client(first, "dave", false).get(connection()).body()).getString("state"));
        HttpResponse<String> healed = client(first, "dave", false).get(documents("files"));
        assertEquals(200, healed.statusCode(), healed.body());
    }

    @Test
    @Order(5)
    void disconnectingDeletesTheTokensOnEveryInstance() {
        connect(client(first, "erin", false), second);

        HttpResponse<String> gone = client(second, "erin", false).delete(connection());
        HttpResponse<String> again = client(first, "erin", false).delete(connection());

        assertEquals(204, gone.statusCode());
        assertEquals(204, again.statusCode());
        HttpResponse<String> files = client(first, "erin", false).get(documents("files"));
        assertEquals(409, files.statusCode());
        assertTrue(files.body().contains("urn:dochooks:problem:connection-required"), files.body());
    }

    @Test
    @Order(99)
    void noCredentialTheTestSawIsInTheDatabaseOrInTheLogs() throws Exception {
        List<String> secrets = credentialsSeen();
        String logs = output.text();
        assertTrue(logs.contains("\"route\":\"/oauth2/callback\""), "the servers' log lines were captured");

        List<String> inLogs = secrets.stream().filter(logs::contains).toList();
        assertEquals(List.of(), inLogs, "credentials in the log output");

        try (Connection sql = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password())) {
            assertTrue(count(sql, "SELECT count(*) FROM user_connections") >= 4, "connections were stored");
            assertEquals(List.of(), inColumns(sql, secrets), "credentials in a column");
            List<Path> files = databaseFiles(sql);
            assertEquals(List.of(), inFiles(files, secrets), "credentials in the database's files");
            // the searches see what is stored in plain text: they would see a credential stored so
            assertTrue(!inColumns(sql, List.of(provider.baseUrl())).isEmpty(), "the column search reads the rows");
            assertTrue(!inFiles(files, List.of(provider.baseUrl())).isEmpty(), "the file search reads the pages");
        }
    }

    // ---- the steps, as a user and a browser take them

    private void connectWithShortLivedToken(String user, DochooksServer callbackLandsOn) throws InterruptedException {
        oauth.expiry(1, TestOAuth2Server.ExpiryStyle.NUMBER);
        connect(client(first, user, false), callbackLandsOn);
        oauth.expiry(3600, TestOAuth2Server.ExpiryStyle.NUMBER);
        Thread.sleep(1500); // the access token (1 s) has expired, for dochooks and for the provider
    }

    private void connect(ApiClient user, DochooksServer callbackLandsOn) {
        HttpResponse<String> started = user.post(connection(), "{}");
        assertEquals(200, started.statusCode(), started.body());
        String authorizationUrl = new JsonObject(started.body()).getString("authorizationUrl");
        seenSecrets.add(query(authorizationUrl).get("state"));
        URI sentBack = Await.result(oauth.authorize(authorizationUrl));
        HttpResponse<String> callback = browser(callbackLandsOn).get("/oauth2/callback?" + sentBack.getRawQuery());
        assertEquals(303, callback.statusCode(), callback.body());
        String confirmation = query(callback.headers().firstValue("Location").orElseThrow()).get("confirmation");
        seenSecrets.add(confirmation);
        HttpResponse<String> confirmed = user.post(connection() + "/confirm",
                new JsonObject().put("confirmation", confirmation).encode());
        assertEquals(200, confirmed.statusCode(), confirmed.body());
    }

    /**
     * Fires {@link #BURST} {@code files} calls at once, spread over {@code clients}, while the token endpoint holds
     * its first refresh answer until every call had time to arrive (so that they all meet the refresh), then lets
     * it answer. Answers the statuses.
     */
    private List<Integer> burstWhileTheRefreshIsHeld(List<ApiClient> clients, long refreshesBefore) throws Exception {
        oauth.misbehave(TestOAuth2Server.Misbehaviour.HANG, 1);
        ExecutorService pool = Executors.newFixedThreadPool(BURST);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < BURST; i++) {
                ApiClient client = clients.get(i % clients.size());
                calls.add(pool.submit(() -> {
                    go.await();
                    return client.get(documents("files")).statusCode();
                }));
            }
            go.countDown();
            awaitCondition(() -> oauth.tokenCalls("refresh_token") > refreshesBefore, "the refresh reached the endpoint");
            Thread.sleep(700); // the other calls arrive and wait: in-process on the refresh, elsewhere on the lease
            oauth.behave();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> call : calls) {
                statuses.add(call.get(30, TimeUnit.SECONDS));
            }
            return statuses;
        } finally {
            oauth.behave();
            pool.shutdownNow();
        }
    }

    private static Set<String> bearersOfTheLastFiles(int count) {
        List<RecordedRequest> files = provider.requestsTo(ProviderEndpoint.FILES);
        return Set.copyOf(files.subList(files.size() - count, files.size()).stream()
                .map(request -> request.header("Authorization")).toList());
    }

    private static void awaitCondition(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(10);
        }
    }

    private ApiClient client(DochooksServer server, String user, boolean admin) {
        String token = tokens.mint(tenant, user, admin, Duration.ofMinutes(10));
        seenSecrets.add(token);
        return new ApiClient(server.port(), token);
    }

    /** A browser: no token. */
    private static ApiClient browser(DochooksServer server) {
        return new ApiClient(server.port(), null);
    }

    private String connection() {
        return "/api/v1/integrations/" + id + "/connection";
    }

    private String documents(String operation) {
        return "/api/v1/integrations/" + id + "/documents/" + operation;
    }

    private static Map<String, String> query(String url) {
        Map<String, String> params = new LinkedHashMap<>();
        int start = url.indexOf('?');
        for (String pair : url.substring(start + 1).split("&")) {
            int equals = pair.indexOf('=');
            params.putIfAbsent(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    // ---- where credentials must not be

    /** Every credential of the run: issued by the authorization server, sent to it, and seen by the test. */
    private static List<String> credentialsSeen() {
        List<String> secrets = new ArrayList<>(oauth.issuedCredentials());
        oauth.tokenCalls().stream().map(call -> call.field("code_verifier")).filter(v -> v != null).forEach(secrets::add);
        secrets.addAll(seenSecrets);
        secrets.add(TestOAuth2Server.CLIENT_SECRET);
        secrets.add(JWT_SECRET);
        secrets.add(encryptionKeys.substring(encryptionKeys.indexOf(':') + 1));
        assertTrue(secrets.size() > 40, "the run saw its credentials: " + secrets.size());
        return secrets.stream().distinct().toList();
    }

    private static long count(Connection sql, String query) throws SQLException {
        try (Statement statement = sql.createStatement(); ResultSet rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Every text and bytea value of the tables holding integrations and connections, against every secret. */
    private static List<String> inColumns(Connection sql, List<String> secrets) throws SQLException {
        List<String> found = new ArrayList<>();
        for (String table : List.of("integrations", "user_connections", "pending_authorizations")) {
            try (Statement statement = sql.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT * FROM " + table)) {
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    for (int column = 1; column <= columns; column++) {
                        byte[] value = rows.getBytes(column);
                        if (value == null) {
                            continue;
                        }
                        String text = new String(value, StandardCharsets.ISO_8859_1);
                        for (String secret : secrets) {
                            if (text.contains(secret)) {
                                found.add(table + "." + rows.getMetaData().getColumnName(column));
                            }
                        }
                    }
                }
            }
        }
        return found;
    }

    /** The test database's own files and the write-ahead log, after a checkpoint wrote every page out. */
    private static List<Path> databaseFiles(Connection sql) throws SQLException, IOException {
        String dataDirectory;
        long oid;
        try (Statement statement = sql.createStatement()) {
            statement.execute("CHECKPOINT");
            try (ResultSet rows = statement.executeQuery("SHOW data_directory")) {
                rows.next();
                dataDirectory = rows.getString(1);
            }
            try (ResultSet rows = statement.executeQuery(
                    "SELECT oid FROM pg_database WHERE datname = current_database()")) {
                rows.next();
                oid = rows.getLong(1);
            }
        }
        Path root = Path.of(dataDirectory);
        assertTrue(Files.isDirectory(root), "the embedded server's data directory is on this machine: " + root);
        List<Path> files = new ArrayList<>();
        for (Path directory : List.of(root.resolve("base").resolve(Long.toString(oid)), root.resolve("pg_wal"))) {
            try (Stream<Path> walk = Files.walk(directory)) {
                walk.filter(Files::isRegularFile).forEach(files::add);
            }
        }
        return files;
    }

    private static List<String> inFiles(List<Path> files, List<String> secrets) throws IOException {
        List<String> found = new ArrayList<>();
        for (Path file : files) {
            String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            for (String secret : secrets) {
                if (bytes.contains(secret)) {
                    found.add(file.getFileName() + " holds a credential");
                }
            }
        }
        return found;
    }
}
