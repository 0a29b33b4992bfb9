package dochooks.application.connection.service;

import dochooks.application.Caller;
import dochooks.application.connection.port.in.ConfirmConnectionUseCase;
import dochooks.application.connection.port.in.ConnectionStatus;
import dochooks.application.connection.port.out.AuthorizationCode;
import dochooks.application.connection.port.out.ConnectionStorePort;
import dochooks.application.connection.port.out.PendingAuthorization;
import dochooks.application.connection.port.out.PendingAuthorizationPort;
import dochooks.application.connection.port.out.Sha256Digest;
import dochooks.application.connection.port.out.TokenEndpointPort;
import dochooks.application.connection.port.out.TokenGrant;
import dochooks.application.connection.port.out.UserConnection;
import dochooks.application.error.ForbiddenException;
import dochooks.application.error.OAuthCallbackRejectedException;
import dochooks.application.error.ProviderErrorException;
import dochooks.application.integration.port.out.LoadIntegrationPort;
import dochooks.domain.integration.Integration;
import dochooks.domain.integration.RedirectUri;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;

/**
 * {@link ConfirmConnectionUseCase}: the confirmation is consumed (deleted) before anything else is decided, so
 * that it works once whatever the outcome, and a confirmation presented by another user leaves nothing behind.
 */
public final class ConfirmConnectionService implements ConfirmConnectionUseCase {
    private final LoadIntegrationPort load;
    private final PendingAuthorizationPort pending;
    private final TokenEndpointPort tokenEndpoint;
    private final ConnectionStorePort connections;
    private final RedirectUri redirectUri;
    private final Clock clock;

    public ConfirmConnectionService(LoadIntegrationPort load, PendingAuthorizationPort pending,
            TokenEndpointPort tokenEndpoint, ConnectionStorePort connections, RedirectUri redirectUri, Clock clock) {
        this.load = load;
        this.pending = pending;
        this.tokenEndpoint = tokenEndpoint;
        this.connections = connections;
        this.redirectUri = redirectUri;
        this.clock = clock;
    }

    @Override
    public Future<ConnectionStatus> confirm(Caller caller, ConfirmConnectionCommand command) {
        return ConnectionAccess.loadUsable(load, caller, command.integrationId())
                .compose(integration -> ConnectionAccess.oauth2Of(integration).map(integration))
                .compose(integration -> pending.consumeConfirmation(Sha256Digest.of(command.confirmation()))
                        .compose(found -> found.isEmpty()
                                ? rejected("the confirmation is unknown or was already used")
                                : confirm(caller, integration, found.get())));
    }

    private Future<ConnectionStatus> confirm(Caller caller, Integration integration, PendingAuthorization authorization) {
        if (!authorization.key().belongsTo(caller)) {
            // consumed above: a forwarded confirmation is gone for its owner too, and nothing is stored
            return Future.failedFuture(new ForbiddenException("the confirmation belongs to another user"));
        }
        if (!authorization.key().integration().equals(integration.id())) {
            return rejected("the confirmation was made for another integration");
        }
        if (authorization.isExpired(clock.instant()) || authorization.code() == null) {
            return rejected("the confirmation has expired");
        }
        Instant requestedAt = clock.instant();
        AuthorizationCode code = new AuthorizationCode(authorization.code(), authorization.codeVerifier(), redirectUri);
        return tokenEndpoint.redeem(integration, code).compose(grant -> {
            if (grant instanceof TokenGrant.Issued issued) {
                UserConnection connection = UserConnection.connected(authorization.key(),
                        IssuedTokens.tokenSet(issued, null, requestedAt), clock.instant());
                return connections.save(connection).map(saved -> StatusOf.connection(connection));
            }
            TokenGrant.Refused refused = (TokenGrant.Refused) grant;
            return Future.failedFuture(new ProviderErrorException(refused.status(), IssuedTokens.describe(refused)));
        });
    }

    private static <T> Future<T> rejected(String why) {
        return Future.failedFuture(new OAuthCallbackRejectedException(why));
    }
}
