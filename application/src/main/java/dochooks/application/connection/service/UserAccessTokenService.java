package dochooks.application.connection.service;

import dochooks.application.Caller;
import dochooks.application.connection.port.out.AccessToken;
import dochooks.application.connection.port.out.ConnectionKey;
import dochooks.application.connection.port.out.ConnectionStorePort;
import dochooks.application.connection.port.out.ConnectionToken;
import dochooks.application.connection.port.out.DelayPort;
import dochooks.application.connection.port.out.RefreshLeasePort;
import dochooks.application.connection.port.out.TokenEndpointPort;
import dochooks.application.connection.port.out.TokenGrant;
import dochooks.application.connection.port.out.TokenSet;
import dochooks.application.connection.port.out.UserAccessTokenPort;
import dochooks.application.connection.port.out.UserConnection;
import dochooks.application.error.ProviderAddressBlockedException;
import dochooks.application.error.ProviderBadResponseException;
import dochooks.application.error.ProviderErrorException;
import dochooks.application.error.ProviderTimeoutException;
import dochooks.application.error.ProviderUnreachableException;
import dochooks.domain.integration.Integration;
import dochooks.domain.integration.Secret;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * {@link UserAccessTokenPort} over the stored connections and the token endpoint, refreshing each connection
 * at most once at a time:
 * <ol>
 *   <li>inside this process, every request that needs a connection refreshed while a refresh of it is running
 *       joins that refresh (one Future per connection);</li>
 *   <li>across processes sharing the storage, the refresher first takes the connection's lease
 *       ({@link RefreshLeasePort#acquire}, one atomic step that also answers the tokens as stored), checks that
 *       the refresh is still needed, calls the token endpoint holding nothing of the storage, then stores the new
 *       tokens and frees the lease in one step. Whoever finds the lease taken looks at the stored connection
 *       every {@link RefreshSettings#pollInterval()} (a short read each time, nothing held in between) until the
 *       refresh is no longer needed (it uses the token the winner stored), the connection needs reauthorization
 *       or is gone, or the lease is free again (it tries itself), at most {@link RefreshSettings#maxPolls()}
 *       times (then 504).</li>
 * </ol>
 * A refused refresh (an OAuth2 error, or no refresh token) marks the connection
 * {@code REAUTHORIZATION_REQUIRED}; a failing token endpoint leaves it as it was.
 */
public final class UserAccessTokenService implements UserAccessTokenPort {
    private final ConnectionStorePort connections;
    private final RefreshLeasePort leases;
    private final TokenEndpointPort tokenEndpoint;
    private final DelayPort delay;
    private final Clock clock;
    private final RefreshSettings settings;
    private final Map<ConnectionKey, Future<ConnectionToken>> refreshing = new ConcurrentHashMap<>();

    public UserAccessTokenService(ConnectionStorePort connections, RefreshLeasePort leases,
            TokenEndpointPort tokenEndpoint, DelayPort delay, Clock clock, RefreshSettings settings) {
        this.connections = connections;
        this.leases = leases;
        this.tokenEndpoint = tokenEndpoint;
        this.delay = delay;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public Future<ConnectionToken> currentToken(Caller caller, Integration integration) {
        return connections.find(ConnectionKey.of(caller, integration)).map(UserAccessTokenService::tokenOf);
    }

    @Override
    public Future<ConnectionToken> usableToken(Caller caller, Integration integration) {
        ConnectionKey key = ConnectionKey.of(caller, integration);
        return connections.find(key).compose(found -> {
            if (found.isEmpty() || !found.get().isUsable()) {
                return Future.succeededFuture(tokenOf(found));
            }
            UserConnection stored = found.get();
            TokenSet tokens = stored.tokens();
            // without a refresh token there is nothing to do before the call: the provider's refusal decides
            if (tokens.refreshToken() == null || !tokens.lifetime().isRefreshDue(clock.instant())) {
                return Future.succeededFuture(stored.asConnectionToken());
            }
            return refreshOnce(key, integration, current -> current.tokens().lifetime().isRefreshDue(clock.instant()))
                    .recover(failure -> isProviderFailure(failure) && !tokens.lifetime().isExpired(clock.instant())
                            ? Future.succeededFuture(stored.asConnectionToken()) // still good: use it, retry next time
                            : Future.failedFuture(failure));
        });
    }

    @Override
    public Future<ConnectionToken> refreshAfterRefusal(Caller caller, Integration integration, AccessToken refused) {
        return refreshOnce(ConnectionKey.of(caller, integration), integration,
                current -> current.tokens().accessToken().equals(refused.value()));
    }

    /**
     * The one refresh of {@code key} running in this process, or a new one. {@code stillNeeded} tells, from the
     * connection as stored when the refresh would start, whether it is needed at all.
     */
    private Future<ConnectionToken> refreshOnce(ConnectionKey key, Integration integration,
            Predicate<UserConnection> stillNeeded) {
        Promise<ConnectionToken> mine = Promise.promise();
        Future<ConnectionToken> running = refreshing.putIfAbsent(key, mine.future());
        if (running != null) {
            return running;
        }
        attempt(key, integration, stillNeeded, settings.maxPolls()).onComplete(done -> {
            refreshing.remove(key, mine.future()); // before completing: a later request starts afresh
            mine.handle(done);
        });
        return mine.future();
    }

    private Future<ConnectionToken> attempt(ConnectionKey key, Integration integration,
            Predicate<UserConnection> stillNeeded, int pollsLeft) {
        String holder = UUID.randomUUID().toString();
        return leases.acquire(key, holder, settings.leaseDuration()).compose(taken -> {
            if (taken.isPresent()) {
                return refreshHolding(key, holder, integration, taken.get(), stillNeeded);
            }
            return connections.find(key).compose(current -> {
                if (current.isEmpty() || !current.get().isUsable() || !stillNeeded.test(current.get())) {
                    return Future.succeededFuture(tokenOf(current));
                }
                if (pollsLeft <= 0) {
                    return Future.failedFuture(new ProviderTimeoutException(
                            "another request's refresh of this connection did not finish in time"));
                }
                return delay.delay(settings.pollInterval())
                        .compose(waited -> attempt(key, integration, stillNeeded, pollsLeft - 1));
            });
        });
    }

    /** Holding the lease on {@code stored}: refresh if still needed; every way out frees the lease. */
    private Future<ConnectionToken> refreshHolding(ConnectionKey key, String holder, Integration integration,
            UserConnection stored, Predicate<UserConnection> stillNeeded) {
        if (!stillNeeded.test(stored)) {
            return leases.release(key, holder).map(stored.asConnectionToken());
        }
        Secret refreshToken = stored.tokens().refreshToken();
        if (refreshToken == null) {
            return markReauthorizationRequired(key, holder);
        }
        Instant requestedAt = clock.instant();
        return callTokenEndpoint(integration, refreshToken).compose(grant -> {
            if (grant instanceof TokenGrant.Issued issued) {
                TokenSet next = IssuedTokens.tokenSet(issued, refreshToken, requestedAt);
                ConnectionToken fresh = new ConnectionToken.Connected(next.accessTokenWithRefresh());
                return leases.storeRefreshed(key, holder, next).compose(written -> written
                        ? Future.succeededFuture(fresh)
                        : afterLostLease(key, stored, fresh));
            }
            return markReauthorizationRequired(key, holder);
        }, failure -> leases.release(key, holder).compose(
                // the connection stays as it was; whether the release works or not, the failure is the answer
                released -> Future.<ConnectionToken>failedFuture(failure),
                notReleased -> Future.<ConnectionToken>failedFuture(failure)));
    }

    /**
     * The lease was lost during the token call (it ran out and another took it, or the user reconnected or
     * disconnected). If the stored access token is still the one refreshed from, nobody stored anything newer:
     * the tokens just issued are the freshest there are, so this request uses them (unstored; the lease's new
     * holder decides what is stored). Otherwise what is stored now wins.
     */
    private Future<ConnectionToken> afterLostLease(ConnectionKey key, UserConnection refreshedFrom,
            ConnectionToken fresh) {
        return connections.find(key).map(current -> current.isPresent() && current.get().isUsable()
                && current.get().tokens().accessToken().equals(refreshedFrom.tokens().accessToken())
                ? fresh
                : tokenOf(current));
    }

    private Future<TokenGrant> callTokenEndpoint(Integration integration, Secret refreshToken) {
        try {
            return tokenEndpoint.refresh(integration, refreshToken);
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
    }

    private Future<ConnectionToken> markReauthorizationRequired(ConnectionKey key, String holder) {
        return leases.markReauthorizationRequired(key, holder).compose(marked -> marked
                ? Future.succeededFuture(new ConnectionToken.ReauthorizationRequired())
                : reread(key));
    }

    /** The lease was lost meanwhile (the user reconnected or disconnected, or it ran out): what is stored now. */
    private Future<ConnectionToken> reread(ConnectionKey key) {
        return connections.find(key).map(UserAccessTokenService::tokenOf);
    }

    private static ConnectionToken tokenOf(Optional<UserConnection> found) {
        return found.map(UserConnection::asConnectionToken).orElseGet(ConnectionToken.NotConnected::new);
    }

    private static boolean isProviderFailure(Throwable failure) {
        return failure instanceof ProviderUnreachableException || failure instanceof ProviderTimeoutException
                || failure instanceof ProviderErrorException || failure instanceof ProviderBadResponseException
                || failure instanceof ProviderAddressBlockedException;
    }
}
