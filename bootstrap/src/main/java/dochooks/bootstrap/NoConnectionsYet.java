package dochooks.bootstrap;

import dochooks.application.Caller;
import dochooks.application.connection.port.out.AccessToken;
import dochooks.application.connection.port.out.ConnectionToken;
import dochooks.application.connection.port.out.UserAccessTokenPort;
import dochooks.domain.integration.Integration;
import io.vertx.core.Future;

/**
 * The user tokens of OAuth2 integrations until users can connect (issue 4 replaces this with the stored
 * connections): nobody is connected, which is the truth while no connection can be made. OAuth2 document
 * operations thus answer 409 {@code connection-required}; ApiKey integrations never ask.
 */
final class NoConnectionsYet implements UserAccessTokenPort {

    @Override
    public Future<ConnectionToken> currentToken(Caller caller, Integration integration) {
        return Future.succeededFuture(new ConnectionToken.NotConnected());
    }

    @Override
    public Future<ConnectionToken> refreshAfterRefusal(Caller caller, Integration integration, AccessToken refused) {
        return Future.succeededFuture(new ConnectionToken.NotConnected());
    }
}
