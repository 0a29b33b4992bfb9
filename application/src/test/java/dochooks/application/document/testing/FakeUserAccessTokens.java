package dochooks.application.document.testing;

import dochooks.application.Caller;
import dochooks.application.connection.port.out.AccessToken;
import dochooks.application.connection.port.out.ConnectionToken;
import dochooks.application.connection.port.out.UserAccessTokenPort;
import dochooks.domain.integration.Integration;
import dochooks.domain.integration.IntegrationId;
import dochooks.domain.integration.Secret;
import dochooks.domain.tenancy.TenantId;
import dochooks.domain.tenancy.UserId;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Users' connections in memory, with a scripted token endpoint: a refresh either issues a given token, is
 * refused (the connection then needs reauthorization, as the real port marks it), or fails. Records reads and
 * refreshes.
 */
public final class FakeUserAccessTokens implements UserAccessTokenPort {
    private record Key(TenantId tenant, UserId user, IntegrationId integration) {
        static Key of(Caller caller, Integration integration) {
            return new Key(caller.tenant(), caller.user(), integration.id());
        }
    }

    private final Map<Key, ConnectionToken> connections = new HashMap<>();
    private final List<String> refreshedFrom = new ArrayList<>();
    private Supplier<Future<String>> tokenEndpoint = () -> Future.succeededFuture(null);
    private int reads;
    private int usableReads;

    /** The caller is connected with {@code accessToken} (and a refresh token). */
    public void connect(Caller caller, Integration integration, String accessToken) {
        store(caller, integration, accessToken);
    }

    /** The caller's connection needs authorizing again. */
    public void requireReauthorization(Caller caller, Integration integration) {
        connections.put(Key.of(caller, integration), new ConnectionToken.ReauthorizationRequired());
    }

    public void disconnect(Caller caller, Integration integration) {
        connections.remove(Key.of(caller, integration));
    }

    /** Replaces the stored access token, as a concurrent request's refresh would. */
    public void store(Caller caller, Integration integration, String accessToken) {
        connections.put(Key.of(caller, integration), new ConnectionToken.Connected(
                new AccessToken(Secret.of(accessToken), Secret.of("refresh-of-" + accessToken))));
    }

    /** A refresh issues {@code accessToken}. */
    public void refreshIssues(String accessToken) {
        tokenEndpoint = () -> Future.succeededFuture(accessToken);
    }

    /** A refresh is refused by the token endpoint (invalid_grant). */
    public void refreshRefused() {
        tokenEndpoint = () -> Future.succeededFuture(null);
    }

    /** A refresh fails before the token endpoint answers. */
    public void refreshFails(Throwable failure) {
        tokenEndpoint = () -> Future.failedFuture(failure);
    }

    /** The access tokens refreshes started from, in order. */
    public List<String> refreshedFrom() {
        return List.copyOf(refreshedFrom);
    }

    /** How many times a token was read (either way). */
    public int reads() {
        return reads;
    }

    /** How many of those reads asked for a token usable now ({@link #usableToken}), which may refresh. */
    public int usableReads() {
        return usableReads;
    }

    @Override
    public Future<ConnectionToken> currentToken(Caller caller, Integration integration) {
        reads++;
        return Future.succeededFuture(connections.getOrDefault(Key.of(caller, integration),
                new ConnectionToken.NotConnected()));
    }

    /** The stored token: this fake's tokens never expire, so there is nothing to refresh first. */
    @Override
    public Future<ConnectionToken> usableToken(Caller caller, Integration integration) {
        usableReads++;
        return currentToken(caller, integration);
    }

    @Override
    public Future<ConnectionToken> refreshAfterRefusal(Caller caller, Integration integration, AccessToken refused) {
        refreshedFrom.add(refused.value().reveal());
        Key key = Key.of(caller, integration);
        return tokenEndpoint.get().map(issued -> {
            ConnectionToken next = issued == null
                    ? new ConnectionToken.ReauthorizationRequired()
                    : new ConnectionToken.Connected(new AccessToken(Secret.of(issued), refused.refreshToken()));
            connections.put(key, next);
            return next;
        });
    }
}
