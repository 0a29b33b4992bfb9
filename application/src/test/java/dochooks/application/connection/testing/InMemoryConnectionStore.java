package dochooks.application.connection.testing;

import dochooks.application.connection.port.out.ConnectionKey;
import dochooks.application.connection.port.out.ConnectionStorePort;
import dochooks.application.connection.port.out.RefreshLeasePort;
import dochooks.application.connection.port.out.TokenSet;
import dochooks.application.connection.port.out.UserConnection;
import dochooks.domain.connection.ConnectionState;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A real, in-memory implementation of the connection store and its refresh lease, with the rules of the
 * PostgreSQL one: every step atomic (synchronized), writes conditional on the lease holder, leases that run out
 * by the store's clock. Shared through the test-jar; thread-safe, so that adapters' tests may race on it.
 */
public final class InMemoryConnectionStore implements ConnectionStorePort, RefreshLeasePort {
    private record Entry(UserConnection connection, String holder, Instant leaseUntil) {
        boolean leasedAt(Instant now) {
            return holder != null && leaseUntil.isAfter(now);
        }

        Entry released(UserConnection next) {
            return new Entry(next, null, null);
        }
    }

    private final Map<ConnectionKey, Entry> entries = new HashMap<>();
    private final Clock clock;
    private int leasesTaken;

    public InMemoryConnectionStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized Future<Optional<UserConnection>> find(ConnectionKey key) {
        return Future.succeededFuture(Optional.ofNullable(entries.get(key)).map(Entry::connection));
    }

    @Override
    public synchronized Future<Void> save(UserConnection connection) {
        entries.put(connection.key(), new Entry(connection, null, null));
        return Future.succeededFuture();
    }

    @Override
    public synchronized Future<Boolean> delete(ConnectionKey key) {
        return Future.succeededFuture(entries.remove(key) != null);
    }

    @Override
    public synchronized Future<Optional<UserConnection>> acquire(ConnectionKey key, String holder, Duration leaseFor) {
        Entry entry = entries.get(key);
        Instant now = clock.instant();
        if (entry == null || !entry.connection().isUsable() || entry.leasedAt(now)) {
            return Future.succeededFuture(Optional.empty());
        }
        entries.put(key, new Entry(entry.connection(), holder, now.plus(leaseFor)));
        leasesTaken++;
        return Future.succeededFuture(Optional.of(entry.connection()));
    }

    @Override
    public synchronized Future<Boolean> storeRefreshed(ConnectionKey key, String holder, TokenSet tokens) {
        Entry entry = heldBy(key, holder);
        if (entry == null) {
            return Future.succeededFuture(false);
        }
        UserConnection stored = entry.connection();
        entries.put(key, entry.released(new UserConnection(key, stored.state(), tokens, stored.connectedAt())));
        return Future.succeededFuture(true);
    }

    @Override
    public synchronized Future<Boolean> markReauthorizationRequired(ConnectionKey key, String holder) {
        Entry entry = heldBy(key, holder);
        if (entry == null) {
            return Future.succeededFuture(false);
        }
        UserConnection stored = entry.connection();
        TokenSet withoutRefresh = new TokenSet(stored.tokens().accessToken(), null, stored.tokens().lifetime());
        entries.put(key, entry.released(new UserConnection(key, ConnectionState.REAUTHORIZATION_REQUIRED,
                withoutRefresh, stored.connectedAt())));
        return Future.succeededFuture(true);
    }

    @Override
    public synchronized Future<Void> release(ConnectionKey key, String holder) {
        Entry entry = heldBy(key, holder);
        if (entry != null) {
            entries.put(key, entry.released(entry.connection()));
        }
        return Future.succeededFuture();
    }

    private Entry heldBy(ConnectionKey key, String holder) {
        Entry entry = entries.get(key);
        return entry != null && holder.equals(entry.holder()) ? entry : null;
    }

    /** Someone else (another process, say) holds the lease on {@code key} for {@code leaseFor} from now. */
    public synchronized void leaseElsewhere(ConnectionKey key, Duration leaseFor) {
        Entry entry = entries.get(key);
        entries.put(key, new Entry(entry.connection(), "elsewhere", clock.instant().plus(leaseFor)));
    }

    /** What another process's refresh would leave: new tokens, its lease freed. */
    public synchronized void storeElsewhere(ConnectionKey key, TokenSet tokens) {
        Entry entry = entries.get(key);
        UserConnection stored = entry.connection();
        entries.put(key, entry.released(new UserConnection(key, stored.state(), tokens, stored.connectedAt())));
    }

    /** Whether anyone holds the lease on {@code key} now. */
    public synchronized boolean isLeased(ConnectionKey key) {
        Entry entry = entries.get(key);
        return entry != null && entry.leasedAt(clock.instant());
    }

    /** How many times a lease was taken. */
    public synchronized int leasesTaken() {
        return leasesTaken;
    }

    public synchronized int size() {
        return entries.size();
    }
}
