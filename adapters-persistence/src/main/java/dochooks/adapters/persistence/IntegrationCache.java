package dochooks.adapters.persistence;

import dochooks.application.integration.port.out.LoadIntegrationPort;
import dochooks.domain.integration.Integration;
import dochooks.domain.integration.IntegrationId;
import dochooks.domain.tenancy.TenantId;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Integrations kept in memory in front of the database, for the request paths that read one on every call.
 *
 * <p>Served from memory only while {@code listening} says that this process hears every change (the database's
 * notifications, see {@link IntegrationChangeListener}); otherwise every load goes to the database and nothing is
 * kept, so a change made while the notifications could not arrive is never missed. On top of that an entry lives
 * at most {@code ttl} (a notification lost in a way nobody noticed), and at most {@code maxEntries} are kept (the
 * least recently used goes first). Keys are (tenant, id): one tenant never gets another's entry. Only integrations
 * that exist are kept: an unknown id goes to the database every time, so probing random ids cannot push real
 * entries out. Entries hold decrypted secrets, in this process's memory only.
 *
 * <p>A load that was under way when its key was evicted still answers its callers, but its result is not kept:
 * it may have read the row before the change that caused the eviction. Concurrent loads of one key share one query.
 */
final class IntegrationCache implements LoadIntegrationPort {
    private final LoadIntegrationPort database;
    private final BooleanSupplier listening;
    private final LongSupplier nanoTime;
    private final long ttlNanos;
    private final Map<Key, Entry> entries;

    /**
     * @param database   where misses are read
     * @param listening  whether every change is heard right now
     * @param ttl        the longest an entry is served, counted from when its query was sent
     * @param maxEntries the most entries kept
     * @param nanoTime   a monotonic clock in nanoseconds ({@code System::nanoTime}; a wall clock set back would
     *                   stretch the lifetime)
     */
    IntegrationCache(LoadIntegrationPort database, BooleanSupplier listening, Duration ttl, int maxEntries,
            LongSupplier nanoTime) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("the cache's time to live must be positive, was " + ttl);
        }
        if (maxEntries < 1) {
            throw new IllegalArgumentException("the cache must hold at least one entry, was " + maxEntries);
        }
        this.database = database;
        this.listening = listening;
        this.nanoTime = nanoTime;
        this.ttlNanos = ttl.toNanos();
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
                return size() > maxEntries;
            }
        };
    }

    @Override
    public Future<Optional<Integration>> load(TenantId tenant, IntegrationId id) {
        if (!listening.getAsBoolean()) {
            clear(); // what was kept may have missed changes; and decrypted secrets should not linger unused
            return database.load(tenant, id);
        }
        Key key = new Key(tenant, id);
        long now = nanoTime.getAsLong();
        Promise<Optional<Integration>> promise;
        Entry entry;
        synchronized (this) {
            Entry kept = entries.get(key);
            if (kept != null && now - kept.sentAt < ttlNanos) {
                return kept.value;
            }
            promise = Promise.promise();
            entry = new Entry(promise.future(), now);
            entries.put(key, entry);
        }
        database.load(tenant, id).onComplete(result -> settle(key, entry, result, promise));
        return entry.value;
    }

    private void settle(Key key, Entry entry, AsyncResult<Optional<Integration>> result,
            Promise<Optional<Integration>> promise) {
        synchronized (this) {
            // a failure is not kept (the next call tries again), nor "no such integration" (see the class comment)
            if ((result.failed() || result.result().isEmpty()) && entries.get(key) == entry) {
                entries.remove(key);
            }
        }
        promise.handle(result);
    }

    /** Forgets one integration: it changed, or is about to. */
    synchronized void evict(TenantId tenant, IntegrationId id) {
        entries.remove(new Key(tenant, id));
    }

    /** Forgets everything. */
    synchronized void clear() {
        entries.clear();
    }

    /** How many entries are kept (loads under way included). */
    synchronized int size() {
        return entries.size();
    }

    private record Key(TenantId tenant, IntegrationId id) {
    }

    /** A load's answer (possibly still to come), and when its query was sent. */
    private record Entry(Future<Optional<Integration>> value, long sentAt) {
    }
}
