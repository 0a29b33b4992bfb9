package dochooks.application.connection.testing;

import dochooks.application.Caller;
import dochooks.application.connection.port.out.ConnectionKey;
import dochooks.application.connection.port.out.TokenSet;
import dochooks.application.connection.port.out.UserConnection;
import dochooks.application.connection.service.CompleteAuthorizationService;
import dochooks.application.connection.service.ConfirmConnectionService;
import dochooks.application.connection.service.DisconnectService;
import dochooks.application.connection.service.GetConnectionStatusService;
import dochooks.application.connection.service.RefreshSettings;
import dochooks.application.connection.service.StartConnectionService;
import dochooks.application.connection.service.UserAccessTokenService;
import dochooks.application.testing.Callers;
import dochooks.application.testing.InMemoryIntegrationStore;
import dochooks.application.testing.IntegrationForms;
import dochooks.application.testing.Seeds;
import dochooks.application.testing.TestClock;
import dochooks.domain.connection.TokenLifetime;
import dochooks.domain.integration.Integration;
import dochooks.domain.integration.RedirectUri;
import dochooks.domain.integration.Secret;
import dochooks.domain.tenancy.TenantId;
import dochooks.domain.tenancy.UserId;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One tenant with its integrations, in-memory connections and pending authorizations, a scripted token
 * endpoint, a clock that stands still, and every connection service wired to them as bootstrap would.
 * Waits ({@link #delays}) complete at once and are recorded; {@link #onDelay} lets a test act while a request
 * waits, as another process would.
 */
public final class ConnectionWorld {
    public static final TenantId ACME = new TenantId("acme");
    public static final TenantId GLOBEX = new TenantId("globex");
    public static final Instant NOW = Instant.parse("2026-11-23T14:05:00.123Z");
    public static final RedirectUri REDIRECT_URI = RedirectUri.under("https://dochooks.acme.example");
    public static final RefreshSettings REFRESH = new RefreshSettings(Duration.ofSeconds(35), Duration.ofMillis(100), 5);

    public final TestClock clock = new TestClock(NOW);
    public final InMemoryIntegrationStore integrations = new InMemoryIntegrationStore();
    public final InMemoryConnectionStore connections = new InMemoryConnectionStore(clock);
    public final InMemoryPendingAuthorizations pending = new InMemoryPendingAuthorizations();
    public final ScriptedTokenEndpoint tokenEndpoint = new ScriptedTokenEndpoint();
    public final List<Duration> delays = new ArrayList<>();
    public Runnable onDelay = () -> { };

    public final Caller admin = Callers.admin(ACME);
    public final Caller user = Callers.user(ACME);
    public final Caller colleague = new Caller(ACME, new UserId("user-2"), "user.two", Set.of("user"));

    public final StartConnectionService start = new StartConnectionService(integrations, pending, REDIRECT_URI, clock);
    public final CompleteAuthorizationService callback = new CompleteAuthorizationService(pending, clock);
    public final ConfirmConnectionService confirm =
            new ConfirmConnectionService(integrations, pending, tokenEndpoint, connections, REDIRECT_URI, clock);
    public final GetConnectionStatusService status = new GetConnectionStatusService(integrations, connections);
    public final DisconnectService disconnect = new DisconnectService(integrations, connections);
    public final UserAccessTokenService tokens = tokens(REFRESH);

    private int names;

    /** A token service over this world's storage and endpoint, with other refresh settings. */
    public UserAccessTokenService tokens(RefreshSettings settings) {
        return new UserAccessTokenService(connections, connections, tokenEndpoint, delay -> {
            delays.add(delay);
            clock.advance(delay);
            onDelay.run();
            return Future.succeededFuture();
        }, clock, settings);
    }

    public Integration oauth2() {
        return stored(ACME, IntegrationForms.oauth2());
    }

    public Integration apiKey() {
        return stored(ACME, IntegrationForms.apiKey());
    }

    public Integration stored(TenantId tenant, IntegrationForms form) {
        names++;
        return Seeds.stored(integrations, tenant, form.name("Integration " + names), NOW);
    }

    /** {@code caller} connected now with these tokens, living {@code seconds} (null: no known expiry). */
    public UserConnection connect(Caller caller, Integration integration, String access, String refresh, Long seconds) {
        UserConnection connection = UserConnection.connected(ConnectionKey.of(caller, integration),
                tokens(access, refresh, seconds), clock.instant());
        connections.save(connection);
        return connection;
    }

    public TokenSet tokens(String access, String refresh, Long seconds) {
        return new TokenSet(Secret.of(access), refresh == null ? null : Secret.of(refresh),
                TokenLifetime.of(clock.instant(), seconds));
    }

    public UserConnection stored(Caller caller, Integration integration) {
        return connections.find(ConnectionKey.of(caller, integration)).result().orElseThrow();
    }
}
