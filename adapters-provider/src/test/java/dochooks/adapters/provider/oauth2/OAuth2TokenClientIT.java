package dochooks.adapters.provider.oauth2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dochooks.adapters.provider.ProviderAdapter;
import dochooks.adapters.provider.ProviderSettings;
import dochooks.adapters.provider.egress.EgressPolicy;
import dochooks.adapters.provider.egress.HostLookup;
import dochooks.adapters.provider.testing.Await;
import dochooks.adapters.provider.testing.TestIntegrations;
import dochooks.adapters.provider.testing.TestOAuth2Server;
import dochooks.adapters.provider.testing.TestOAuth2Server.ExpiryStyle;
import dochooks.adapters.provider.testing.TestOAuth2Server.Misbehaviour;
import dochooks.adapters.provider.testing.TestOAuth2Server.TokenCall;
import dochooks.application.connection.port.out.AuthorizationCode;
import dochooks.application.connection.port.out.TokenEndpointPort;
import dochooks.application.connection.port.out.TokenGrant;
import dochooks.application.error.ProviderAddressBlockedException;
import dochooks.application.error.ProviderErrorException;
import dochooks.application.error.ProviderTimeoutException;
import dochooks.application.error.ProviderUnreachableException;
import dochooks.domain.integration.Integration;
import dochooks.domain.integration.RedirectUri;
import dochooks.domain.integration.RequestParameters;
import dochooks.domain.integration.Secret;
import io.vertx.core.Vertx;
import java.net.ServerSocket;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The token endpoint client against the test authorization server, over real HTTP on 127.0.0.1. */
class OAuth2TokenClientIT {
    static final RedirectUri REDIRECT_URI = new RedirectUri("https://dochooks.acme.example/oauth2/callback");
    static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
    static final HostLookup NO_NAMES = name -> {
        throw new UnknownHostException(name);
    };

    static Vertx vertx;
    static ProviderAdapter adapter;
    static ProviderAdapter impatientAdapter;
    static ProviderAdapter strictAdapter;

    TestOAuth2Server server;
    Integration integration;
    TokenEndpointPort tokens;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        adapter = ProviderAdapter.create(vertx, new ProviderSettings(EgressPolicy.allowing("127.0.0.0/8"),
                Duration.ofSeconds(10)), NO_NAMES, null);
        impatientAdapter = ProviderAdapter.create(vertx, new ProviderSettings(EgressPolicy.allowing("127.0.0.0/8"),
                Duration.ofMillis(300)), NO_NAMES, null);
        strictAdapter = ProviderAdapter.create(vertx, new ProviderSettings(EgressPolicy.strict(),
                Duration.ofSeconds(10)), NO_NAMES, null);
    }

    @AfterAll
    static void stop() {
        Await.result(adapter.close());
        Await.result(impatientAdapter.close());
        Await.result(strictAdapter.close());
        Await.result(vertx.close());
    }

    @BeforeEach
    void freshServer() {
        server = TestOAuth2Server.start(vertx, REDIRECT_URI.value());
        integration = TestIntegrations.oauth2("http://127.0.0.1:1/api", server, "access_type=offline&scope=files");
        tokens = adapter.tokenEndpoint();
    }

    @AfterEach
    void stopServer() {
        Await.result(server.close());
    }

    /** A code the server issued for the S256 challenge of {@link #VERIFIER}, as its authorize endpoint redirects. */
    private String code() {
        String url = server.authorizationUrl() + "?response_type=code&client_id=" + TestOAuth2Server.CLIENT_ID
                + "&redirect_uri=" + RequestParameters.encode(REDIRECT_URI.value()) + "&state=s&code_challenge="
                + CHALLENGE + "&code_challenge_method=S256";
        URI location = Await.result(server.authorize(url));
        String query = location.getRawQuery();
        return query.substring("code=".length(), query.indexOf('&'));
    }

    private TokenGrant.Issued redeem() {
        return assertInstanceOf(TokenGrant.Issued.class, Await.result(tokens.redeem(integration,
                new AuthorizationCode(Secret.of(code()), Secret.of(VERIFIER), REDIRECT_URI))));
    }

    private TokenGrant refresh(Secret refreshToken) {
        return Await.result(tokens.refresh(integration, refreshToken));
    }

    private TokenCall lastCall() {
        List<TokenCall> calls = server.tokenCalls();
        return calls.get(calls.size() - 1);
    }

    @Test
    void aCodeIsRedeemedWithExactlyTheSixFieldsInTheFormBody() {
        String code = code();

        TokenGrant grant = Await.result(tokens.redeem(integration,
                new AuthorizationCode(Secret.of(code), Secret.of(VERIFIER), REDIRECT_URI)));

        TokenGrant.Issued issued = assertInstanceOf(TokenGrant.Issued.class, grant);
        assertTrue(server.acceptsAccessToken(issued.accessToken().reveal()));
        assertEquals(3600L, issued.expiresInSeconds());
        TokenCall call = lastCall();
        assertEquals("grant_type=authorization_code&code=" + code
                + "&redirect_uri=https%3A%2F%2Fdochooks.acme.example%2Foauth2%2Fcallback&client_id=test-client"
                + "&client_secret=" + TestOAuth2Server.CLIENT_SECRET + "&code_verifier=" + VERIFIER, call.rawBody());
        assertEquals("application/x-www-form-urlencoded", call.headers().get("Content-Type"));
        assertEquals("application/json", call.headers().get("Accept"));
        assertFalse(call.headers().contains("Authorization"), "credentials travel in the body, never as Basic");
        assertEquals(200, call.status());
    }

    @Test
    void aRefreshSendsOnlyGrantTypeRefreshTokenAndTheClientsCredentials() {
        TokenGrant.Issued first = redeem();

        TokenGrant.Issued second = assertInstanceOf(TokenGrant.Issued.class, refresh(first.refreshToken()));

        assertEquals("grant_type=refresh_token&refresh_token=" + first.refreshToken().reveal()
                + "&client_id=test-client&client_secret=" + TestOAuth2Server.CLIENT_SECRET, lastCall().rawBody());
        assertFalse(lastCall().headers().contains("Authorization"));
        assertTrue(server.acceptsAccessToken(second.accessToken().reveal()));
        assertFalse(second.refreshToken().equals(first.refreshToken()), "the server rotates refresh tokens");
    }

    @Test
    void requestParametersNeverGoToTheTokenEndpoint() {
        TokenGrant.Issued issued = redeem();
        refresh(issued.refreshToken());

        for (TokenCall call : server.tokenCalls()) {
            assertFalse(call.rawBody().contains("access_type") || call.rawBody().contains("scope"), call.rawBody());
        }
    }

    @Test
    void aRotatedRefreshTokenIsRefused() {
        TokenGrant.Issued first = redeem();
        refresh(first.refreshToken());

        TokenGrant.Refused refused = assertInstanceOf(TokenGrant.Refused.class, refresh(first.refreshToken()));

        assertEquals(400, refused.status());
        assertEquals("invalid_grant", refused.error());
        assertEquals(1, server.oldRefreshTokenPresentations());
    }

    @Test
    void aCodeWorksOnceAndOnlyWithItsVerifier() {
        String code = code();
        TokenGrant wrongVerifier = Await.result(tokens.redeem(integration,
                new AuthorizationCode(Secret.of(code), Secret.of("another-verifier-of-enough-length-0123456789"),
                        REDIRECT_URI)));
        String second = code();
        Await.result(tokens.redeem(integration, new AuthorizationCode(Secret.of(second), Secret.of(VERIFIER),
                REDIRECT_URI)));
        TokenGrant replay = Await.result(tokens.redeem(integration, new AuthorizationCode(Secret.of(second),
                Secret.of(VERIFIER), REDIRECT_URI)));

        assertEquals("invalid_grant", assertInstanceOf(TokenGrant.Refused.class, wrongVerifier).error());
        assertEquals("invalid_grant", assertInstanceOf(TokenGrant.Refused.class, replay).error());
    }

    @Test
    void expiryIsReadInEveryStyleTheProtocolShows() {
        server.expiry(120, ExpiryStyle.STRING);
        assertEquals(120L, redeem().expiresInSeconds());
        server.expiry(90, ExpiryStyle.MISSPELLED);
        assertEquals(90L, redeem().expiresInSeconds());
        server.expiry(90, ExpiryStyle.ABSENT);
        assertNull(redeem().expiresInSeconds());
    }

    @Test
    void anAnswerWithoutRefreshTokenHasNone() {
        TokenGrant.Issued first = redeem();
        server.omitRefreshToken(true);

        TokenGrant.Issued second = assertInstanceOf(TokenGrant.Issued.class, refresh(first.refreshToken()));

        assertNull(second.refreshToken());
        assertInstanceOf(TokenGrant.Issued.class, refresh(first.refreshToken()), "the old one stays valid then");
    }

    @Test
    void aRefusalIsAnOutcomeWithTheServersWords() {
        TokenGrant.Issued first = redeem();
        server.misbehave(Misbehaviour.REFUSE, 1);

        assertEquals(new TokenGrant.Refused(400, "invalid_grant", "the grant was revoked"), refresh(first.refreshToken()));
    }

    @Test
    void aFailingServerIsAProviderError() {
        TokenGrant.Issued first = redeem();
        server.misbehave(Misbehaviour.FAIL);

        ProviderErrorException failed = Await.failure(tokens.refresh(integration, first.refreshToken()),
                ProviderErrorException.class);

        assertEquals(500, failed.providerStatus());
        assertEquals("server_error: the token service is down", failed.providerText());
    }

    @Test
    void aHangingServerIsATimeout() {
        server.misbehave(Misbehaviour.HANG);

        Await.failure(impatientAdapter.tokenEndpoint().refresh(integration, Secret.of("any-refresh-token")),
                ProviderTimeoutException.class);
        assertEquals(1, server.tokenCalls().size());
    }

    @Test
    void aRedirectIsNeverFollowed() {
        server.misbehave(Misbehaviour.REDIRECT);

        ProviderErrorException redirected = Await.failure(tokens.refresh(integration, Secret.of("any-refresh-token")),
                ProviderErrorException.class);

        assertEquals(307, redirected.providerStatus());
        assertEquals(0, server.redirectedCalls(), "the credentials went nowhere else");
    }

    @Test
    void anUnreachableEndpointFailsAsSuch() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Integration nowhere = dochooks.adapters.provider.testing.TestIntegrations.oauth2(
                "http://127.0.0.1:" + closedPort + "/api");

        Await.failure(tokens.refresh(nowhere, Secret.of("any-refresh-token")), ProviderUnreachableException.class);
    }

    @Test
    void theEgressPolicyAppliesToTheTokenEndpoint() {
        Await.failure(strictAdapter.tokenEndpoint().refresh(integration, Secret.of("any-refresh-token")),
                ProviderAddressBlockedException.class);
        assertTrue(server.tokenCalls().isEmpty(), "nothing was sent");
    }
}
