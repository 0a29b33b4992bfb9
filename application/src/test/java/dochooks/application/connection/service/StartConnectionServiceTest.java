package dochooks.application.connection.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dochooks.application.connection.port.in.StartConnectionUseCase.StartConnectionCommand;
import dochooks.application.connection.port.out.ConnectionKey;
import dochooks.application.connection.port.out.Sha256Digest;
import dochooks.application.connection.testing.ConnectionWorld;
import dochooks.application.connection.testing.InMemoryPendingAuthorizations.Row;
import dochooks.application.error.IntegrationDisabledException;
import dochooks.application.error.IntegrationNotFoundException;
import dochooks.application.error.NotOAuth2Exception;
import dochooks.application.testing.Futures;
import dochooks.application.testing.IntegrationForms;
import dochooks.domain.integration.Integration;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StartConnectionServiceTest {
    private final ConnectionWorld world = new ConnectionWorld();

    private String start(Integration integration) {
        return Futures.succeeded(world.start.start(world.user, new StartConnectionCommand(integration.id())))
                .authorizationUrl();
    }

    /** The query of {@code url}, decoded, in order (the last of a repeated name wins: none must repeat). */
    static Map<String, String> query(String url) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            int equals = pair.indexOf('=');
            String name = AuthorizationUrl.decodeLeniently(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : AuthorizationUrl.decodeLeniently(pair.substring(equals + 1));
            String previous = parameters.put(name, value);
            assertNull(previous, name + " appears twice in " + url);
        }
        return parameters;
    }

    @Test
    void theUrlCarriesTheAuthorizationRequestAndThePkceChallenge() {
        Integration integration = world.oauth2();

        String url = start(integration);

        assertTrue(url.startsWith("https://dms.acme.example/oauth/authorize?"), url);
        Map<String, String> query = query(url);
        assertEquals("code", query.get("response_type"));
        assertEquals("wf-123", query.get("client_id"));
        assertEquals("https://dochooks.acme.example/oauth2/callback", query.get("redirect_uri"));
        assertEquals("S256", query.get("code_challenge_method"));
        Row row = world.pending.rows().get(0);
        assertEquals(OneTimeValues.s256Challenge(row.authorization().codeVerifier().reveal()), query.get("code_challenge"));
        assertTrue(url.contains("redirect_uri=https%3A%2F%2Fdochooks.acme.example%2Foauth2%2Fcallback"), url);
    }

    @Test
    void onlyTheStatesDigestIsStoredWithTheCallerTheIntegrationAndTenMinutes() {
        Integration integration = world.oauth2();

        String state = query(start(integration)).get("state");

        Row row = world.pending.rows().get(0);
        assertEquals(Sha256Digest.of(state), row.state());
        assertEquals(ConnectionKey.of(world.user, integration), row.authorization().key());
        assertEquals(ConnectionWorld.NOW.plus(Duration.ofMinutes(10)), row.authorization().expiresAt());
        assertNull(row.authorization().code());
        assertNull(row.confirmation());
    }

    @Test
    void stateAndVerifierAreFreshHighEntropyValuesEveryTime() {
        Integration integration = world.oauth2();

        String first = query(start(integration)).get("state");
        String second = query(start(integration)).get("state");

        assertNotEquals(first, second);
        assertTrue(first.matches("[A-Za-z0-9_-]{43}"), "256 random bits in base64url: " + first);
        String verifier = world.pending.rows().get(0).authorization().codeVerifier().reveal();
        assertTrue(verifier.matches("[A-Za-z0-9_-]{43}"), "an RFC 7636 verifier of 256 random bits");
        assertNotEquals(verifier, world.pending.rows().get(1).authorization().codeVerifier().reveal());
        assertNotEquals(first, verifier);
    }

    @Test
    void dochooksOwnParametersOverrideTheAdminsWhileTheAdminsOthersStay() {
        Integration integration = world.stored(ConnectionWorld.ACME, IntegrationForms.oauth2()
                .authenticationUrl("https://dms.acme.example/oauth/authorize?prompt=consent&state=fixed&client_id=other"
                        + "&redirect%5Furi=https%3A%2F%2Fevil.example&response_type=token&code_challenge_method=plain"
                        + "&code_challenge=abc&flag"));

        String url = start(integration);

        assertTrue(url.startsWith("https://dms.acme.example/oauth/authorize?prompt=consent&flag&response_type=code"
                + "&client_id=wf-123&redirect_uri="), url);
        Map<String, String> query = query(url);
        assertEquals("wf-123", query.get("client_id"));
        assertEquals("https://dochooks.acme.example/oauth2/callback", query.get("redirect_uri"));
        assertEquals("code", query.get("response_type"));
        assertEquals("S256", query.get("code_challenge_method"));
        assertNotEquals("fixed", query.get("state"));
        assertNotEquals("abc", query.get("code_challenge"));
    }

    @Test
    void requestParametersFollowAndOneAlreadyInTheUrlIsNotAddedTwice() {
        Integration integration = world.stored(ConnectionWorld.ACME, IntegrationForms.oauth2()
                .authenticationUrl("https://dms.acme.example/oauth/authorize?access_type=online")
                .requestParameters("access_type=offline&scope=read%20write&plus=a%2Bb"));

        String url = start(integration);

        Map<String, String> query = query(url);
        assertEquals("online", query.get("access_type"), "the admin's URL wins");
        assertEquals("read write", query.get("scope"));
        assertTrue(url.endsWith("&code_challenge_method=S256&scope=read%20write&plus=a%2Bb"), url);
    }

    @Test
    void anApiKeyIntegrationHasNothingToConnect() {
        Integration integration = world.apiKey();

        Futures.failed(world.start.start(world.user, new StartConnectionCommand(integration.id())),
                NotOAuth2Exception.class);
        assertTrue(world.pending.rows().isEmpty());
    }

    @Test
    void aDisabledIntegrationIsNotFoundForUsersAndDisabledForAdmins() {
        Integration disabled = world.stored(ConnectionWorld.ACME, IntegrationForms.oauth2().status("DISABLED"));
        StartConnectionCommand command = new StartConnectionCommand(disabled.id());

        Futures.failed(world.start.start(world.user, command), IntegrationNotFoundException.class);
        Futures.failed(world.start.start(world.admin, command), IntegrationDisabledException.class);
        assertTrue(world.pending.rows().isEmpty());
    }

    @Test
    void anotherTenantsIntegrationDoesNotExist() {
        Integration globex = world.stored(ConnectionWorld.GLOBEX, IntegrationForms.oauth2());

        Futures.failed(world.start.start(world.user, new StartConnectionCommand(globex.id())),
                IntegrationNotFoundException.class);
        assertTrue(world.pending.rows().isEmpty());
    }

    @Test
    void theChallengeIsRfc7636S256() {
        // RFC 7636, appendix B
        assertEquals("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
                OneTimeValues.s256Challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
    }
}
