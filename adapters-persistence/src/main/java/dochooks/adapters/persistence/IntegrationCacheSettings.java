package dochooks.adapters.persistence;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * How the integration cache and its change listener behave. {@link #DEFAULTS} in production; tests shorten the
 * heartbeat or drive the clock.
 *
 * @param ttl               the longest an entry is served (api: 30 s), whatever the notifications say
 * @param maxEntries        the most integrations kept per process
 * @param heartbeatInterval how often the listening connection is checked with a query (it also keeps a NAT or
 *                          firewall from dropping the otherwise silent connection)
 * @param heartbeatTimeout  how long that query may take before the connection is given up and replaced
 * @param nanoTime          a monotonic clock, in nanoseconds
 */
record IntegrationCacheSettings(Duration ttl, int maxEntries, Duration heartbeatInterval, Duration heartbeatTimeout,
        LongSupplier nanoTime) {
    static final IntegrationCacheSettings DEFAULTS = new IntegrationCacheSettings(Duration.ofSeconds(30), 10_000,
            Duration.ofSeconds(10), Duration.ofSeconds(3), System::nanoTime);

    IntegrationCacheSettings withNanoTime(LongSupplier clock) {
        return new IntegrationCacheSettings(ttl, maxEntries, heartbeatInterval, heartbeatTimeout, clock);
    }

    IntegrationCacheSettings withMaxEntries(int max) {
        return new IntegrationCacheSettings(ttl, max, heartbeatInterval, heartbeatTimeout, nanoTime);
    }

    IntegrationCacheSettings withHeartbeat(Duration interval, Duration timeout) {
        return new IntegrationCacheSettings(ttl, maxEntries, interval, timeout, nanoTime);
    }
}
