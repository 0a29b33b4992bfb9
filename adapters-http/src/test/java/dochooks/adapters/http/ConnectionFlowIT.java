package dochooks.adapters.http;

import static dochooks.adapters.http.ConnectionsApi.connection;
import static dochooks.adapters.http.ConnectionsApi.query;
import static dochooks.adapters.http.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dochooks.adapters.provider.testing.TestOAuth2Server;
import dochooks.domain.document.ProviderEndpoint;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The three steps of a connection over HTTP (api.md 4): start, the browser's callback, confirm; then documents
 * with the user's bearer token. Against a strict authorization server (PKCE, credentials in the body, single-use
 * codes) and a provider that accepts only the access tokens it issued.
 */
class ConnectionFlowIT {
    private static ConnectionsApi world;
    private String tenant;
    private String id;
    private String alice;
    private long codeGrantsBefore;

    @BeforeAll
    static void start() throws Exception {
        world = ConnectionsApi.start();
    }

    @AfterAll
    static void stop() throws Exception {
        world.close();
    }

    @BeforeEach
    void integration() {
        world.reset();
        tenant = TestApi.newTenant();
        id = world.registerOAuth2(tenant);
        alice = Tokens.user(tenant, "alice");
        world.provider.addFile("/", "file-1", "a.txt", "text/plain", new byte[] {42});
        codeGrantsBefore = world.oauth.tokenCalls("authorization_code");
    }

    /** Code grants the authorization server received during this test. */
    private long codeGrants() {
        return world.oauth.tokenCalls("authorization_code") - codeGrantsBefore;
    }

    @Test
    void startAnswersTheAuthorizationUrlOfTheIntegrationWithPkceAndItsOwnParameters() {
        Answer started = world.api.post(connection(id), alice);

        assertEquals(200, started.status(), started::toString);
        assertEquals("no-store", started.header("Cache-Control"));
        String url = started.json().getString("authorizationUrl");
        assertTrue(url.startsWith(world.oauth.authorizationUrl() + "?"), url);
        Map<String, String> params = query(url);
        assertEquals("code", params.get("response_type"));
        assertEquals(TestOAuth2Server.CLIENT_ID, params.get("client_id"));
        assertEquals(TestApi.REDIRECT_URI.value(), params.get("redirect_uri"));
        assertEquals("S256", params.get("code_challenge_method"));
        assertEquals(43, params.get("code_challenge").length());
        assertEquals(43, params.get("state").length());
        assertEquals(1, world.pending.rows().size() - rowsOfOthers(), "one pending authorization stored");
    }

    /** Pending rows of other tests' tenants (the store is shared by the class). */
    private int rowsOfOthers() {
        return (int) world.pending.rows().stream()
                .filter(row -> !row.authorization().key().tenant().value().equals(tenant)).count();
    }

    @Test
    void theWholeDanceConnectsTheUserWhoseDocumentsThenTravelWithTheirBearerToken() {
        Answer before = world.api.get(connection(id), alice);
        assertEquals(new JsonObject().put("state", "NOT_CONNECTED").putNull("connectedAt")
                .putNull("accessTokenExpiresAt"), before.json());

        Answer callback = world.authorizeAndCallBack(alice, id);

        assertEquals(303, callback.status(), callback::toString);
        assertEquals("no-store", callback.header("Cache-Control"));
        assertEquals("no-referrer", callback.header("Referrer-Policy"));
        String location = callback.header("Location");
        assertTrue(location.startsWith(ConnectionsApi.CONNECTED_PAGE + "?integrationId=" + id
                + "&result=authorized&confirmation="), location);
        assertEquals(0, codeGrants(), "the code is redeemed only on the user's confirmation");
        assertEquals("NOT_CONNECTED", world.api.get(connection(id), alice).json().getString("state"));

        Instant asked = Instant.now();
        Answer confirmed = world.confirm(alice, id, query(location).get("confirmation"));

        assertEquals(200, confirmed.status(), confirmed::toString);
        JsonObject status = confirmed.json();
        assertEquals("CONNECTED", status.getString("state"));
        Instant connectedAt = Instant.parse(status.getString("connectedAt"));
        Instant expiresAt = Instant.parse(status.getString("accessTokenExpiresAt"));
        assertTrue(!connectedAt.isBefore(asked.minusSeconds(1)), status::encode);
        assertTrue(Duration.between(connectedAt, expiresAt).toSeconds() >= 3590, status::encode);
        assertTrue(status.getString("connectedAt").matches(".*\\.\\d{3}Z"), status::encode);
        assertEquals(status, world.api.get(connection(id), alice).json());
        assertEquals(1, codeGrants());

        Answer files = world.files(alice, id);

        assertEquals(200, files.status(), files::toString);
        assertEquals("file-1", files.items().getJsonObject(0).getString("id"));
        String bearer = world.provider.requestsTo(ProviderEndpoint.FILES).get(0).header("Authorization");
        assertTrue(world.oauth.acceptsAccessToken(bearer.substring("Bearer ".length())), bearer);
        assertFalse(confirmed.body().contains(bearer.substring("Bearer ".length())), "no token in any answer");
    }

    @Test
    void aUserWithoutAConnectionIsToldToConnectAndNothingIsSent() {
        Answer files = world.files(alice, id);

        assertProblem(files, 409, "connection-required");
        assertEquals(List.of(), world.provider.requestsTo(ProviderEndpoint.FILES));
    }

    @Test
    void aReplayedCallbackIsRejectedAndNeverRedirected() {
        URI callback = world.authorize(world.start(alice, id));
        assertEquals(303, world.callback(callback.getRawQuery()).status());

        Answer replayed = world.callback(callback.getRawQuery());

        assertProblem(replayed, 400, "oauth-callback-rejected");
        assertNull(replayed.header("Location"));
        assertEquals("/oauth2/callback", replayed.json().getString("instance"), "the query is not echoed");
    }

    @Test
    void anUnknownOrMissingStateIsRejected() throws Exception {
        URI callback = world.authorize(world.start(alice, id));
        String code = query(callback.toString()).get("code");

        assertProblem(world.callback("code=" + code + "&state=not-a-state-we-issued"), 400, "oauth-callback-rejected");
        assertProblem(world.callback("code=" + code), 400, "oauth-callback-rejected");
        assertProblem(world.callback(null), 400, "oauth-callback-rejected");
        Answer undecodable = RawHttp.exchange(world.api.port(), "GET /oauth2/callback?code=" + code
                + "&state=%ZZ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        assertProblem(undecodable, 400, "oauth-callback-rejected");

        assertEquals(303, world.callback(callback.getRawQuery()).status(), "the real state was not used up");
    }

    @Test
    void anExpiredStateIsRejectedAndLeavesNothingStored() {
        URI callback = world.authorize(world.start(alice, id));
        world.clock.advance(Duration.ofMinutes(10).plusSeconds(1));

        Answer late = world.callback(callback.getRawQuery());

        assertProblem(late, 400, "oauth-callback-rejected");
        assertEquals(0, world.pending.rows().size() - rowsOfOthers());
    }

    @Test
    void anErrorFromTheProviderIsRejectedAndUsesTheStateUp() {
        world.oauth.denyAuthorizations(true);
        URI denied = world.authorize(world.start(alice, id));
        assertTrue(denied.getRawQuery().contains("error=access_denied"), denied::toString);
        String state = query(denied.toString()).get("state");

        assertProblem(world.callback(denied.getRawQuery()), 400, "oauth-callback-rejected");
        assertProblem(world.callback("code=some-code&state=" + state), 400, "oauth-callback-rejected");
        assertEquals(0, world.pending.rows().size() - rowsOfOthers());
    }

    @Test
    void aCallbackWithoutACodeIsRejectedAndUsesTheStateUp() {
        URI callback = world.authorize(world.start(alice, id));
        String state = query(callback.toString()).get("state");
        String code = query(callback.toString()).get("code");

        assertProblem(world.callback("state=" + state), 400, "oauth-callback-rejected");
        assertProblem(world.callback("code=" + code + "&state=" + state), 400, "oauth-callback-rejected");
    }

    @Test
    void aCallbackNamingTheStateOrCodeTwiceIsRejected() {
        URI callback = world.authorize(world.start(alice, id));
        String state = query(callback.toString()).get("state");

        assertProblem(world.callback(callback.getRawQuery() + "&code=another"), 400, "oauth-callback-rejected");
        assertProblem(world.callback(callback.getRawQuery()), 400, "oauth-callback-rejected");
        assertProblem(world.callback("state=" + state + "&" + callback.getRawQuery()), 400, "oauth-callback-rejected");
    }

    @Test
    void aConfirmationPresentedByAnotherUserIsForbiddenAndThePendingAuthorizationIsGone() {
        Answer callback = world.authorizeAndCallBack(alice, id);
        String confirmation = query(callback.header("Location")).get("confirmation");
        String bob = Tokens.user(tenant, "bob");

        Answer stolen = world.confirm(bob, id, confirmation);

        assertProblem(stolen, 403, "forbidden");
        assertTrue(stolen.json().getString("detail").contains("another user"), stolen::toString);
        assertEquals(0, codeGrants(), "the code was never redeemed");
        assertProblem(world.confirm(alice, id, confirmation), 400, "oauth-callback-rejected");
        assertEquals("NOT_CONNECTED", world.api.get(connection(id), bob).json().getString("state"));
        assertEquals("NOT_CONNECTED", world.api.get(connection(id), alice).json().getString("state"));
        assertEquals(0, world.pending.rows().size() - rowsOfOthers());
    }

    @Test
    void aConfirmationWorksOnce() {
        Answer callback = world.authorizeAndCallBack(alice, id);
        String confirmation = query(callback.header("Location")).get("confirmation");
        assertEquals(200, world.confirm(alice, id, confirmation).status());

        Answer again = world.confirm(alice, id, confirmation);

        assertProblem(again, 400, "oauth-callback-rejected");
        assertEquals(1, codeGrants());
        assertEquals("CONNECTED", world.api.get(connection(id), alice).json().getString("state"));
    }

    @Test
    void anUnknownConfirmationOrOneForAnotherIntegrationIsRejected() {
        String other = world.registerOAuth2(tenant);
        Answer callback = world.authorizeAndCallBack(alice, id);
        String confirmation = query(callback.header("Location")).get("confirmation");

        assertProblem(world.confirm(alice, id, "never-issued"), 400, "oauth-callback-rejected");
        assertProblem(world.confirm(alice, other, confirmation), 400, "oauth-callback-rejected");
        assertEquals(0, codeGrants());
    }

    @Test
    void aFailingTokenEndpointAtConfirmIsAProviderErrorAndUsesTheConfirmationUp() {
        Answer callback = world.authorizeAndCallBack(alice, id);
        String confirmation = query(callback.header("Location")).get("confirmation");
        world.oauth.misbehave(TestOAuth2Server.Misbehaviour.FAIL, 1);

        Answer failed = world.confirm(alice, id, confirmation);

        assertProblem(failed, 502, "provider-error");
        assertEquals(500, failed.json().getInteger("providerStatus"));
        assertProblem(world.confirm(alice, id, confirmation), 400, "oauth-callback-rejected");
        assertEquals("NOT_CONNECTED", world.api.get(connection(id), alice).json().getString("state"));
    }

    @Test
    void disconnectingDeletesTheTokensAndIsIdempotent() {
        world.connect(alice, id);
        assertEquals(200, world.files(alice, id).status());

        Answer first = world.api.delete(connection(id), alice);
        Answer second = world.api.delete(connection(id), alice);

        assertEquals(204, first.status(), first::toString);
        assertEquals(204, second.status(), second::toString);
        assertEquals("", first.body());
        assertEquals("NOT_CONNECTED", world.api.get(connection(id), alice).json().getString("state"));
        assertProblem(world.files(alice, id), 409, "connection-required");
    }

    @Test
    void aRefusedRefreshNeedsReauthorizationWhichConnectingAgainHeals() {
        world.connect(alice, id);
        world.oauth.revokeAccessTokens();
        world.oauth.misbehave(TestOAuth2Server.Misbehaviour.REFUSE);

        Answer refused = world.files(alice, id);

        assertProblem(refused, 409, "reauthorization-required");
        JsonObject status = world.api.get(connection(id), alice).json();
        assertEquals("REAUTHORIZATION_REQUIRED", status.getString("state"));
        assertNotNull(status.getString("connectedAt"));
        assertNull(status.getValue("accessTokenExpiresAt"));
        assertProblem(world.files(alice, id), 409, "reauthorization-required");

        world.oauth.behave();
        world.connect(alice, id);

        assertEquals("CONNECTED", world.api.get(connection(id), alice).json().getString("state"));
        assertEquals(200, world.files(alice, id).status());
    }

    @Test
    void eachUserHasTheirOwnConnection() {
        world.connect(alice, id);
        String bob = Tokens.user(tenant, "bob");

        assertProblem(world.files(bob, id), 409, "connection-required");
        assertEquals("NOT_CONNECTED", world.api.get(connection(id), bob).json().getString("state"));
        assertEquals(204, world.api.delete(connection(id), bob).status());
        assertEquals(200, world.files(alice, id).status(), "bob's disconnect left alice's connection alone");
    }

    @Test
    void deletingTheIntegrationDeletesItsConnections() {
        world.connect(alice, id);
        int before = world.connections.size();

        assertEquals(204, world.api.delete("/api/v1/integrations/" + id, Tokens.admin(tenant, "root")).status());

        assertEquals(before - 1, world.connections.size());
        assertProblem(world.api.get(connection(id), alice), 404, "integration-not-found");
    }
}
