package dochooks.application.connection.port.out;

import java.util.Objects;

/**
 * What a user's connection to an OAuth2 integration offers right now: a token to call the provider with,
 * nothing because the user never connected (or disconnected), or nothing because the provider refused to
 * refresh the connection and the user must authorize again.
 */
public sealed interface ConnectionToken {

    /** The user is connected; {@code token} is the stored access token. */
    record Connected(AccessToken token) implements ConnectionToken {
        public Connected {
            Objects.requireNonNull(token, "token");
        }
    }

    /** The user has no connection to the integration (API state {@code NOT_CONNECTED}). */
    record NotConnected() implements ConnectionToken {
    }

    /**
     * The provider refused a refresh: the connection is kept but unusable until the user authorizes again
     * (API state {@code REAUTHORIZATION_REQUIRED}).
     */
    record ReauthorizationRequired() implements ConnectionToken {
    }
}
