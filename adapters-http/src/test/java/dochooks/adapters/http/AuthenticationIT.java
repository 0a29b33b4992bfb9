package dochooks.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bearer JWTs (api.md 2): what is refused with 401, and what a valid token makes of the caller. */
class AuthenticationIT {
    private static final String COLLECTION = "/api/v1/integrations";

    private static TestApi api;

    @BeforeAll
    static void start() throws Exception {
        api = TestApi.start();
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    private static void assertUnauthenticated(Answer answer) {
        assertEquals(401, answer.status(), answer::toString);
        assertEquals("application/problem+json", answer.header("Content-Type"));
        assertEquals("urn:dochooks:problem:unauthenticated", answer.problemType());
        assertEquals("Bearer", answer.header("WWW-Authenticate"));
    }

    private static Answer listWithAuthorization(String authorization) {
        return api.send(api.request(COLLECTION, null).header("Authorization", authorization).GET().build());
    }

    private static JsonObject validClaims() {
        return Tokens.claims(TestApi.newTenant(), "alice");
    }

    @Test
    void aValidTokenIsAdmitted() {
        assertEquals(200, api.get(COLLECTION, Tokens.sign(validClaims())).status());
        assertEquals(200, listWithAuthorization("bearer " + Tokens.sign(validClaims())).status(), "scheme ignores case");
    }

    @Test
    void aMissingOrNonBearerAuthorizationIsRefused() {
        assertUnauthenticated(api.get(COLLECTION, null));
        assertUnauthenticated(listWithAuthorization("Basic YWxpY2U6c2VjcmV0"));
        assertUnauthenticated(listWithAuthorization("Bearer"));
        assertUnauthenticated(listWithAuthorization("Bearer not.a-jwt"));
        assertUnauthenticated(listWithAuthorization(Tokens.sign(validClaims())));
    }

    @Test
    void onlyHs256IsAccepted() {
        JsonObject claims = validClaims();
        String unsigned = Tokens.encode(new JsonObject().put("alg", "none").encode()) + "."
                + Tokens.encode(claims.encode()) + ".";
        assertUnauthenticated(listWithAuthorization("Bearer " + unsigned));
        for (String alg : List.of("none", "RS256", "HS512", "hs256", "ES256")) {
            String token = Tokens.sign(new JsonObject().put("alg", alg).put("typ", "JWT"), claims, Tokens.SECRET_BYTES);
            assertUnauthenticated(api.get(COLLECTION, token));
        }
        String noAlg = Tokens.sign(new JsonObject().put("typ", "JWT"), claims, Tokens.SECRET_BYTES);
        assertUnauthenticated(api.get(COLLECTION, noAlg));
    }

    @Test
    void aBadSignatureOrAnotherSecretIsRefused() {
        String token = Tokens.sign(validClaims());
        String[] parts = token.split("\\.");
        String tampered = parts[0] + "." + Tokens.encode(validClaims().put("roles", new JsonArray().add("admin")).encode())
                + "." + parts[2];
        assertUnauthenticated(api.get(COLLECTION, tampered));

        byte[] otherSecret = "another-secret-of-at-least-32-bytes-xyz".getBytes(StandardCharsets.UTF_8);
        assertUnauthenticated(api.get(COLLECTION,
                Tokens.sign(new JsonObject().put("alg", "HS256"), validClaims(), otherSecret)));
    }

    @Test
    void expIsEnforcedWithoutLeeway() {
        long now = System.currentTimeMillis() / 1000;
        assertUnauthenticated(api.get(COLLECTION, Tokens.sign(validClaims().put("exp", now - 1))));
        assertUnauthenticated(api.get(COLLECTION, Tokens.sign(validClaims().put("exp", now))));
        assertUnauthenticated(api.get(COLLECTION, Tokens.sign(validClaims().put("exp", String.valueOf(now + 600)))));
        assertEquals(200, api.get(COLLECTION, Tokens.sign(validClaims().put("exp", now + 600))).status());
    }

    @Test
    void claimsBreakingTheRulesAreRefused() {
        String tenant = TestApi.newTenant();
        List<JsonObject> broken = List.of(
                new JsonObject().put("tenant", tenant),
                new JsonObject().put("sub", "alice"),
                Tokens.claims(tenant, ""),
                Tokens.claims("", "alice"),
                Tokens.claims(tenant, "a".repeat(256)),
                Tokens.claims("t".repeat(256), "alice"),
                Tokens.claims(tenant, "ali\u0007ce"),
                Tokens.claims(tenant, "alice").put("tenant", 42),
                Tokens.claims(tenant, "alice").put("roles", "admin"),
                Tokens.claims(tenant, "alice").put("roles", new JsonArray().add("admin").add(1)),
                Tokens.claims(tenant, "alice").put("username", ""),
                Tokens.claims(tenant, "alice").put("username", "line\nbreak"),
                Tokens.claims(tenant, "alice").put("username", 7));
        for (JsonObject claims : broken) {
            Answer answer = api.get(COLLECTION, Tokens.sign(claims));
            assertEquals(401, answer.status(), () -> claims.encode() + " gave " + answer);
        }
    }

    @Test
    void claimsAtTheEdgesOfTheRulesAreAdmitted() {
        String tenant = "t".repeat(255);
        assertEquals(200, api.get(COLLECTION, Tokens.sign(Tokens.claims(tenant, "한".repeat(255)))).status());
        assertEquals(200, api.get(COLLECTION, Tokens.sign(Tokens.claims(tenant, "alice")
                .put("roles", new JsonArray()).put("username", "alice@acme.example"))).status());
        assertEquals(200, api.get(COLLECTION, Tokens.sign(Tokens.claims(tenant, "alice")
                .putNull("roles").putNull("username"))).status(), "null means absent");
    }

    @Test
    void theAdminRoleComesFromTheRolesClaim() {
        String tenant = TestApi.newTenant();
        String body = IntegrationsHttpAdapterIT.apiKey("Roles").encode();
        String notAdmin = Tokens.sign(Tokens.claims(tenant, "bob").put("roles", new JsonArray().add("viewer")));

        assertEquals(403, api.sendJson("POST", COLLECTION, notAdmin, body).status());
        assertEquals(201, api.sendJson("POST", COLLECTION, Tokens.admin(tenant, "alice"), body).status());
    }

    @Test
    void theTokenIsCheckedBeforeTheRoleAndTheBody() {
        assertUnauthenticated(api.sendJson("PUT", COLLECTION + "/not-a-uuid", null, "{broken"));
        assertUnauthenticated(api.send(api.request(COLLECTION, null).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("x".repeat(70_000))).build()));
    }

    @Test
    void anUnknownRouteIsNotFoundEvenWithoutAToken() {
        Answer answer = api.get("/api/v1/nothing-here", null);

        assertEquals(404, answer.status());
        assertEquals("urn:dochooks:problem:not-found", answer.problemType());
    }
}
