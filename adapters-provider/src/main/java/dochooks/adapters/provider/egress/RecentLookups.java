package dochooks.adapters.provider.egress;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * What names resolved to in the last few seconds, so that calls to a provider given by name do not each take a
 * worker thread for a lookup the JVM's resolver has cached anyway (it keeps answers 30 s by default). Only the
 * lookup's answer is kept: the egress policy checks it again on every use, and the caller still connects to
 * exactly the address checked, so a rebinding name gains nothing. Failed lookups are not kept. Bounded: when
 * {@link #MAX_NAMES} are kept, keeping one more first drops one (expired ones first, else an arbitrary one).
 * Thread-safe.
 */
final class RecentLookups {
    static final Duration LIFETIME = Duration.ofSeconds(10);
    static final int MAX_NAMES = 1024;

    private record Entry(List<InetAddress> addresses, long expiresAtNanos) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;

    RecentLookups() {
        this(System::nanoTime);
    }

    RecentLookups(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** The addresses {@code name} resolved to less than {@link #LIFETIME} ago, or null. */
    List<InetAddress> get(String name) {
        Entry entry = entries.get(name);
        if (entry == null) {
            return null;
        }
        if (nanoTime.getAsLong() - entry.expiresAtNanos() >= 0) {
            entries.remove(name, entry);
            return null;
        }
        return entry.addresses();
    }

    void put(String name, List<InetAddress> addresses) {
        if (addresses == null || addresses.isEmpty()) {
            return;
        }
        long now = nanoTime.getAsLong();
        if (entries.size() >= MAX_NAMES && !entries.containsKey(name)) {
            makeRoom(now);
        }
        entries.put(name, new Entry(List.copyOf(addresses), now + LIFETIME.toNanos()));
    }

    int size() {
        return entries.size();
    }

    private void makeRoom(long now) {
        entries.values().removeIf(entry -> now - entry.expiresAtNanos() >= 0);
        Iterator<String> names = entries.keySet().iterator();
        if (entries.size() >= MAX_NAMES && names.hasNext()) {
            names.next();
            names.remove();
        }
    }
}
