package dochooks.adapters.persistence;

import dochooks.application.connection.port.out.ConnectionKey;
import dochooks.application.connection.port.out.ConnectionStorePort;
import dochooks.application.connection.port.out.PendingAuthorization;
import dochooks.application.connection.port.out.PendingAuthorizationPort;
import dochooks.application.connection.port.out.RefreshLeasePort;
import dochooks.application.connection.port.out.Sha256Digest;
import dochooks.application.connection.port.out.TokenSet;
import dochooks.application.connection.port.out.UserConnection;
import dochooks.application.error.DatabaseUnavailableException;
import dochooks.application.error.IntegrationNotFoundException;
import dochooks.application.error.VersionConflictException;
import dochooks.application.health.HealthCheckPort;
import dochooks.application.integration.port.in.PageCursor;
import dochooks.application.integration.port.out.DeleteIntegrationPort;
import dochooks.application.integration.port.out.ListIntegrationsPort;
import dochooks.application.integration.port.out.LoadIntegrationPort;
import dochooks.application.integration.port.out.SaveIntegrationPort;
import dochooks.domain.integration.Integration;
import dochooks.domain.integration.IntegrationId;
import dochooks.domain.integration.IntegrationStatus;
import dochooks.domain.integration.Secret;
import dochooks.domain.tenancy.TenantId;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application's storage on PostgreSQL, through the Vert.x reactive client: the integrations registry, users'
 * OAuth2 connections with their refresh lease, pending authorizations, and the database's health check. Every
 * query is scoped to a tenant (except the two lookups by a one-time value's digest, which the browser's callback
 * and a confirmation carry without a tenant); secrets and tokens are sealed with {@link EncryptionKeys} before
 * they reach a column. Failures are the application's named exceptions
 * ({@link DatabaseUnavailableException}, ...), never client exceptions.
 *
 * <p>Build it with {@link #create}, after {@link DatabaseMigrations#migrate}; call {@link #verifyKeyIds()}
 * before serving, and {@link #close()} at shutdown. {@link #cachedIntegrations()} gives the hot request paths an
 * in-memory view of the integrations that every process keeps in step through the database's notifications.
 */
public final class PersistenceAdapter implements LoadIntegrationPort, ListIntegrationsPort, SaveIntegrationPort,
        DeleteIntegrationPort, HealthCheckPort, ConnectionStorePort, RefreshLeasePort, PendingAuthorizationPort {

    /** A dead database must fail a request within about a second, not hang it. */
    private static final int CONNECT_TIMEOUT_MILLIS = 1000;
    /** How long a request waits for a pooled connection when all are busy or being opened. */
    private static final int ACQUIRE_TIMEOUT_MILLIS = 1000;
    private static final long HEALTH_CHECK_TIMEOUT_MILLIS = 1000;
    /** Closing waits this long for connection attempts in flight, then lets shutdown go on. */
    private static final long CLOSE_TIMEOUT_MILLIS = 3_000;
    /** Waiters beyond this many per pooled connection are refused at once (503) instead of queueing. */
    private static final int WAITERS_PER_CONNECTION = 32;

    private static final Logger LOG = LoggerFactory.getLogger(PersistenceAdapter.class);

    private final Pool pool;
    private final EncryptionKeys keys;
    private final IntegrationTable integrations;
    private final UserConnections connections;
    private final PendingAuthorizations pending;
    private final Vertx vertx;
    private final DatabaseConnection connection;
    private final IntegrationCacheSettings cacheSettings;
    /** Null until {@link #cachedIntegrations()} is first called. */
    private volatile IntegrationCache cache;
    private IntegrationChangeListener changeListener; // guarded by this
    private boolean closed; // guarded by this

    private PersistenceAdapter(Pool pool, EncryptionKeys keys, Vertx vertx, DatabaseConnection connection,
            IntegrationCacheSettings cacheSettings) {
        this.pool = pool;
        this.keys = keys;
        this.vertx = vertx;
        this.connection = connection;
        this.cacheSettings = cacheSettings;
        SecretCipher cipher = new SecretCipher(keys);
        this.integrations = new IntegrationTable(cipher);
        this.connections = new UserConnections(pool, cipher);
        this.pending = new PendingAuthorizations(pool, cipher);
    }

    /**
     * A pool of at most {@code maxPoolSize} connections to {@code connection}; connects lazily, so this never
     * fails for an unreachable database (the first query does).
     */
    public static PersistenceAdapter create(Vertx vertx, DatabaseConnection connection, EncryptionKeys keys,
            int maxPoolSize) {
        return create(vertx, connection, keys, maxPoolSize, IntegrationCacheSettings.DEFAULTS);
    }

    /** As {@link #create(Vertx, DatabaseConnection, EncryptionKeys, int)}, with the cache's settings. */
    static PersistenceAdapter create(Vertx vertx, DatabaseConnection connection, EncryptionKeys keys,
            int maxPoolSize, IntegrationCacheSettings cacheSettings) {
        if (maxPoolSize < 1) {
            throw new IllegalArgumentException("maxPoolSize must be at least 1, was " + maxPoolSize);
        }
        PgConnectOptions connectOptions = connectOptions(connection, "dochooks");
        PoolOptions poolOptions = new PoolOptions()
                .setMaxSize(maxPoolSize)
                .setConnectionTimeout(ACQUIRE_TIMEOUT_MILLIS)
                .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS)
                .setMaxWaitQueueSize(maxPoolSize * WAITERS_PER_CONNECTION);
        Pool pool = PgBuilder.pool()
                .with(poolOptions)
                .with(new NetClientOptions().setConnectTimeout(CONNECT_TIMEOUT_MILLIS))
                .connectingTo(connectOptions)
                .using(vertx)
                .build();
        return new PersistenceAdapter(pool, keys, vertx, connection, cacheSettings);
    }

    private static PgConnectOptions connectOptions(DatabaseConnection connection, String applicationName) {
        PgConnectOptions options = new PgConnectOptions()
                .setHost(connection.host())
                .setPort(connection.port())
                .setDatabase(connection.database())
                .setUser(connection.user())
                .setPassword(connection.password())
                .setCachePreparedStatements(true)
                .setReconnectAttempts(0);
        options.addProperty("application_name", applicationName);
        return options;
    }

    /**
     * The integrations as the request paths that need one on every call read them (the document operations and
     * the connection test): from this process's memory, kept in step with every process's writes through the
     * database's notifications. A change made by any process is seen within moments (a second at most while the
     * database is reachable); a change made through this adapter is seen at once by this process. While the
     * notifications cannot be heard (the listening connection is down, being replaced, or not yet up) every load
     * reads the database; no entry is served after 30 s. Registry reads that must see the newest version (ETags,
     * If-Match) should use this adapter's own {@link #load} instead.
     *
     * <p>The first call starts listening, in the background; later calls return the same view. {@link #close()}
     * stops it.
     */
    public synchronized LoadIntegrationPort cachedIntegrations() {
        if (cache == null) {
            IntegrationChangeListener listener = new IntegrationChangeListener(vertx,
                    connectOptions(connection, IntegrationChangeListener.APPLICATION_NAME), cacheSettings);
            IntegrationCache created = new IntegrationCache(this, listener::listening, cacheSettings.ttl(),
                    cacheSettings.maxEntries(), cacheSettings.nanoTime());
            changeListener = listener;
            cache = created;
            if (!closed) {
                listener.start(created); // else it never listens: every load reads the (closed) pool
            }
        }
        return cache;
    }

    /** The cache behind {@link #cachedIntegrations()}, or null before it was asked for. */
    IntegrationCache cache() {
        return cache;
    }

    /** The listener behind {@link #cachedIntegrations()}, or null before it was asked for. */
    synchronized IntegrationChangeListener changeListener() {
        return changeListener;
    }

    /**
     * This process forgets an integration it has just written, once the write is over (whatever its outcome), so
     * that it never serves what it replaced; other processes hear of it from the database.
     */
    private <T> Future<T> forgetting(TenantId tenant, IntegrationId id, Future<T> write) {
        return write.andThen(done -> {
            IntegrationCache current = cache;
            if (current != null) {
                current.evict(tenant, id);
            }
        });
    }

    @Override
    public Future<Optional<Integration>> load(TenantId tenant, IntegrationId id) {
        return pool.preparedQuery(IntegrationTable.SELECT_ONE).execute(Tuple.of(tenant.value(), id.value()))
                .recover(DatabaseFailures::translated)
                .map(rows -> rows.size() == 0 ? Optional.empty()
                        : Optional.of(integrations.integration(rows.iterator().next())));
    }

    @Override
    public Future<List<Integration>> list(TenantId tenant, Optional<IntegrationStatus> status,
            Optional<PageCursor> after, int limit) {
        if (limit < 1) {
            return Future.succeededFuture(List.of());
        }
        IntegrationTable.Query query = IntegrationTable.listing(tenant, status, after, limit);
        return pool.preparedQuery(query.sql()).execute(query.parameters())
                .recover(DatabaseFailures::translated)
                .map(this::integrations);
    }

    private List<Integration> integrations(RowSet<Row> rows) {
        List<Integration> result = new ArrayList<>(rows.size());
        for (Row row : rows) {
            result.add(integrations.integration(row));
        }
        return result;
    }

    @Override
    public Future<Void> insert(Integration integration) {
        Tuple row;
        try {
            row = integrations.row(integration);
        } catch (RuntimeException sealingFailed) {
            return Future.failedFuture(sealingFailed);
        }
        return forgetting(integration.tenant(), integration.id(), pool.preparedQuery(IntegrationTable.INSERT).execute(row)
                .recover(DatabaseFailures::translated)
                .mapEmpty());
    }

    @Override
    public Future<Void> update(Integration next, long expectedVersion, boolean dropConnections) {
        Tuple row;
        try {
            row = integrations.row(next).addLong(expectedVersion);
        } catch (RuntimeException sealingFailed) {
            return Future.failedFuture(sealingFailed);
        }
        Tuple key = Tuple.of(next.tenant().value(), next.id().value());
        return forgetting(next.tenant(), next.id(), pool.<Void>withTransaction(connection -> connection
                        .preparedQuery(IntegrationTable.UPDATE).execute(row)
                        .compose(updated -> updated.rowCount() == 1
                                ? afterUpdate(connection, key, dropConnections)
                                : whyNotUpdated(connection, key, expectedVersion)))
                .recover(DatabaseFailures::translated));
    }

    private static Future<Void> afterUpdate(SqlClient connection, Tuple key, boolean dropConnections) {
        if (!dropConnections) {
            return Future.succeededFuture();
        }
        // authorizations under way were started for the old client or provider: they go with the connections
        return connection.preparedQuery(UserConnectionsTable.DELETE_OF_INTEGRATION).execute(key)
                .compose(deleted -> connection.preparedQuery(PendingAuthorizationsTable.DELETE_OF_INTEGRATION)
                        .execute(key))
                .mapEmpty();
    }

    /** Nothing matched the conditional update: the row is gone, or its version moved. */
    private static Future<Void> whyNotUpdated(SqlClient connection, Tuple key, long expectedVersion) {
        return connection.preparedQuery(IntegrationTable.SELECT_VERSION).execute(key).compose(rows -> {
            if (rows.size() == 0) {
                return Future.failedFuture(new IntegrationNotFoundException("the integration is gone"));
            }
            long stored = rows.iterator().next().getLong("version");
            return Future.failedFuture(new VersionConflictException(
                    "expected version " + expectedVersion + ", stored version is " + stored));
        });
    }

    @Override
    public Future<Boolean> delete(TenantId tenant, IntegrationId id) {
        // user_connections rows go with it: ON DELETE CASCADE
        return forgetting(tenant, id, pool.preparedQuery(IntegrationTable.DELETE).execute(Tuple.of(tenant.value(), id.value()))
                .recover(DatabaseFailures::translated)
                .map(deleted -> deleted.rowCount() > 0));
    }

    /**
     * Succeeds when every secret and token stored, in every table and for every tenant, is under a key id the
     * configured keys have. Fails with {@link IllegalStateException} naming the unknown key ids (never key
     * material) otherwise: startup must refuse such a database, whose values could not be opened.
     */
    public Future<Void> verifyKeyIds() {
        return pool.query(IntegrationTable.SECRET_KEY_IDS + " UNION " + UserConnectionsTable.TOKEN_KEY_IDS
                        + " UNION " + PendingAuthorizationsTable.KEY_IDS)
                .execute()
                .recover(DatabaseFailures::translated)
                .compose(rows -> {
                    TreeSet<String> unknown = new TreeSet<>();
                    for (Row row : rows) {
                        unknown.add(row.getString("key_id"));
                    }
                    unknown.removeAll(keys.keyIds());
                    if (unknown.isEmpty()) {
                        return Future.succeededFuture();
                    }
                    return Future.failedFuture(new IllegalStateException("the database holds values encrypted under "
                            + "key ids that are not configured: " + String.join(", ", unknown)
                            + "; add those keys (after the current primary key) to the encryption keys"));
                });
    }

    // ---- users' connections (ConnectionStorePort, RefreshLeasePort)

    @Override
    public Future<Optional<UserConnection>> find(ConnectionKey key) {
        return connections.find(key);
    }

    @Override
    public Future<Void> save(UserConnection connection) {
        return connections.save(connection);
    }

    @Override
    public Future<Boolean> delete(ConnectionKey key) {
        return connections.delete(key);
    }

    @Override
    public Future<Optional<UserConnection>> acquire(ConnectionKey key, String holder, Duration leaseFor) {
        return connections.acquire(key, holder, leaseFor);
    }

    @Override
    public Future<Boolean> storeRefreshed(ConnectionKey key, String holder, TokenSet tokens) {
        return connections.storeRefreshed(key, holder, tokens);
    }

    @Override
    public Future<Boolean> markReauthorizationRequired(ConnectionKey key, String holder) {
        return connections.markReauthorizationRequired(key, holder);
    }

    @Override
    public Future<Void> release(ConnectionKey key, String holder) {
        return connections.release(key, holder);
    }

    // ---- pending authorizations (PendingAuthorizationPort)

    @Override
    public Future<Void> save(PendingAuthorization authorization, Sha256Digest state, Instant now) {
        return pending.save(authorization, state, now);
    }

    @Override
    public Future<Optional<PendingAuthorization>> consumeState(Sha256Digest state) {
        return pending.consumeState(state);
    }

    @Override
    public Future<Boolean> awaitConfirmation(PendingAuthorization consumed, Secret code, Sha256Digest confirmation,
            Instant expiresAt) {
        return pending.awaitConfirmation(consumed, code, confirmation, expiresAt);
    }

    @Override
    public Future<Optional<PendingAuthorization>> consumeConfirmation(Sha256Digest confirmation) {
        return pending.consumeConfirmation(confirmation);
    }

    @Override
    public Future<Void> discard(PendingAuthorization authorization) {
        return pending.discard(authorization);
    }

    /**
     * Stops listening for integration changes and closes the pool; later calls fail with
     * {@link DatabaseUnavailableException}. Completes within about 3 s even when a connection attempt to a server
     * that accepted TCP but never answers is still in flight: the client has no timeout for the startup handshake,
     * and closing would otherwise wait for it forever.
     */
    public Future<Void> close() {
        IntegrationChangeListener listener;
        synchronized (this) {
            closed = true;
            listener = changeListener;
        }
        Future<Void> listenerClosed = listener == null ? Future.succeededFuture() : listener.close()
                .timeout(CLOSE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)
                .recover(slow -> {
                    LOG.warn("the integration change listener did not close within {} ms; going on",
                            CLOSE_TIMEOUT_MILLIS);
                    return Future.succeededFuture();
                });
        return listenerClosed.compose(closed -> pool.close()
                .timeout(CLOSE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)
                .recover(slow -> {
                    LOG.warn("the database pool did not close within {} ms; going on", CLOSE_TIMEOUT_MILLIS);
                    return Future.succeededFuture();
                }));
    }

    @Override
    public String name() {
        return "database";
    }

    /** {@code SELECT 1}; fails with {@link DatabaseUnavailableException} unless it answers within 1 s. */
    @Override
    public Future<Void> check() {
        return pool.query("SELECT 1").execute()
                .timeout(HEALTH_CHECK_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)
                .<Void>mapEmpty()
                .recover(failure -> Future.failedFuture(
                        new DatabaseUnavailableException("the database does not answer", failure)));
    }
}
