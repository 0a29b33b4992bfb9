package dochooks.application.connection.port.in;

import dochooks.domain.connection.ConnectionState;
import java.time.Instant;
import java.util.Objects;

/**
 * The caller's connection as the API shows it: its state, when the user connected, and when the access token
 * expires. Both times are null when not connected, for ApiKey integrations (always {@code CONNECTED}), and
 * {@code accessTokenExpiresAt} also when the provider gave no expiry or the connection needs reauthorization
 * (its token is no longer used).
 */
public record ConnectionStatus(ConnectionState state, Instant connectedAt, Instant accessTokenExpiresAt) {

    public ConnectionStatus {
        Objects.requireNonNull(state, "state");
    }

    public static ConnectionStatus notConnected() {
        return new ConnectionStatus(ConnectionState.NOT_CONNECTED, null, null);
    }

    /** An ApiKey integration: nothing to connect, always usable. */
    public static ConnectionStatus apiKey() {
        return new ConnectionStatus(ConnectionState.CONNECTED, null, null);
    }
}
