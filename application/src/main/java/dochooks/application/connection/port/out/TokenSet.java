package dochooks.application.connection.port.out;

import dochooks.domain.connection.TokenLifetime;
import dochooks.domain.integration.Secret;
import java.util.Objects;

/**
 * The tokens of a connection as stored: the access token, the refresh token (null when the provider issued
 * none) and the access token's lifetime. {@code toString()} shows no token.
 */
public record TokenSet(Secret accessToken, Secret refreshToken, TokenLifetime lifetime) {

    public TokenSet {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(lifetime, "lifetime");
    }

    /** The access token as the document use cases send it (with its refresh token, to mask). */
    public AccessToken accessTokenWithRefresh() {
        return new AccessToken(accessToken, refreshToken);
    }

    @Override
    public String toString() {
        return "TokenSet[accessToken=****, refreshToken=" + (refreshToken == null ? "none" : "****")
                + ", lifetime=" + lifetime + "]";
    }
}
