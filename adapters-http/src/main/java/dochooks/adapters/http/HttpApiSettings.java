package dochooks.adapters.http;

import dochooks.domain.integration.RedirectUri;
import java.util.Arrays;
import java.util.Objects;

/**
 * What the HTTP API needs from configuration.
 *
 * @param jwtSecret   the UTF-8 bytes of {@code DOCHOOKS_JWT_SECRET}, at least 32; bearer tokens are HS256
 *                    with it. Copied in and out, and never shown by {@link #toString()}.
 * @param redirectUri the OAuth2 callback address shown on OAuth2 integrations
 * @param oauthReturnUrl where the browser goes after an accepted callback ({@code DOCHOOKS_OAUTH_RETURN_URL}):
 *                    an absolute http(s) URL, or a path on this server starting with one {@code /}
 *                    ({@link #DEFAULT_OAUTH_RETURN_URL} by default)
 */
public record HttpApiSettings(byte[] jwtSecret, RedirectUri redirectUri, String oauthReturnUrl) {
    public static final int MIN_SECRET_BYTES = 32;
    /** The page of this server that tells the user to return to the application (api.md 4 and 8). */
    public static final String DEFAULT_OAUTH_RETURN_URL = ConnectionHandlers.CONNECTED_PAGE;

    public HttpApiSettings {
        Objects.requireNonNull(jwtSecret, "jwtSecret");
        Objects.requireNonNull(redirectUri, "redirectUri");
        Objects.requireNonNull(oauthReturnUrl, "oauthReturnUrl");
        if (jwtSecret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the JWT secret must be at least " + MIN_SECRET_BYTES + " bytes");
        }
        if (!ReturnUrl.isAcceptable(oauthReturnUrl)) {
            throw new IllegalArgumentException("the OAuth2 return URL must be an absolute http(s) URL without a "
                    + "fragment, or a path on this server");
        }
        jwtSecret = jwtSecret.clone();
    }

    /** With the default return URL, {@code /oauth2/connected} on this server. */
    public HttpApiSettings(byte[] jwtSecret, RedirectUri redirectUri) {
        this(jwtSecret, redirectUri, DEFAULT_OAUTH_RETURN_URL);
    }

    @Override
    public byte[] jwtSecret() {
        return jwtSecret.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HttpApiSettings that && Arrays.equals(jwtSecret, that.jwtSecret)
                && redirectUri.equals(that.redirectUri) && oauthReturnUrl.equals(that.oauthReturnUrl);
    }

    @Override
    public int hashCode() {
        return redirectUri.hashCode();
    }

    @Override
    public String toString() {
        return "HttpApiSettings[jwtSecret=****, redirectUri=" + redirectUri + ", oauthReturnUrl=" + oauthReturnUrl + "]";
    }
}
