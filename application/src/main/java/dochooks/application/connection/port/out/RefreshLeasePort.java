package dochooks.application.connection.port.out;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.Optional;

/**
 * The lease that lets one request at a time, across every dochooks process sharing the storage, refresh a
 * connection's tokens. Each method is one atomic step; nothing is held between them (no connection, no
 * transaction, no lock), so a lease holder may wait for the token endpoint without holding storage resources.
 * A lease not released ends by itself after its duration, measured by the storage's own clock so that
 * processes with skewed clocks agree.
 *
 * <p>Every write is conditional on {@code holder} still holding the lease, so a holder whose lease ran out
 * (or whose connection was replaced or deleted meanwhile) changes nothing. Futures fail with
 * {@link dochooks.application.error.DatabaseUnavailableException} when storage does not answer.
 */
public interface RefreshLeasePort {

    /**
     * Takes the lease on a usable ({@code CONNECTED}) connection for {@code leaseFor}, if nobody holds it or the
     * holder's lease ran out, and answers the connection as stored at that moment; empty when the lease is held
     * by another, or the connection is gone or not usable.
     */
    Future<Optional<UserConnection>> acquire(ConnectionKey key, String holder, Duration leaseFor);

    /**
     * Stores refreshed tokens (access and refresh token in the same write) and frees the lease; false, changing
     * nothing, when {@code holder} no longer holds it.
     */
    Future<Boolean> storeRefreshed(ConnectionKey key, String holder, TokenSet tokens);

    /**
     * Marks the connection {@code REAUTHORIZATION_REQUIRED} (its refresh token, which the provider refused, is
     * dropped) and frees the lease; false, changing nothing, when {@code holder} no longer holds it.
     */
    Future<Boolean> markReauthorizationRequired(ConnectionKey key, String holder);

    /** Frees the lease without changing the tokens, if {@code holder} still holds it. */
    Future<Void> release(ConnectionKey key, String holder);
}
