package dochooks.application.connection.port.out;

import dochooks.domain.connection.ConnectionState;
import java.time.Instant;
import java.util.Objects;

/**
 * A user's stored connection to an OAuth2 integration: its tokens, whether they may still be used
 * ({@link ConnectionState#CONNECTED}) or the provider refused to refresh them
 * ({@link ConnectionState#REAUTHORIZATION_REQUIRED}), and when the user connected.
 */
public record UserConnection(ConnectionKey key, ConnectionState state, TokenSet tokens, Instant connectedAt) {

    public UserConnection {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(connectedAt, "connectedAt");
        if (state == ConnectionState.NOT_CONNECTED) {
            throw new IllegalArgumentException("a stored connection is CONNECTED or REAUTHORIZATION_REQUIRED");
        }
    }

    /** A fresh connection: the user just authorized, at {@code now}. */
    public static UserConnection connected(ConnectionKey key, TokenSet tokens, Instant now) {
        return new UserConnection(key, ConnectionState.CONNECTED, tokens, now);
    }

    public boolean isUsable() {
        return state == ConnectionState.CONNECTED;
    }

    /** What the document use cases get from this connection. */
    public ConnectionToken asConnectionToken() {
        return isUsable() ? new ConnectionToken.Connected(tokens.accessTokenWithRefresh())
                : new ConnectionToken.ReauthorizationRequired();
    }
}
