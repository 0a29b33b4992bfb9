package dochooks.adapters.persistence;

import static dochooks.adapters.persistence.Integrations.ACME;
import static dochooks.adapters.persistence.Integrations.oauth2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dochooks.application.error.DatabaseUnavailableException;
import dochooks.application.integration.port.out.LoadIntegrationPort;
import dochooks.domain.integration.Integration;
import dochooks.domain.integration.IntegrationStatus;
import io.vertx.core.Vertx;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A real database restart under two running instances: its own embedded PostgreSQL (not the shared fixture, which
 * other tests use), stopped and started again on the same data directory and port.
 */
class IntegrationCacheRestartIT {
    private static final Duration PROPAGATION = Duration.ofSeconds(1);
    /** The backoff reaches 5 s between attempts; a restart takes a few seconds more. */
    private static final Duration RECONNECTION = Duration.ofSeconds(20);

    private Vertx vertx;
    private Path dataDirectory;
    private int port;
    private EmbeddedPostgres postgres;
    private DatabaseConnection database;

    @BeforeEach
    void startDatabase() throws Exception {
        vertx = Vertx.vertx();
        dataDirectory = Files.createTempDirectory("dochooks-restart-it");
        port = freePort();
        postgres = start();
        try (Connection admin = postgres.getPostgresDatabase().getConnection();
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE dochooks TEMPLATE template0 ENCODING 'UTF8'");
        }
        database = new DatabaseConnection("127.0.0.1", port, "dochooks", "postgres", "");
        DatabaseMigrations.migrate(database);
    }

    @AfterEach
    void stopDatabase() throws IOException {
        try {
            if (postgres != null) {
                postgres.close();
            }
        } finally {
            Await.result(vertx.close());
            try (Stream<Path> paths = Files.walk(dataDirectory)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void acrossADatabaseRestartInstancesStopServingFromMemoryThenListenAgainWithAnEmptyCache() throws IOException {
        EncryptionKeys keys = EncryptionKeys.parse(IntegrationPersistenceAdapterIT.K1);
        PersistenceAdapter instanceA = PersistenceAdapter.create(vertx, database, keys, 2);
        PersistenceAdapter instanceB = PersistenceAdapter.create(vertx, database, keys, 2);
        PersistenceAdapter instanceC = PersistenceAdapter.create(vertx, database, keys, 2);
        try {
            LoadIntegrationPort cachedB = instanceB.cachedIntegrations();
            instanceA.cachedIntegrations();
            awaitListening(instanceA);
            awaitListening(instanceB);
            Integration stored = oauth2(ACME, "Acme DMS");
            Await.result(instanceA.insert(stored));
            assertEquals(Optional.of(stored), Await.result(cachedB.load(ACME, stored.id())));

            postgres.close();
            postgres = null;
            Eventually.holds(RECONNECTION, () -> !instanceB.changeListener().listening(),
                    () -> "instance B noticed that its listening connection is gone");
            assertInstanceOf(DatabaseUnavailableException.class, Await.failure(cachedB.load(ACME, stored.id())),
                    "while it cannot hear changes, nothing is served from memory");
            assertEquals(0, instanceB.cache().size());
            // an instance that starts while the database is away listens once it is back
            instanceC.cachedIntegrations();
            assertFalse(instanceC.changeListener().listening());

            postgres = start();
            awaitListening(instanceA);
            awaitListening(instanceB);
            awaitListening(instanceC);

            assertEquals(Optional.of(stored), Await.result(cachedB.load(ACME, stored.id())));
            Integration disabled = stored.withStatus(IntegrationStatus.DISABLED, Instant.now());
            Await.result(instanceA.update(disabled, stored.version(), false));
            Eventually.holds(PROPAGATION, () -> Optional.of(disabled).equals(Await.result(cachedB.load(ACME, stored.id()))),
                    () -> "instance B hears changes again after the restart");
        } finally {
            Await.result(instanceA.close());
            Await.result(instanceB.close());
            Await.result(instanceC.close());
        }
    }

    private EmbeddedPostgres start() throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setPGStartupWait(Duration.ofSeconds(30))
                .setRegisterShutdownHook(true)
                .start();
    }

    private static void awaitListening(PersistenceAdapter instance) {
        Eventually.holds(RECONNECTION, () -> instance.changeListener().listening(), () -> "the instance listens");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
