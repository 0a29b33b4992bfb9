package dochooks.adapters.persistence;

import dochooks.domain.integration.IntegrationId;
import dochooks.domain.tenancy.TenantId;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.pgclient.pubsub.PgSubscriber;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hears every change of the {@code integrations} table, made by any process: LISTENs on {@value #CHANNEL}
 * (the V3 migration's trigger NOTIFYs it on every insert, update, delete and truncate) through a
 * {@link PgSubscriber}, and evicts what changed from the {@link IntegrationCache}.
 *
 * <p>{@link #listening()} is true only while the LISTEN of the connection in use has succeeded and that connection
 * is still up; the cache is bypassed otherwise, because notifications sent while nobody listened are lost. Every
 * (re)subscription clears the cache for the same reason. A lost connection is replaced after a bounded backoff
 * (100 ms doubling up to 5 s, for ever), and a heartbeat query replaces a connection that stopped answering
 * without being closed (a silently dropped TCP connection would otherwise look like a quiet database).
 *
 * <p>Two traits of {@link PgSubscriber} shape this class: its reconnect policy only runs after a connection that
 * once worked is lost (a failed first {@code connect()} is final, and a second {@code connect()} on the same
 * subscriber never completes), so until the first success every attempt uses a new subscriber; and it has no
 * "connection lost" event, so {@link #listening()} compares its current connection with the one whose LISTEN
 * succeeded.
 */
final class IntegrationChangeListener {
    /** The channel the V3 migration's trigger notifies; payload {@code tenant:id}, or {@code *} for all. */
    static final String CHANNEL = "dochooks_integrations";
    /** How the listening connection shows in {@code pg_stat_activity}. */
    static final String APPLICATION_NAME = "dochooks-listener";
    static final String EVERYTHING = "*";

    private static final long FIRST_RETRY_MILLIS = 100;
    private static final long MAX_RETRY_MILLIS = 5_000;
    private static final Logger LOG = LoggerFactory.getLogger(IntegrationChangeListener.class);

    private final Vertx vertx;
    private final PgConnectOptions options;
    private final IntegrationCacheSettings settings;
    /** Set once by {@link #start}, before anything can call back. */
    private volatile IntegrationCache cache;

    // guarded by this
    private PgSubscriber subscriber;
    private PgConnection listeningOn;
    private boolean started;
    private boolean closed;
    private int failedStarts;
    private long heartbeatTimer = -1;
    private long retryTimer = -1;
    private boolean wasListening;
    private boolean heartbeatInFlight;

    /** Does nothing until {@link #start}. */
    IntegrationChangeListener(Vertx vertx, PgConnectOptions options, IntegrationCacheSettings settings) {
        this.vertx = vertx;
        this.options = options;
        this.settings = settings;
    }

    /**
     * Starts connecting, in the background, and evicting from {@code target}; {@link #listening()} turns true once
     * the LISTEN succeeded.
     */
    void start(IntegrationCache target) {
        synchronized (this) {
            if (started || closed) {
                return;
            }
            started = true;
            cache = target;
            heartbeatTimer = vertx.setPeriodic(settings.heartbeatInterval().toMillis(), timer -> heartbeat());
        }
        subscribe();
    }

    /** Whether every change is heard right now: the cache may serve from memory. */
    boolean listening() {
        PgSubscriber current;
        PgConnection listened;
        synchronized (this) {
            if (closed || subscriber == null || listeningOn == null) {
                return false;
            }
            current = subscriber;
            listened = listeningOn;
        }
        // outside our lock: the subscriber takes its own, also while calling us back
        return current.actualConnection() == listened;
    }

    private void subscribe() {
        PgSubscriber next = PgSubscriber.subscriber(vertx, options)
                .reconnectPolicy(this::reconnectDelay);
        next.channel(CHANNEL)
                .handler(this::changed)
                .subscribeHandler(subscribed -> subscribed(next));
        synchronized (this) {
            retryTimer = -1;
            if (closed) {
                return;
            }
            subscriber = next;
        }
        // Lock order: the subscriber calls reconnectDelay holding its own lock, so never call it holding ours.
        next.connect().onFailure(failure -> firstConnectFailed(next, failure));
    }

    /**
     * Called by the subscriber after every successful LISTEN, the first and each after a reconnection. Should the
     * connection have been lost and replaced between that LISTEN and this call, the replacement is recorded before
     * its own LISTEN is done; its own call follows as soon as it is, and clears the cache again.
     */
    private void subscribed(PgSubscriber which) {
        PgConnection connection = which.actualConnection();
        boolean stale;
        synchronized (this) {
            stale = closed || which != subscriber;
            if (!stale) {
                // what was kept may have missed notifications sent while nobody listened
                cache.clear();
                listeningOn = connection;
                failedStarts = 0;
                wasListening = true;
            }
        }
        if (stale) {
            which.close(); // a reconnection that raced close(): end it
            return;
        }
        LOG.info("listening for integration changes; the integration cache is in use");
    }

    private void firstConnectFailed(PgSubscriber which, Throwable failure) {
        which.close();
        synchronized (this) {
            if (closed || which != subscriber) {
                return;
            }
            long delay = backoff(failedStarts++);
            LOG.warn("cannot listen for integration changes ({}); the integration cache is bypassed, retrying in {} ms",
                    DatabaseFailures.translate(failure).getMessage(), delay);
            retryTimer = vertx.setTimer(delay, timer -> subscribe());
        }
    }

    /** The subscriber's policy: attempt 0 follows the loss of a working connection; -1 means stop. */
    private long reconnectDelay(int attempt) {
        synchronized (this) {
            if (closed) {
                return -1;
            }
            if (attempt == 0 && wasListening) {
                wasListening = false;
                LOG.warn("lost the connection that listens for integration changes; the integration cache is "
                        + "bypassed until it is back");
            }
        }
        return backoff(attempt);
    }

    /** 100 ms, doubling, at most 5 s. */
    static long backoff(int attempt) {
        return Math.min(MAX_RETRY_MILLIS, FIRST_RETRY_MILLIS << Math.min(attempt, 16));
    }

    /** A notification: {@code tenant:id} evicts one integration, anything else (the truncate's {@code *}) all. */
    void changed(String payload) {
        int colon = payload == null ? -1 : payload.lastIndexOf(':');
        if (colon > 0) {
            try {
                TenantId tenant = new TenantId(payload.substring(0, colon));
                IntegrationId id = new IntegrationId(UUID.fromString(payload.substring(colon + 1)));
                cache.evict(tenant, id);
                return;
            } catch (IllegalArgumentException notOurs) {
                // fall through: whatever this is, forgetting everything is safe
            }
        }
        if (!EVERYTHING.equals(payload)) {
            LOG.warn("unexpected notification on {}; clearing the integration cache", CHANNEL);
        }
        cache.clear();
    }

    /** A query on the listening connection; one that fails or hangs has the connection replaced. */
    private void heartbeat() {
        if (!listening()) {
            return;
        }
        PgConnection connection;
        synchronized (this) {
            if (heartbeatInFlight || listeningOn == null) {
                return;
            }
            heartbeatInFlight = true;
            connection = listeningOn;
        }
        connection.query("SELECT 1").execute()
                .timeout(settings.heartbeatTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .onComplete(answered -> {
                    synchronized (this) {
                        heartbeatInFlight = false;
                    }
                    if (answered.failed()) {
                        LOG.warn("the connection that listens for integration changes does not answer; replacing it");
                        connection.close(); // the subscriber notices, reconnects and LISTENs again
                    }
                });
    }

    /** Stops listening; the cache is bypassed from now on. */
    Future<Void> close() {
        PgSubscriber last;
        synchronized (this) {
            if (closed) {
                return Future.succeededFuture();
            }
            closed = true;
            listeningOn = null;
            vertx.cancelTimer(heartbeatTimer);
            vertx.cancelTimer(retryTimer);
            last = subscriber;
        }
        IntegrationCache target = cache;
        if (target != null) {
            target.clear();
        }
        return last == null ? Future.succeededFuture() : last.close();
    }
}
