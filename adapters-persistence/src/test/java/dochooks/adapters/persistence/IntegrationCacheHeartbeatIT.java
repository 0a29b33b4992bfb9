package dochooks.adapters.persistence;

import static dochooks.adapters.persistence.Integrations.ACME;
import static dochooks.adapters.persistence.Integrations.oauth2;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dochooks.adapters.persistence.testing.EmbeddedPostgresFixture;
import dochooks.application.integration.port.out.LoadIntegrationPort;
import dochooks.domain.integration.Integration;
import dochooks.domain.integration.IntegrationStatus;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A listening connection that goes silent without being closed (a NAT or firewall dropped it) would look like a
 * quiet database for ever: the heartbeat notices, and the instance listens again on a new connection.
 */
class IntegrationCacheHeartbeatIT {
    private static final Duration PROPAGATION = Duration.ofSeconds(1);

    private Vertx vertx;
    private FreezingProxy proxy;
    private PersistenceAdapter writer;
    private PersistenceAdapter behindProxy;
    private Sql sql;

    @BeforeEach
    void instances() {
        vertx = Vertx.vertx();
        DatabaseConnection database = EmbeddedPostgresFixture.newMigratedDatabase();
        sql = new Sql(database);
        proxy = FreezingProxy.start(vertx, database);
        EncryptionKeys keys = EncryptionKeys.parse(IntegrationPersistenceAdapterIT.K1);
        writer = PersistenceAdapter.create(vertx, database, keys, 2);
        behindProxy = PersistenceAdapter.create(vertx, proxy.in(database), keys, 2,
                IntegrationCacheSettings.DEFAULTS.withHeartbeat(Duration.ofMillis(200), Duration.ofMillis(300)));
    }

    @AfterEach
    void close() {
        Await.result(writer.close());
        Await.result(behindProxy.close());
        Await.result(proxy.close());
        Await.result(vertx.close());
    }

    @Test
    void aListeningConnectionThatWentSilentIsReplaced() {
        LoadIntegrationPort cached = behindProxy.cachedIntegrations();
        Eventually.holds(Duration.ofSeconds(10), () -> behindProxy.changeListener().listening(), () -> "listening");
        List<Object> firstListener = listenerBackends();
        Integration stored = oauth2(ACME, "Acme DMS");
        Await.result(writer.insert(stored));

        proxy.freezeOpenConnections();
        Eventually.holds(Duration.ofSeconds(5), () -> behindProxy.changeListener().listening()
                && listenerBackends().stream().anyMatch(pid -> !firstListener.contains(pid)),
                () -> "the silent connection was replaced by one that listens");

        assertEquals(Optional.of(stored), Await.result(cached.load(ACME, stored.id())));
        Integration disabled = stored.withStatus(IntegrationStatus.DISABLED, Instant.now());
        Await.result(writer.update(disabled, stored.version(), false));
        Eventually.holds(PROPAGATION, () -> Optional.of(disabled).equals(Await.result(cached.load(ACME, stored.id()))),
                () -> "changes are heard on the new connection");
    }

    private List<Object> listenerBackends() {
        return sql.column("SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
                + " AND application_name = ?", IntegrationChangeListener.APPLICATION_NAME);
    }
}
