package dochooks.adapters.http;

import dochooks.application.Caller;
import io.vertx.core.json.JsonObject;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The callers of bearer tokens already verified (signature, times and claim rules), by exact token string, so
 * that a client sending the same token again is not verified again: the HMAC, the two JSON decodings and the
 * claim checks were the largest single cost of a small request (about 18 % of the CPU samples under load).
 *
 * <p>Only a token that passed every check is ever stored: a bad signature, a wrong {@code alg}, broken
 * claims or an expired token are never cached, so they are refused by the full check each time. A cached
 * entry is returned only while the token would still pass the time checks the full verification applies
 * (Vert.x's, without leeway, in whole seconds of {@link System#currentTimeMillis()}): before {@code exp}
 * ({@code now < exp}), and not before {@code iat} and {@code nbf} (which only matters if the clock goes
 * back). Every entry is also dropped {@link #MAX_AGE_SECONDS} after it was stored, exp or not.
 *
 * <p>Bounded: when {@link #MAX_ENTRIES} are stored, storing one more first evicts an arbitrary entry (the
 * first the map's iterator yields: cheap, and unrelated to what a client sends). Two event loops storing at
 * the same instant may pass the bound by one entry each. Thread-safe.
 */
final class VerifiedTokens {
    static final int MAX_ENTRIES = 10_000;
    static final long MAX_AGE_SECONDS = 600;

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final LongSupplier epochSeconds;
    private final int maxEntries;

    /** The cache the server uses: the same clock as Vert.x's expiry check, {@link #MAX_ENTRIES} entries. */
    VerifiedTokens() {
        this(() -> System.currentTimeMillis() / 1000, MAX_ENTRIES);
    }

    VerifiedTokens(LongSupplier epochSeconds, int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1");
        }
        this.epochSeconds = epochSeconds;
        this.maxEntries = maxEntries;
    }

    /** The caller of {@code token} when it was verified and would still pass the time checks; else null. */
    Caller get(String token) {
        Entry entry = entries.get(token);
        if (entry == null) {
            return null;
        }
        long now = epochSeconds.getAsLong();
        if (now >= entry.expiresAt() || now < entry.validFrom()) {
            entries.remove(token, entry);
            return null;
        }
        return entry.caller();
    }

    /**
     * Remembers that {@code token}, whose verified payload is {@code claims}, names {@code caller}. Call it
     * only after the signature, the time checks and the claim rules all passed. A token whose time claims
     * are not plain numbers is not stored (it cannot have passed, but the cache does not rely on it).
     */
    void put(String token, JsonObject claims, Caller caller) {
        Long exp = seconds(claims, "exp");
        Long iat = seconds(claims, "iat");
        Long nbf = seconds(claims, "nbf");
        if (exp == null || iat == null || nbf == null) {
            return;
        }
        long now = epochSeconds.getAsLong();
        long expiresAt = Math.min(exp, now + MAX_AGE_SECONDS);
        long validFrom = Math.max(iat, nbf);
        if (now >= expiresAt || now < validFrom) {
            return;
        }
        while (entries.size() >= maxEntries && !entries.containsKey(token)) {
            Iterator<String> any = entries.keySet().iterator();
            if (!any.hasNext()) {
                break;
            }
            entries.remove(any.next());
        }
        entries.put(token, new Entry(caller, validFrom, expiresAt));
    }

    int size() {
        return entries.size();
    }

    /**
     * A time claim in whole seconds as Vert.x compares it ({@code Number.longValue()}): {@link Long#MAX_VALUE}
     * for exp or {@link Long#MIN_VALUE} for iat/nbf when absent; null when present but not a number.
     */
    private static Long seconds(JsonObject claims, String name) {
        if (!claims.containsKey(name)) {
            return "exp".equals(name) ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
        return claims.getValue(name) instanceof Number number ? number.longValue() : null;
    }

    private record Entry(Caller caller, long validFrom, long expiresAt) {
    }
}
