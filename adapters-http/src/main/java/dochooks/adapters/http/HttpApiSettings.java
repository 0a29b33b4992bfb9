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
 */
public record HttpApiSettings(byte[] jwtSecret, RedirectUri redirectUri) {
    public static final int MIN_SECRET_BYTES = 32;

    public HttpApiSettings {
        Objects.requireNonNull(jwtSecret, "jwtSecret");
        Objects.requireNonNull(redirectUri, "redirectUri");
        if (jwtSecret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the JWT secret must be at least " + MIN_SECRET_BYTES + " bytes");
        }
        jwtSecret = jwtSecret.clone();
    }

    @Override
    public byte[] jwtSecret() {
        return jwtSecret.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HttpApiSettings that && Arrays.equals(jwtSecret, that.jwtSecret)
                && redirectUri.equals(that.redirectUri);
    }

    @Override
    public int hashCode() {
        return redirectUri.hashCode();
    }

    @Override
    public String toString() {
        return "HttpApiSettings[jwtSecret=****, redirectUri=" + redirectUri + "]";
    }
}
