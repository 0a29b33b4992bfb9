package dochooks.bootstrap;

import dochooks.adapters.http.ConnectionUseCases;
import dochooks.adapters.http.DocumentUseCases;
import dochooks.adapters.http.HttpApi;
import dochooks.adapters.http.HttpApiSettings;
import dochooks.adapters.http.IntegrationUseCases;
import dochooks.adapters.persistence.DatabaseConnection;
import dochooks.adapters.persistence.DatabaseMigrations;
import dochooks.adapters.persistence.EncryptionKeys;
import dochooks.adapters.persistence.PersistenceAdapter;
import dochooks.adapters.provider.ProviderAdapter;
import dochooks.application.integration.service.ChangeIntegrationStatusService;
import dochooks.application.integration.service.DeleteIntegrationService;
import dochooks.application.integration.service.GetIntegrationService;
import dochooks.application.integration.service.ListIntegrationsService;
import dochooks.application.integration.service.RegisterIntegrationService;
import dochooks.application.integration.service.ReplaceIntegrationService;
import dochooks.application.connection.service.CompleteAuthorizationService;
import dochooks.application.connection.service.ConfirmConnectionService;
import dochooks.application.connection.service.DisconnectService;
import dochooks.application.connection.service.GetConnectionStatusService;
import dochooks.application.connection.service.RefreshSettings;
import dochooks.application.connection.service.StartConnectionService;
import dochooks.application.error.DatabaseUnavailableException;
import dochooks.application.connection.service.UserAccessTokenService;
import dochooks.domain.integration.RedirectUri;
import dochooks.domain.integration.UrlPolicy;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: configuration in, a listening server out. Builds every adapter and service by
 * hand, in the order of architecture.md, and closes them in reverse.
 */
public final class DochooksServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DochooksServer.class);
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(60);
    private static final long BREAKER_METRICS_REFRESH_MS = 1_000;
    private static final int STARTUP_DATABASE_ATTEMPTS = 15;
    private static final int HTTP_SERVERS = Runtime.getRuntime().availableProcessors();
    /** How long close() lets in-flight requests finish before their connections are cut. */
    static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(10);

    private final List<AutoCloseable> toClose;
    private final int port;
    private final Optional<String> generatedAdminToken;

    private DochooksServer(List<AutoCloseable> toClose, int port, Optional<String> generatedAdminToken) {
        this.toClose = toClose;
        this.port = port;
        this.generatedAdminToken = generatedAdminToken;
    }

    /** Starts everything; on any failure closes what was started and rethrows. */
    public static DochooksServer start(Config config) {
        return start(config, DRAIN_TIMEOUT);
    }

    /** As {@link #start(Config)}, with another bound on the drain of in-flight requests at close (tests). */
    static DochooksServer start(Config config, Duration drainTimeout) {
        List<AutoCloseable> started = new ArrayList<>();
        try {
            return start(config, drainTimeout, started);
        } catch (RuntimeException e) {
            closeAll(started);
            throw e;
        }
    }

    private static DochooksServer start(Config config, Duration drainTimeout, List<AutoCloseable> started) {
        DatabaseConnection database;
        String jwtSecret;
        EncryptionKeys keys;
        boolean secretFromDataDir = false;
        if (config.usesEmbeddedDatabase()) {
            DataDirectory dataDir = DataDirectory.open(config.dataDir());
            started.add(dataDir);
            jwtSecret = config.jwtSecret().orElseGet(() -> dataDir
                    .readOrGenerate(DataDirectory.JWT_SECRET_FILE, DochooksServer::newJwtSecret).value());
            secretFromDataDir = config.jwtSecret().isEmpty();
            keys = config.encryptionKeys().orElseGet(() -> EncryptionKeys.parse(dataDir
                    .readOrGenerate(DataDirectory.ENCRYPTION_KEYS_FILE, () -> EncryptionKeys.generate().format()).value()));
            EmbeddedDatabase embedded = EmbeddedDatabase.start(dataDir.databaseDirectory());
            started.add(embedded);
            database = embedded.connection();
        } else {
            database = config.database().orElseThrow();
            jwtSecret = config.jwtSecret().orElseThrow();
            keys = config.encryptionKeys().orElseThrow();
        }
        DatabaseMigrations.migrate(database);

        Observability observability = new Observability();
        Vertx vertx = observability.newVertx();
        started.add(() -> Futures.await(vertx.close(), STEP_TIMEOUT, "closing Vert.x"));
        PersistenceAdapter persistence = PersistenceAdapter.create(vertx, database, keys, config.databasePoolSize());
        started.add(() -> Futures.await(persistence.close(), STEP_TIMEOUT, "closing the database pool"));
        verifyKeyIdsOnceTheDatabaseAnswers(persistence);

        RedirectUri redirectUri = RedirectUri.under(config.publicBaseUrl());
        UrlPolicy urlPolicy = new UrlPolicy(config.allowHttpProviders());
        Clock clock = Clock.systemUTC();
        IntegrationUseCases integrations = new IntegrationUseCases(
                new RegisterIntegrationService(persistence, urlPolicy, redirectUri, clock),
                new ListIntegrationsService(persistence),
                new GetIntegrationService(persistence),
                new ReplaceIntegrationService(persistence, persistence, urlPolicy, redirectUri, clock),
                new ChangeIntegrationStatusService(persistence, persistence, clock),
                new DeleteIntegrationService(persistence, persistence));
        ProviderAdapter provider = ProviderAdapter.create(vertx, config.providerSettings(),
                new ProviderCallMetrics(observability.registry(), config.metricsPerIntegration()));
        CircuitBreakerMetrics breakers = CircuitBreakerMetrics.register(observability.registry(), provider.resilience(),
                config.metricsPerIntegration());
        if (config.metricsPerIntegration()) {
            // per-integration rows change as integrations are called: refreshed often enough for a scrape
            vertx.setPeriodic(BREAKER_METRICS_REFRESH_MS, timer -> breakers.refresh());
        }
        started.add(() -> Futures.await(provider.close(), STEP_TIMEOUT, "closing the provider client"));
        // one token service per process: it coalesces the refreshes of the requests that share it
        UserAccessTokenService userTokens = new UserAccessTokenService(persistence, persistence, provider.tokenEndpoint(),
                delay -> vertx.timer(delay.toMillis(), TimeUnit.MILLISECONDS).mapEmpty(), clock,
                RefreshSettings.forTokenCallTimeout(config.providerSettings().timeout()));
        // the persistence adapter stores integrations, connections (with their refresh lease) and pending
        // authorizations; the provider adapter redeems codes at the integration's token endpoint
        ConnectionUseCases connections = new ConnectionUseCases(
                new StartConnectionService(persistence, persistence, redirectUri, clock),
                new CompleteAuthorizationService(persistence, clock),
                new ConfirmConnectionService(persistence, persistence, provider.tokenEndpoint(), persistence,
                        redirectUri, clock),
                new GetConnectionStatusService(persistence, persistence),
                new DisconnectService(persistence, persistence));
        // the document paths load their integration on every call: from memory, kept in step across instances
        DocumentUseCases documents = DocumentServices.create(persistence.cachedIntegrations(), userTokens,
                provider.documents(), provider.endpointProbe());
        HttpApi api = new HttpApi(vertx,
                new HttpApiSettings(jwtSecret.getBytes(StandardCharsets.UTF_8), redirectUri,
                        config.oauthReturnUrl().orElse(HttpApiSettings.DEFAULT_OAUTH_RETURN_URL)),
                integrations, connections, documents, List.of(persistence), observability.registry());

        // one server per core, all on the same port (Vert.x spreads connections among them): the API's handlers,
        // router and clients are shared and thread-safe, so every event loop serves requests, not just one
        List<HttpVerticle> servers = new CopyOnWriteArrayList<>();
        int listenPort = config.httpPort() == 0 ? freePort() : config.httpPort();
        String deployment = Futures.await(vertx.deployVerticle(() -> {
            HttpVerticle verticle = new HttpVerticle(api, config.httpHost(), listenPort, drainTimeout);
            servers.add(verticle);
            return verticle;
        }, new DeploymentOptions().setInstances(HTTP_SERVERS)), STEP_TIMEOUT, "starting the HTTP server");
        // first in the close order: stop accepting and finish in-flight requests (each verticle's stop drains
        // its server, bounded) before the pool goes
        started.add(() -> Futures.await(vertx.undeploy(deployment), STEP_TIMEOUT, "stopping the HTTP server"));
        int port = servers.get(0).server.actualPort();
        LOG.info("dochooks listening on port {} (database: {})", port,
                config.usesEmbeddedDatabase() ? "embedded in " + config.dataDir() : database);

        Optional<String> adminToken = Optional.empty();
        if (secretFromDataDir) {
            JwtTokens tokens = new JwtTokens(vertx, jwtSecret);
            adminToken = Optional.of(tokens.mint("local", "admin", true, Duration.ofHours(12)));
        }
        return new DochooksServer(started, port, adminToken);
    }

    /**
     * The pool gives up on a silent database within about a second, which a database that just started (or a
     * busy machine) can take: startup tries a bounded number of times before it gives up.
     */
    private static void verifyKeyIdsOnceTheDatabaseAnswers(PersistenceAdapter persistence) {
        for (int attempt = 1; ; attempt++) {
            try {
                Futures.await(persistence.verifyKeyIds(), STEP_TIMEOUT, "checking encryption key ids");
                return;
            } catch (DatabaseUnavailableException notYet) {
                if (attempt == STARTUP_DATABASE_ATTEMPTS) {
                    throw new IllegalStateException("the database did not answer at startup ("
                            + STARTUP_DATABASE_ATTEMPTS + " attempts)");
                }
                LOG.warn("the database does not answer yet (attempt {} of {})", attempt, STARTUP_DATABASE_ATTEMPTS);
                sleepQuietly(Duration.ofSeconds(1));
            }
        }
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the database");
        }
    }

    /**
     * Port 0 asks for any free port; the servers of all event loops must share one, so it is chosen here
     * (each server listening on port 0 could otherwise get a port of its own).
     */
    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("no free port for the HTTP server", e);
        }
    }

    private static String newJwtSecret() {
        byte[] bytes = new byte[48];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public int port() {
        return port;
    }

    /** A ready admin token (tenant "local"), when the JWT secret was generated into the data directory. */
    public Optional<String> generatedAdminToken() {
        return generatedAdminToken;
    }

    /** Stops accepting, lets in-flight requests finish (bounded), closes the pool, Vert.x and the database. */
    @Override
    public void close() {
        closeAll(toClose);
    }

    private static void closeAll(List<AutoCloseable> started) {
        List<AutoCloseable> reversed = new ArrayList<>(started);
        Collections.reverse(reversed);
        for (AutoCloseable closeable : reversed) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.warn("shutdown step failed: {}", e.getMessage());
            }
        }
        started.clear();
    }

    /** The one verticle: its start is the server's listen, its stop a bounded graceful shutdown. */
    private static final class HttpVerticle extends VerticleBase {
        private final HttpApi api;
        private final String host;
        private final int port;
        private final Duration drainTimeout;
        private volatile HttpServer server;

        HttpVerticle(HttpApi api, String host, int port, Duration drainTimeout) {
            this.api = api;
            this.host = host;
            this.port = port;
            this.drainTimeout = drainTimeout;
        }

        @Override
        public Future<?> start() {
            return api.listen(host, port).onSuccess(listening -> server = listening);
        }

        /**
         * Undeploying would otherwise close the server at once, cutting in-flight requests: shutdown unbinds the
         * port now (new connections are refused), closes each connection after its current response, and cuts
         * what is still open when the bound expires.
         */
        @Override
        public Future<?> stop() {
            HttpServer listening = server;
            return listening == null ? Future.succeededFuture()
                    : listening.shutdown(drainTimeout.toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
