package dochooks.adapters.provider.oauth2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dochooks.adapters.provider.ProviderAdapter;
import dochooks.adapters.provider.ProviderSettings;
import dochooks.adapters.provider.egress.EgressPolicy;
import dochooks.adapters.provider.testing.Await;
import dochooks.adapters.provider.testing.TestDocumentProvider;
import dochooks.adapters.provider.testing.TestIntegrations;
import dochooks.adapters.provider.testing.TestOAuth2Server;
import dochooks.adapters.provider.testing.TestOAuth2Server.Misbehaviour;
import dochooks.application.Caller;
import dochooks.application.connection.port.in.CompleteAuthorizationUseCase.AuthorizationCallback;
import dochooks.application.connection.port.in.ConfirmConnectionUseCase.ConfirmConnectionCommand;
import dochooks.application.connection.port.in.ConnectionStatus;
import dochooks.application.connection.port.in.GetConnectionStatusUseCase.GetConnectionStatusQuery;
import dochooks.application.connection.port.in.StartConnectionUseCase.StartConnectionCommand;
import dochooks.application.connection.port.out.ConnectionKey;
import dochooks.application.connection.port.out.UserConnection;
import dochooks.application.connection.service.CompleteAuthorizationService;
import dochooks.application.connection.service.ConfirmConnectionService;
import dochooks.application.connection.service.GetConnectionStatusService;
import dochooks.application.connection.service.RefreshSettings;
import dochooks.application.connection.service.StartConnectionService;
import dochooks.application.connection.service.UserAccessTokenService;
import dochooks.application.connection.testing.InMemoryConnectionStore;
import dochooks.application.connection.testing.InMemoryPendingAuthorizations;
import dochooks.application.document.port.in.ListFolderUseCase.ListFolderQuery;
import dochooks.application.document.service.ListFolderService;
import dochooks.application.error.OAuthCallbackRejectedException;
import dochooks.application.error.ProviderErrorException;
import dochooks.application.error.ReauthorizationRequiredException;
import dochooks.application.testing.InMemoryIntegrationStore;
import dochooks.application.testing.TestClock;
import dochooks.domain.connection.ConnectionState;
import dochooks.domain.document.Item;
import dochooks.domain.integration.Integration;
import dochooks.domain.integration.RedirectUri;
import dochooks.domain.tenancy.UserId;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The connection services with the real token client, the test authorization server and the test provider in
 * bearer mode (its accepted tokens are the server's live ones), storage in memory: api.md section 4 and the
 * refresh rules of section 5 over real HTTP, short of the HTTP adapter.
 */
class OAuth2ConnectionFlowIT {
    static final RedirectUri REDIRECT_URI = new RedirectUri("http://127.0.0.1:9/oauth2/callback");

    static Vertx vertx;
    static ProviderAdapter adapter;
    static TestDocumentProvider provider;

    TestOAuth2Server server;
    TestClock clock;
    InMemoryIntegrationStore integrations;
    InMemoryConnectionStore connections;
    InMemoryPendingAuthorizations pending;
    UserAccessTokenService tokens;
    StartConnectionService start;
    CompleteAuthorizationService callback;
    ConfirmConnectionService confirm;
    GetConnectionStatusService status;
    ListFolderService listFolder;
    Integration integration;
    Caller alice;

    @BeforeAll
    static void startProviders() {
        vertx = Vertx.vertx();
        adapter = ProviderAdapter.create(vertx, new ProviderSettings(EgressPolicy.allowing("127.0.0.0/8"),
                Duration.ofSeconds(10)), name -> {
                    throw new UnknownHostException(name);
                }, null);
        provider = TestDocumentProvider.start(vertx);
    }

    @AfterAll
    static void stop() {
        Await.result(adapter.close());
        Await.result(provider.close());
        Await.result(vertx.close());
    }

    @BeforeEach
    void wire() {
        provider.reset();
        provider.addFile("/", "doc-1", "report.pdf", "application/pdf", new byte[] {1, 2, 3});
        server = TestOAuth2Server.start(vertx, REDIRECT_URI.value());
        provider.requireBearer(server::acceptsAccessToken);
        clock = new TestClock(Instant.now());
        integrations = new InMemoryIntegrationStore();
        connections = new InMemoryConnectionStore(clock);
        pending = new InMemoryPendingAuthorizations();
        tokens = new UserAccessTokenService(connections, connections, adapter.tokenEndpoint(),
                delay -> vertx.timer(delay.toMillis(), TimeUnit.MILLISECONDS).mapEmpty(), clock,
                RefreshSettings.forTokenCallTimeout(Duration.ofSeconds(10)));
        start = new StartConnectionService(integrations, pending, REDIRECT_URI, clock);
        callback = new CompleteAuthorizationService(pending, clock);
        confirm = new ConfirmConnectionService(integrations, pending, adapter.tokenEndpoint(), connections,
                REDIRECT_URI, clock);
        status = new GetConnectionStatusService(integrations, connections);
        listFolder = new ListFolderService(integrations, tokens, adapter.documents());
        integration = TestIntegrations.oauth2(provider.baseUrl(), server, "access_type=offline");
        Await.result(integrations.insert(integration));
        alice = new Caller(integration.tenant(), new UserId("alice"), "alice", Set.of());
    }

    @AfterEach
    void stopServer() {
        Await.result(server.close());
    }

    /** Start, the browser at the authorize endpoint, the callback, the confirmation: as alice. */
    private ConnectionStatus connect() {
        String authorizationUrl = Await.result(start.start(alice, new StartConnectionCommand(integration.id())))
                .authorizationUrl();
        Map<String, String> back = query(Await.result(server.authorize(authorizationUrl)));
        String confirmation = Await.result(callback.complete(new AuthorizationCallback(back.get("state"),
                back.get("code"), back.get("error")))).confirmation();
        return Await.result(confirm.confirm(alice, new ConfirmConnectionCommand(integration.id(), confirmation)));
    }

    private Future<List<Item>> list() {
        return listFolder.listFolder(alice, new ListFolderQuery(integration.id(), null, null, null));
    }

    private UserConnection stored() {
        return Await.result(connections.find(ConnectionKey.of(alice, integration))).orElseThrow();
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int equals = pair.indexOf('=');
            parameters.put(pair.substring(0, equals), URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }

    @Test
    void theWholeDanceConnectsAndTheProviderAcceptsTheToken() {
        ConnectionStatus connected = connect();

        assertEquals(ConnectionState.CONNECTED, connected.state());
        assertEquals(List.of("doc-1"), Await.result(list()).stream().map(item -> item.id().value()).toList());
        assertEquals("Bearer " + stored().tokens().accessToken().reveal(), provider.lastRequest().header("Authorization"));
        assertEquals("offline", server.authorizeCalls().get(0).get("access_type"), "request parameters go there");
        assertEquals(1, server.tokenCalls("authorization_code"));
    }

    @Test
    void aDeniedAuthorizationIsRejectedAtTheCallbackAndStoresNothing() {
        server.denyAuthorizations(true);
        String authorizationUrl = Await.result(start.start(alice, new StartConnectionCommand(integration.id())))
                .authorizationUrl();
        Map<String, String> back = query(Await.result(server.authorize(authorizationUrl)));

        Await.failure(callback.complete(new AuthorizationCallback(back.get("state"), back.get("code"),
                back.get("error"))), OAuthCallbackRejectedException.class);

        assertEquals("access_denied", back.get("error"));
        assertTrue(pending.rows().isEmpty());
        assertEquals(ConnectionState.NOT_CONNECTED,
                Await.result(status.status(alice, new GetConnectionStatusQuery(integration.id()))).state());
        assertTrue(server.tokenCalls().isEmpty());
    }

    @Test
    void thirtyConcurrentCallsOnAnExpiredTokenRefreshItOnce() {
        connect();
        clock.advance(Duration.ofHours(1));

        List<Future<List<Item>>> calls = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            calls.add(list());
        }

        for (Future<List<Item>> call : calls) {
            assertEquals(1, Await.result(call).size());
        }
        assertEquals(1, server.tokenCalls("refresh_token"));
        assertEquals(0, server.oldRefreshTokenPresentations());
    }

    @Test
    void aTokenTheProviderRefusesIsRefreshedOnceAndTheCallRetried() {
        connect();
        String before = stored().tokens().accessToken().reveal();
        server.revokeAccessTokens();

        assertEquals(1, Await.result(list()).size());

        assertEquals(1, server.tokenCalls("refresh_token"));
        String after = stored().tokens().accessToken().reveal();
        assertTrue(!after.equals(before) && server.acceptsAccessToken(after));
    }

    @Test
    void theOldRefreshTokenIsNeverUsedAgainAfterRotation() {
        connect();
        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofHours(1));
            Await.result(list());
        }

        assertEquals(3, server.tokenCalls("refresh_token"));
        assertEquals(0, server.oldRefreshTokenPresentations());
        List<String> presented = server.tokenCalls().stream().filter(call -> "refresh_token".equals(call.grantType()))
                .map(call -> call.field("refresh_token")).toList();
        assertEquals(3, Set.copyOf(presented).size(), "a new refresh token each time");
    }

    @Test
    void aRefusedRefreshNeedsReauthorizationAndConnectingAgainHealsIt() {
        connect();
        server.revokeAccessTokens();
        server.misbehave(Misbehaviour.REFUSE, 1);

        Await.failure(list(), ReauthorizationRequiredException.class);
        assertEquals(ConnectionState.REAUTHORIZATION_REQUIRED,
                Await.result(status.status(alice, new GetConnectionStatusQuery(integration.id()))).state());

        assertEquals(ConnectionState.CONNECTED, connect().state());
        assertEquals(1, Await.result(list()).size());
    }

    @Test
    void aFailingTokenEndpointLeavesTheConnectionAsItWas() {
        connect();
        UserConnection before = stored();
        clock.advance(Duration.ofHours(1));
        server.misbehave(Misbehaviour.FAIL);

        assertEquals(500, Await.failure(list(), ProviderErrorException.class).providerStatus());

        assertEquals(before, stored());
        server.behave();
        assertEquals(1, Await.result(list()).size(), "the next call refreshes");
        assertInstanceOf(UserConnection.class, stored());
    }
}
