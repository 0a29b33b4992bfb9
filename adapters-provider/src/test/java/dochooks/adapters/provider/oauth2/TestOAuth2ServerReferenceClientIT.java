package dochooks.adapters.provider.oauth2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dochooks.adapters.provider.testing.Await;
import dochooks.adapters.provider.testing.TestOAuth2Server;
import io.vertx.core.Vertx;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.oauth2.OAuth2Auth;
import io.vertx.ext.auth.oauth2.OAuth2AuthorizationURL;
import io.vertx.ext.auth.oauth2.OAuth2FlowType;
import io.vertx.ext.auth.oauth2.OAuth2Options;
import io.vertx.ext.auth.oauth2.Oauth2Credentials;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The test authorization server against an independent OAuth2 client, vertx-auth-oauth2 with client credentials
 * in the body ({@code setUseBasicAuthorization(false)}): the server speaks standard OAuth2 with PKCE, not only
 * dochooks' dialect, so tests against it prove dochooks standard too (docs/adr/004).
 */
class TestOAuth2ServerReferenceClientIT {
    static final String REDIRECT_URI = "https://dochooks.acme.example/oauth2/callback";
    static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

    static Vertx vertx;
    static TestOAuth2Server server;
    static OAuth2Auth reference;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        server = TestOAuth2Server.start(vertx, REDIRECT_URI);
        reference = OAuth2Auth.create(vertx, new OAuth2Options()
                .setClientId(TestOAuth2Server.CLIENT_ID)
                .setClientSecret(TestOAuth2Server.CLIENT_SECRET)
                .setSite("http://127.0.0.1:" + server.port())
                .setAuthorizationPath("/authorize")
                .setTokenPath("/token")
                .setUseBasicAuthorization(false));
    }

    @AfterAll
    static void stop() {
        reference.close();
        Await.result(server.close());
        Await.result(vertx.close());
    }

    @Test
    void aStandardClientConnectsAndRefreshesWithPkceAndCredentialsInTheBody() {
        String url = reference.authorizeURL(new OAuth2AuthorizationURL().setRedirectUri(REDIRECT_URI).setState("xyz")
                .setCodeChallenge(TestOAuth2Server.s256(VERIFIER)).setCodeChallengeMethod("S256"));
        URI back = Await.result(server.authorize(url));
        String code = back.getRawQuery().substring("code=".length(), back.getRawQuery().indexOf('&'));
        assertTrue(back.getRawQuery().endsWith("&state=xyz"), back.toString());

        User user = Await.result(reference.authenticate(new Oauth2Credentials().setFlow(OAuth2FlowType.AUTH_CODE)
                .setCode(code).setRedirectUri(REDIRECT_URI).setCodeVerifier(VERIFIER)));
        String accessToken = user.principal().getString("access_token");
        assertTrue(server.acceptsAccessToken(accessToken));
        assertFalse(server.tokenCalls().get(0).headers().contains("Authorization"));

        User refreshed = Await.result(reference.refresh(user));
        assertNotEquals(accessToken, refreshed.principal().getString("access_token"));
        assertTrue(server.acceptsAccessToken(refreshed.principal().getString("access_token")));
        assertEquals(2, server.tokenCalls().stream().filter(call -> call.status() == 200).count());
    }
}
