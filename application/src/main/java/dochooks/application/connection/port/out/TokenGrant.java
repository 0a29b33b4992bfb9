package dochooks.application.connection.port.out;

import dochooks.domain.integration.Secret;
import java.util.Objects;

/** How a token endpoint answered a grant (authorization code or refresh token). */
public sealed interface TokenGrant {

    /**
     * Tokens were issued. {@code refreshToken} is null when the answer had none; {@code expiresInSeconds} is
     * null when it did not say (or said something that is no number of seconds).
     */
    record Issued(Secret accessToken, Secret refreshToken, Long expiresInSeconds) implements TokenGrant {
        public Issued {
            Objects.requireNonNull(accessToken, "accessToken");
        }

        @Override
        public String toString() {
            return "Issued[accessToken=****, refreshToken=" + (refreshToken == null ? "none" : "****")
                    + ", expiresInSeconds=" + expiresInSeconds + "]";
        }
    }

    /**
     * The endpoint refused the grant with an OAuth2 error ({@code invalid_grant}...): {@code status} is the HTTP
     * status it answered, {@code error} the OAuth2 error code and {@code description} its
     * {@code error_description}, both sanitized (no control characters, no secret or token of the call, at most
     * 500 characters) and null when absent.
     */
    record Refused(int status, String error, String description) implements TokenGrant {
    }
}
