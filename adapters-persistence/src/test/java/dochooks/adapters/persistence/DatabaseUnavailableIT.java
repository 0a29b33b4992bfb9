package dochooks.adapters.persistence;

import static dochooks.adapters.persistence.Integrations.ACME;
import static dochooks.adapters.persistence.Integrations.oauth2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dochooks.adapters.persistence.testing.EmbeddedPostgresFixture;
import dochooks.application.error.DatabaseUnavailableException;
import dochooks.domain.integration.Integration;
import dochooks.domain.integration.IntegrationStatus;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A database that is away, full or going down fails fast with DatabaseUnavailableException, never hangs. */
class DatabaseUnavailableIT {
    private static final Duration BOUND = Duration.ofSeconds(2);
    private static Vertx vertx;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() {
        Await.result(vertx.close());
    }

    @Test
    void aClosedPortFailsEveryOperationWithinTwoSeconds() throws IOException {
        DatabaseConnection nowhere = new DatabaseConnection("127.0.0.1", closedPort(), "dochooks", "dochooks", "pw");
        PersistenceAdapter adapter = PersistenceAdapter.create(vertx, nowhere, EncryptionKeys.generate(), 2);
        try {
            Integration integration = oauth2(ACME, "Nowhere");
            assertUnavailableWithinBound(() -> adapter.load(ACME, integration.id()));
            assertUnavailableWithinBound(() -> adapter.list(ACME, Optional.empty(), Optional.empty(), 10));
            assertUnavailableWithinBound(() -> adapter.insert(integration));
            assertUnavailableWithinBound(() -> adapter.update(integration, 1, true));
            assertUnavailableWithinBound(() -> adapter.delete(ACME, integration.id()));
            assertUnavailableWithinBound(adapter::check);
            assertUnavailableWithinBound(adapter::verifyKeyIds);
        } finally {
            Await.result(adapter.close());
        }
    }

    @Test
    void aServerThatAcceptsButNeverAnswersFailsFastAndDoesNotHangClosing() throws IOException {
        // the kernel completes the TCP handshake from the backlog; nobody ever reads or answers
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            DatabaseConnection mute = new DatabaseConnection("127.0.0.1", silent.getLocalPort(), "db", "user", "pw");
            PersistenceAdapter adapter = PersistenceAdapter.create(vertx, mute, EncryptionKeys.generate(), 1);
            Integration integration = oauth2(ACME, "Silent");

            assertUnavailableWithinBound(() -> adapter.load(ACME, integration.id()));
            assertUnavailableWithinBound(adapter::check);

            // the startup handshake in flight has no timeout of its own; closing must not wait for it forever
            long start = System.nanoTime();
            Await.result(adapter.close());
            Duration closing = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(closing.compareTo(Duration.ofSeconds(4)) < 0, "closing took " + closing);
        }
    }

    @Test
    void noFreeConnectionWithinASecondIsUnavailableAndTheBlockedWriteThenCompletes() throws Exception {
        DatabaseConnection database = EmbeddedPostgresFixture.newMigratedDatabase();
        PersistenceAdapter adapter = PersistenceAdapter.create(vertx, database,
                EncryptionKeys.parse(IntegrationPersistenceAdapterIT.K1), 1);
        Integration integration = oauth2(ACME, "Locked");
        Await.result(adapter.insert(integration));
        Sql sql = new Sql(database);
        try (Connection locker = sql.connection()) {
            Future<Void> blocked = holdTheOnlyConnection(adapter, integration, locker, sql);

            assertUnavailableWithinBound(() -> adapter.load(ACME, integration.id()));

            locker.rollback(); // releases the row lock
            Await.result(blocked);
            assertEquals(IntegrationStatus.DISABLED,
                    Await.result(adapter.load(ACME, integration.id())).orElseThrow().status());
        } finally {
            Await.result(adapter.close());
        }
    }

    @Test
    void aBackendTerminatedMidQueryIsUnavailable() throws Exception {
        DatabaseConnection database = EmbeddedPostgresFixture.newMigratedDatabase();
        PersistenceAdapter adapter = PersistenceAdapter.create(vertx, database,
                EncryptionKeys.parse(IntegrationPersistenceAdapterIT.K1), 1);
        Integration integration = oauth2(ACME, "Terminated");
        Await.result(adapter.insert(integration));
        Sql sql = new Sql(database);
        try (Connection locker = sql.connection()) {
            Future<Void> blocked = holdTheOnlyConnection(adapter, integration, locker, sql);

            List<Object> adapterBackends = sql.column("SELECT pid FROM pg_stat_activity"
                    + " WHERE application_name = 'dochooks' AND datname = current_database()");
            assertEquals(1, adapterBackends.size());
            assertEquals(List.of(true), sql.column("SELECT pg_terminate_backend(?)", adapterBackends.get(0)));

            assertInstanceOf(DatabaseUnavailableException.class, Await.failure(blocked));
            locker.rollback();
            assertEquals(Optional.of(integration), loadOnceThePoolRecovers(adapter, integration));
        } finally {
            Await.result(adapter.close());
        }
    }

    /**
     * The pool drops the dead connection asynchronously, so a call just after may still be handed it: that call
     * must fail as unavailable, never otherwise, and a later one must succeed.
     */
    private static Optional<Integration> loadOnceThePoolRecovers(PersistenceAdapter adapter, Integration integration)
            throws InterruptedException {
        for (int attempt = 0; attempt < 20; attempt++) {
            Future<Optional<Integration>> load = adapter.load(ACME, integration.id());
            Await.failureOrNothing(load).ifPresent(failure ->
                    assertInstanceOf(DatabaseUnavailableException.class, failure));
            if (load.succeeded()) {
                return load.result();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the pool never recovered from the terminated connection");
    }

    /**
     * Locks the integration's row from JDBC, then starts an adapter update of it, which takes the adapter's
     * only connection and waits on the lock. Returns once the update is seen waiting.
     */
    private static Future<Void> holdTheOnlyConnection(PersistenceAdapter adapter, Integration integration,
            Connection locker, Sql observer) throws Exception {
        locker.setAutoCommit(false);
        try (PreparedStatement lock = locker.prepareStatement("SELECT 1 FROM integrations WHERE id = ? FOR UPDATE")) {
            lock.setObject(1, integration.id().value());
            lock.executeQuery().close();
        }
        Future<Void> blocked = adapter.update(integration.withStatus(IntegrationStatus.DISABLED,
                Integrations.CREATED.plusSeconds(1)), 1, false);
        waitUntilWaitingOnALock(observer);
        return blocked;
    }

    /** Polls from its own connections: pg_stat_activity is a snapshot per transaction. */
    private static void waitUntilWaitingOnALock(Sql observer) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            if (observer.count("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'dochooks'"
                    + " AND datname = current_database() AND wait_event_type = 'Lock'") == 1) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the adapter's update never waited on the lock");
    }

    private static void assertUnavailableWithinBound(Supplier<Future<?>> operation) {
        long start = System.nanoTime();
        Throwable failure = Await.failure(operation.get());
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertInstanceOf(DatabaseUnavailableException.class, failure);
        assertTrue(took.compareTo(BOUND) < 0, "took " + took);
    }

    /** A loopback port nothing listens on (it was bound a moment ago, and is free again). */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
