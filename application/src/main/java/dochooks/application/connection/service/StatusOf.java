package dochooks.application.connection.service;

import dochooks.application.connection.port.in.ConnectionStatus;
import dochooks.application.connection.port.out.UserConnection;

/** A stored connection as the API shows it. */
final class StatusOf {
    private StatusOf() {
    }

    static ConnectionStatus connection(UserConnection connection) {
        return new ConnectionStatus(connection.state(), connection.connectedAt(),
                connection.isUsable() ? connection.tokens().lifetime().expiresAt() : null);
    }
}
