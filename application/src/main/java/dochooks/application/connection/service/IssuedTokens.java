package dochooks.application.connection.service;

import dochooks.application.connection.port.out.TokenGrant;
import dochooks.application.connection.port.out.TokenSet;
import dochooks.domain.connection.TokenLifetime;
import dochooks.domain.integration.Secret;
import java.time.Instant;

/** What a token endpoint's answer becomes in storage, and in words. */
final class IssuedTokens {
    /** Provider text in a problem's detail is cut to this many characters (api.md section 5). */
    private static final int MAX_TEXT = 500;

    private IssuedTokens() {
    }

    /**
     * The tokens to store: the issued ones, and {@code previousRefreshToken} when the answer carried no refresh
     * token. The lifetime counts from {@code requestedAt}, when the grant was sent: the token cannot have been
     * issued earlier, so it never lives longer in our books than at the provider.
     */
    static TokenSet tokenSet(TokenGrant.Issued issued, Secret previousRefreshToken, Instant requestedAt) {
        Secret refreshToken = issued.refreshToken() != null ? issued.refreshToken() : previousRefreshToken;
        return new TokenSet(issued.accessToken(), refreshToken, TokenLifetime.of(requestedAt, issued.expiresInSeconds()));
    }

    /** The refusal as the provider's text of a {@code provider-error} (already sanitized by the port). */
    static String describe(TokenGrant.Refused refused) {
        String text = "the token endpoint refused the authorization code";
        if (refused.error() != null) {
            text += ": " + refused.error();
        }
        if (refused.description() != null) {
            text += " (" + refused.description() + ")";
        }
        if (text.codePointCount(0, text.length()) > MAX_TEXT) {
            text = text.substring(0, text.offsetByCodePoints(0, MAX_TEXT));
        }
        return text;
    }
}
