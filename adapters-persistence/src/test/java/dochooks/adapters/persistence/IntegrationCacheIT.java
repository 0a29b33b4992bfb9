package dochooks.adapters.persistence;

import static dochooks.adapters.persistence.Integrations.ACME;
import static dochooks.adapters.persistence.Integrations.GLOBEX;
import static dochooks.adapters.persistence.Integrations.oauth2;
import static dochooks.adapters.persistence.Integrations.oauth2Settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dochooks.adapters.persistence.testing.EmbeddedPostgresFixture;
import dochooks.application.integration.port.out.LoadIntegrationPort;
import dochooks.domain.integration.Integration;
import dochooks.domain.integration.IntegrationName;
import dochooks.domain.integration.IntegrationStatus;
import dochooks.domain.tenancy.TenantId;
import io.vertx.core.Vertx;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the adapter on one database, as two dochooks processes would be: what one writes, the other's
 * cache gives up within a second, also after its listening connection was killed; and nothing outlives 30 s.
 */
class IntegrationCacheIT {
    private static final String KEYS = IntegrationPersistenceAdapterIT.K1;
    /** What issue 6 promises: a change is seen everywhere within a second. */
    private static final Duration PROPAGATION = Duration.ofSeconds(1);
    private static final Duration RECONNECTION = Duration.ofSeconds(10);

    private static Vertx vertx;
    private DatabaseConnection database;
    private Sql sql;
    private PersistenceAdapter instanceA;
    private PersistenceAdapter instanceB;
    private LoadIntegrationPort cachedA;
    private LoadIntegrationPort cachedB;
    /** Instance B's clock, driven by the test. */
    private final AtomicLong clockB = new AtomicLong();

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() {
        Await.result(vertx.close());
    }

    @BeforeEach
    void twoInstancesOnOneDatabase() {
        database = EmbeddedPostgresFixture.newMigratedDatabase();
        sql = new Sql(database);
        EncryptionKeys keys = EncryptionKeys.parse(KEYS);
        instanceA = PersistenceAdapter.create(vertx, database, keys, 4);
        instanceB = PersistenceAdapter.create(vertx, database, keys, 4,
                IntegrationCacheSettings.DEFAULTS.withNanoTime(clockB::get));
        cachedA = instanceA.cachedIntegrations();
        cachedB = instanceB.cachedIntegrations();
        awaitListening(instanceA);
        awaitListening(instanceB);
    }

    @AfterEach
    void closeInstances() {
        Await.result(instanceA.close());
        Await.result(instanceB.close());
    }

    @Test
    void aChangeThroughOneInstanceIsSeenByTheOtherWithinASecond() {
        Integration stored = oauth2(ACME, "Acme DMS");
        Await.result(instanceA.insert(stored));
        assertEquals(Optional.of(stored), Await.result(cachedB.load(ACME, stored.id())));
        assertServedFromMemory(instanceB, stored);

        Integration renamed = stored.replacedBy(oauth2Settings("Acme Documents"), Instant.now());
        Await.result(instanceA.update(renamed, stored.version(), false));

        assertSeenByB(renamed, "the rename");
    }

    @Test
    void aDisabledIntegrationIsSeenDisabledByTheOtherWithinASecond() {
        Integration stored = oauth2(ACME, "Acme DMS");
        Await.result(instanceA.insert(stored));
        Await.result(cachedB.load(ACME, stored.id()));
        assertServedFromMemory(instanceB, stored);

        Integration disabled = stored.withStatus(IntegrationStatus.DISABLED, Instant.now());
        Await.result(instanceA.update(disabled, stored.version(), false));

        assertSeenByB(disabled, "the status change");
        assertEquals(IntegrationStatus.DISABLED,
                Await.result(cachedB.load(ACME, stored.id())).orElseThrow().status());
    }

    @Test
    void aDeletedIntegrationIsGoneForTheOtherWithinASecond() {
        Integration stored = oauth2(ACME, "Acme DMS");
        Await.result(instanceA.insert(stored));
        Await.result(cachedB.load(ACME, stored.id()));
        assertServedFromMemory(instanceB, stored);

        assertTrue(Await.result(instanceA.delete(ACME, stored.id())));

        Eventually.holds(PROPAGATION, () -> Await.result(cachedB.load(ACME, stored.id())).isEmpty(),
                () -> "instance B still serves the deleted integration");
    }

    @Test
    void writesByAnyOtherToolAreHeardToo() {
        Integration stored = oauth2(ACME, "Acme DMS");
        Await.result(instanceA.insert(stored));
        Await.result(cachedB.load(ACME, stored.id()));
        assertServedFromMemory(instanceB, stored);

        // an operator's psql session: the trigger notifies, whoever writes
        sql.update("UPDATE integrations SET status = 'DISABLED', version = version + 1 WHERE id = ?", stored.id().value());
        Eventually.holds(PROPAGATION,
                () -> Await.result(cachedB.load(ACME, stored.id())).orElseThrow().status() == IntegrationStatus.DISABLED,
                () -> "instance B did not hear the hand-written update");

        sql.update("TRUNCATE integrations CASCADE");
        Eventually.holds(PROPAGATION, () -> Await.result(cachedB.load(ACME, stored.id())).isEmpty(),
                () -> "instance B did not hear the truncate");
    }

    @Test
    void anInstanceNeverServesWhatItsOwnWriteReplaced() {
        Integration current = oauth2(ACME, "Acme DMS");
        Await.result(instanceA.insert(current));
        // many rounds: without the local eviction, the notification would sometimes win the race, sometimes not
        for (int round = 0; round < 20; round++) {
            assertEquals(Optional.of(current), Await.result(cachedA.load(ACME, current.id())));
            Integration next = current.replacedBy(oauth2Settings("Acme DMS " + round), Instant.now());
            Await.result(instanceA.update(next, current.version(), false));

            assertEquals(Optional.of(next), Await.result(cachedA.load(ACME, current.id())),
                    "round " + round + ": right after its own update");
            current = next;
        }
        Await.result(instanceA.delete(ACME, current.id()));
        assertEquals(Optional.empty(), Await.result(cachedA.load(ACME, current.id())), "right after its own delete");
    }

    @Test
    void oneTenantNeverGetsAnothersEntry() {
        Integration acmes = oauth2(ACME, "Acme DMS");
        Await.result(instanceA.insert(acmes));
        assertTrue(Await.result(cachedB.load(ACME, acmes.id())).isPresent());
        assertServedFromMemory(instanceB, acmes);

        assertEquals(Optional.empty(), Await.result(cachedB.load(GLOBEX, acmes.id())));
        assertEquals(Optional.empty(), Await.result(cachedB.load(new TenantId("ACME"), acmes.id())),
                "tenant ids compare exactly");
        assertEquals(Optional.of(acmes), Await.result(cachedB.load(ACME, acmes.id())));
    }

    @Test
    void noEntryIsServedAfterThirtySecondsEvenWhenANotificationWasMissed() {
        Integration stored = oauth2(ACME, "Acme DMS");
        Await.result(instanceA.insert(stored));
        Await.result(cachedB.load(ACME, stored.id()));

        // a change nobody hears: replication role skips the trigger (as a logical-replication apply would)
        quietly("UPDATE integrations SET status = 'DISABLED', version = version + 1 WHERE id = '"
                + stored.id().value() + "'");
        clockB.addAndGet(Duration.ofSeconds(30).toNanos() - 1);
        assertEquals(Optional.of(stored), Await.result(cachedB.load(ACME, stored.id())),
                "served from memory until its time is up");

        clockB.addAndGet(1);
        Integration reloaded = Await.result(cachedB.load(ACME, stored.id())).orElseThrow();
        assertEquals(IntegrationStatus.DISABLED, reloaded.status());
        assertEquals(stored.version() + 1, reloaded.version());
    }

    @Test
    void afterItsListeningConnectionIsKilledAnInstanceClearsItsCacheAndHearsChangesAgain() {
        Integration stored = oauth2(ACME, "Acme DMS");
        Await.result(instanceA.insert(stored));
        Await.result(cachedB.load(ACME, stored.id()));
        assertEquals(1, instanceB.cache().size());
        List<Object> listenersBefore = listenerBackends();
        assertEquals(2, listenersBefore.size(), "one listening connection per instance");

        // what a database restart does to them
        for (Object pid : listenersBefore) {
            sql.column("SELECT pg_terminate_backend(?)", pid);
        }
        // a change whose notification is lost (here: never sent); B makes no load meanwhile, so only
        // resubscribing can make it drop its entry
        quietly("UPDATE integrations SET status = 'DISABLED', version = version + 1 WHERE id = '"
                + stored.id().value() + "'");
        Integration disabled = Await.result(instanceA.load(ACME, stored.id())).orElseThrow();
        Eventually.holds(RECONNECTION, () -> listenerBackends().size() == 2
                && listenerBackends().stream().noneMatch(listenersBefore::contains)
                && instanceA.changeListener().listening() && instanceB.changeListener().listening(),
                () -> "both instances listen again on new connections");

        assertEquals(0, instanceB.cache().size(), "resubscribing cleared what may have missed a notification");
        assertEquals(Optional.of(disabled), Await.result(cachedB.load(ACME, stored.id())));
        assertServedFromMemory(instanceB, disabled);

        Integration enabled = disabled.withStatus(IntegrationStatus.ENABLED, Instant.now());
        Await.result(instanceA.update(enabled, disabled.version(), false));
        assertSeenByB(enabled, "a change after the reconnection");
    }

    @Test
    void whileItCannotHearChangesAnInstanceReadsTheDatabase() {
        Integration stored = oauth2(ACME, "Acme DMS");
        Await.result(instanceA.insert(stored));
        Await.result(instanceB.changeListener().close()); // stands for a listener that is down
        assertFalse(instanceB.changeListener().listening());

        Await.result(cachedB.load(ACME, stored.id()));
        quietly("UPDATE integrations SET status = 'DISABLED', version = version + 1 WHERE id = '"
                + stored.id().value() + "'");

        assertEquals(IntegrationStatus.DISABLED, Await.result(cachedB.load(ACME, stored.id())).orElseThrow().status(),
                "not served from memory, though no notification came");
        assertEquals(0, instanceB.cache().size());
    }

    /** B must see {@code expected} within a second (bounded polling). */
    private void assertSeenByB(Integration expected, String what) {
        Duration took = Eventually.holds(PROPAGATION,
                () -> Optional.of(expected).equals(Await.result(cachedB.load(expected.tenant(), expected.id()))),
                () -> "instance B did not see " + what);
        assertTrue(took.compareTo(PROPAGATION) <= 0, what + " took " + took.toMillis() + " ms");
    }

    /**
     * Proves that {@code instance} serves {@code integration} from memory (so that seeing a change later is the
     * notification's doing, not a fresh read): a change made without notification is not seen.
     */
    private void assertServedFromMemory(PersistenceAdapter instance, Integration integration) {
        IntegrationName original = integration.name();
        quietly("UPDATE integrations SET name = name || ' (unheard)' WHERE id = '" + integration.id().value() + "'");
        try {
            assertEquals(original, Await.result(instance.cachedIntegrations().load(integration.tenant(),
                    integration.id())).orElseThrow().name(), "served from memory");
        } finally {
            quietly("UPDATE integrations SET name = '" + original.value().replace("'", "''") + "' WHERE id = '"
                    + integration.id().value() + "'");
        }
    }

    /** Runs {@code statement} with triggers off for this session only: nobody is notified. */
    private void quietly(String statement) {
        try (Connection connection = sql.connection(); Statement run = connection.createStatement()) {
            run.execute("SET session_replication_role = replica");
            run.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Object> listenerBackends() {
        return sql.column("SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
                + " AND application_name = ?", IntegrationChangeListener.APPLICATION_NAME);
    }

    private static void awaitListening(PersistenceAdapter instance) {
        Eventually.holds(RECONNECTION, () -> instance.changeListener().listening(), () -> "the instance listens");
    }
}
