package dochooks.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dochooks.adapters.persistence.DatabaseConnection;
import dochooks.adapters.persistence.testing.EmbeddedPostgresFixture;
import dochooks.adapters.provider.testing.Await;
import dochooks.adapters.provider.testing.TestDocumentProvider;
import dochooks.adapters.provider.testing.TestIntegrations;
import dochooks.bootstrap.RawHttp.Header;
import dochooks.bootstrap.RawHttp.Response;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Hostile input at every route of the whole server (bootstrap's composition, the fixture PostgreSQL, the test
 * document provider on loopback), sent byte for byte over a raw socket: random and malicious bodies, headers,
 * query strings, path ids and JWTs. Whatever comes in, the answer is never a 5xx, every error is a problem
 * without a stack trace or class name, and a rejected request changes nothing in the database.
 */
class HostileInputSystemIT {
    private static final String JWT_SECRET = "hostile-input-test-secret-at-least-32-bytes";
    private static final String TENANT = "hostile";
    private static final Pattern STACK_TRACE = Pattern.compile(
            "(\\bat [a-z][\\w$]*(\\.[\\w$]+)+\\()|([a-z]+\\.[a-z.]+\\.[A-Z]\\w*(Exception|Error)\\b)|(\\b(java|javax|io\\.vertx|io\\.netty|org\\.postgresql|dochooks)\\.[a-z]+\\.)");
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private static DochooksServer server;
    private static Vertx vertx;
    private static TestDocumentProvider provider;
    private static RawHttp http;
    private static DatabaseFingerprint database;
    private static String adminToken;
    private static String userToken;
    /** An ApiKey integration on the test provider: document routes reach it. */
    private static String apiKeyId;
    /** An OAuth2 integration on the test provider: the connection routes have something to work on. */
    private static String oauth2Id;
    /** The one integration PUT may change (its URLs stay on loopback and no route ever calls it). */
    private static String punchingBagId;
    /** Another tenant's integration: it does not exist for our callers. */
    private static String otherTenantsId;

    @BeforeContainer
    static void start() {
        DatabaseConnection connection = EmbeddedPostgresFixture.newDatabase();
        Map<String, String> env = SystemTestEnvironment.onDatabase(connection, JWT_SECRET);
        env.putAll(SystemTestEnvironment.LOOPBACK_PROVIDERS);
        env.put("DOCHOOKS_PROVIDER_TIMEOUT_MS", "2000");
        server = DochooksServer.start(Config.fromEnvironment(env));
        vertx = Vertx.vertx();
        provider = TestDocumentProvider.start(vertx);
        provider.requireApiKey(TestIntegrations.API_KEY);
        JwtTokens tokens = new JwtTokens(vertx, JWT_SECRET);
        adminToken = tokens.mint(TENANT, "root", true, Duration.ofHours(1));
        userToken = tokens.mint(TENANT, "alice", false, Duration.ofHours(1));
        http = new RawHttp(server.port());
        database = new DatabaseFingerprint(connection);

        apiKeyId = register(adminToken, new JsonObject().put("name", "Files").put("baseApiUrl", provider.baseUrl())
                .put("authType", "ApiKey").put("apiKey", TestIntegrations.API_KEY));
        oauth2Id = register(adminToken, new JsonObject().put("name", "OAuth files").put("baseApiUrl", provider.baseUrl())
                .put("authType", "OAuth2").put("authenticationUrl", provider.baseUrl() + "/authorize")
                .put("tokenEndpointUrl", provider.baseUrl() + "/token").put("clientId", "client")
                .put("clientSecret", TestIntegrations.CLIENT_SECRET));
        punchingBagId = register(adminToken, HostileInputs.validIntegration("Punching bag"));
        otherTenantsId = register(tokens.mint("elsewhere", "root", true, Duration.ofHours(1)),
                HostileInputs.validIntegration("Not yours"));
    }

    @AfterContainer
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (database != null) {
            database.close();
        }
        if (vertx != null) {
            Await.result(vertx.close());
        }
    }

    private static String register(String token, JsonObject integration) {
        Response created = http.send("POST", "/api/v1/integrations", List.of(bearer(token),
                new Header("Content-Type", "application/json")), integration.encode().getBytes(StandardCharsets.UTF_8));
        assertEquals(201, created.status(), created.toString());
        return new JsonObject(created.body()).getString("id");
    }

    private static Header bearer(String token) {
        return new Header("Authorization", "Bearer " + token);
    }

    // ---- bodies ----

    @Property(tries = 300)
    void hostileBodiesAtTheJsonRoutes(@ForAll("jsonRoutes") String route, @ForAll("bodies") byte[] body,
            @ForAll("contentTypes") String contentType) {
        List<Header> headers = new ArrayList<>(List.of(new Header("Content-Type", contentType)));
        String method = "POST";
        String path;
        String token = adminToken;
        switch (route) {
            case "create" -> path = "/api/v1/integrations";
            case "replace" -> {
                method = "PUT";
                path = "/api/v1/integrations/" + punchingBagId;
                headers.add(new Header("If-Match", "*"));
            }
            default -> {
                path = "/api/v1/integrations/" + oauth2Id + "/connection/confirm";
                token = userToken;
            }
        }
        headers.add(bearer(token));
        sendAndCheck(method, path, headers, body);
    }

    @Provide
    Arbitrary<String> jsonRoutes() {
        return Arbitraries.of("create", "replace", "confirm");
    }

    @Provide
    Arbitrary<byte[]> bodies() {
        return HostileInputs.bodies();
    }

    @Provide
    Arbitrary<String> contentTypes() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.just("application/json")),
                net.jqwik.api.Tuple.of(1, Arbitraries.just("application/json; charset=utf-8")),
                net.jqwik.api.Tuple.of(3, HostileInputs.headerValues()));
    }

    // ---- headers, at every route ----

    @Property(tries = 300)
    void hostileHeadersAtEveryRoute(@ForAll("routes") Route route, @ForAll("headerSets") List<Header> headers,
            @ForAll boolean admin) {
        List<Header> all = new ArrayList<>(headers);
        all.add(bearer(admin ? adminToken : userToken));
        Response response = sendAndCheck(route.method(), route.path(), all, route.body());
        String sentId = headers.stream().filter(h -> h.name().equals("X-Request-Id")).map(Header::value)
                .reduce((first, second) -> second).orElse(null);
        String answeredId = response.header("X-Request-Id");
        assertTrue(answeredId != null && REQUEST_ID.matcher(answeredId).matches(), response.toString());
        if (sentId != null && !REQUEST_ID.matcher(sentId).matches()) {
            assertFalse(sentId.equals(answeredId), "an invalid request id is never echoed: " + response);
        }
    }

    @Provide
    Arbitrary<Route> routes() {
        return HostileInputs.routes(Arbitraries.of(apiKeyId, oauth2Id, otherTenantsId, UUID.randomUUID().toString()),
                Arbitraries.of(otherTenantsId, UUID.randomUUID().toString()));
    }

    @Provide
    Arbitrary<List<Header>> headerSets() {
        // no Transfer-Encoding: "chunked" with an empty body is a request that never ends, which is the slow
        // client's case (see the report), not a wrong value
        Arbitrary<Header> header = Combinators.combine(
                Arbitraries.of("Content-Type", "If-Match", "Accept-Language", "X-Request-Id", "Accept", "If-None-Match",
                        "X-Forwarded-For"),
                HostileInputs.headerValues()).as(Header::new);
        return header.list().ofMaxSize(4);
    }

    // ---- query strings ----

    @Property(tries = 300)
    void hostileQueryStrings(@ForAll("queryRoutes") String path, @ForAll("queries") String query, @ForAll boolean admin) {
        String method = path.endsWith("upload") || path.endsWith("createFolder") || path.endsWith("rename")
                || path.endsWith("delete") || path.endsWith("customAction") ? "POST" : "GET";
        sendAndCheck(method, path + "?" + query, List.of(bearer(admin ? adminToken : userToken)),
                method.equals("POST") ? new byte[0] : null, true);
    }

    @Provide
    Arbitrary<String> queryRoutes() {
        String documents = "/api/v1/integrations/" + apiKeyId + "/documents/";
        return Arbitraries.of("/api/v1/integrations", documents + "files", documents + "metadata", documents + "search",
                documents + "download", documents + "thumbnail", documents + "upload", documents + "createFolder",
                documents + "rename", documents + "delete", documents + "serviceInfo", documents + "customAction",
                "/oauth2/callback", "/oauth2/connected", "/health/ready");
    }

    @Provide
    Arbitrary<String> queries() {
        return HostileInputs.queries();
    }

    // ---- path ids ----

    @Property(tries = 300)
    void hostilePathIds(@ForAll("pathIds") String id, @ForAll("routeTemplates") Route template, @ForAll boolean admin) {
        Response response = sendAndCheck(template.method(), template.path().replace("{id}", id),
                List.of(bearer(admin ? adminToken : userToken), new Header("Content-Type", "application/json")),
                template.body());
        assertTrue(response.status() == 404 || response.status() == 400 || response.status() == 405
                        || response.status() == 414 || response.status() == 403,
                "an id that is not one of ours is not found: " + response);
    }

    /** Hostile ids, undecodable percent-encoding included (a 400 problem, never Vert.x's plain-text answer). */
    @Provide
    Arbitrary<String> pathIds() {
        return HostileInputs.pathIds();
    }

    @Provide
    Arbitrary<Route> routeTemplates() {
        return HostileInputs.routes(Arbitraries.just("{id}"), Arbitraries.just("{id}"))
                .filter(route -> route.path().contains("{id}"));
    }

    // ---- JWTs ----

    @Property(tries = 300)
    void hostileTokensAreUnauthenticated(@ForAll("routes") Route route, @ForAll("badTokens") String token) {
        if (!route.path().startsWith("/api/")) {
            return; // the operations and OAuth2 pages take no token
        }
        Response response = sendAndCheck(route.method(), route.path(),
                List.of(new Header("Authorization", token)), route.body());
        if (response.status() != 431 && response.status() != 405) {
            assertEquals(401, response.status(), response.toString());
            assertTrue(response.header("WWW-Authenticate") != null, response.toString());
        }
    }

    @Provide
    Arbitrary<String> badTokens() {
        return HostileTokens.badAuthorizationValues(JWT_SECRET);
    }

    // ---- limits of the request line and headers ----

    @Property(tries = 20)
    void oversizedRequestLinesAndHeadersGetTheirProblems(@ForAll("routes") Route route, @ForAll boolean lineNotHeaders) {
        Response response;
        if (lineNotHeaders) {
            response = sendAndCheck(route.method(), route.path() + "?q=" + "a".repeat(17 * 1024), List.of(), route.body());
            assertEquals(414, response.status(), response.toString());
        } else {
            response = sendAndCheck(route.method(), route.path(), List.of(new Header("X-Big", "b".repeat(17 * 1024))),
                    route.body());
            assertEquals(431, response.status(), response.toString());
        }
    }

    /**
     * Sends one request and checks what must hold for any request: no 5xx, a problem without a stack trace for
     * every error, a request id, and for a refused request an unchanged database.
     */
    private static Response sendAndCheck(String method, String path, List<Header> headers, byte[] body) {
        return sendAndCheck(method, path, headers, body, false);
    }

    /**
     * As above; with {@code providerMayRefuse}, a 502 {@code provider-error} carrying the provider's status is
     * accepted too: the test provider answers an unknown custom action with a failure, which the contract relays
     * as 502 (section 5). That is the provider's answer to a well-formed request, not dochooks failing on input.
     */
    private static Response sendAndCheck(String method, String path, List<Header> headers, byte[] body,
            boolean providerMayRefuse) {
        String before = database.fingerprint();
        Response response = http.send(method, path, headers, body);
        String what = method + " " + (path.length() > 300 ? path.substring(0, 300) + "..." : path) + " -> " + response;
        assertTrue(response.status() < 500 || providerMayRefuse && isRelayedProviderRefusal(response),
                "no 5xx for bad input: " + what);
        assertFalse(STACK_TRACE.matcher(response.body()).find(), "no stack trace or class name: " + what);
        if (response.status() >= 400) {
            String contentType = response.header("Content-Type");
            assertTrue(contentType != null && contentType.startsWith("application/problem+json"), what);
            JsonObject problem = new JsonObject(response.body());
            assertTrue(problem.getString("type", "").startsWith("urn:dochooks:problem:"), what);
            assertEquals(response.status(), problem.getInteger("status"), what);
            assertEquals(before, database.fingerprint(), "a refused request changed the database: " + what);
        }
        return response;
    }

    private static boolean isRelayedProviderRefusal(Response response) {
        if (response.status() != 502 || !response.body().startsWith("{")) {
            return false;
        }
        JsonObject problem = new JsonObject(response.body());
        return "urn:dochooks:problem:provider-error".equals(problem.getString("type"))
                && problem.getInteger("providerStatus") != null;
    }

    /** A route with its method, a concrete path and the body it is sent (null: none). */
    record Route(String method, String path, byte[] body) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }
}
