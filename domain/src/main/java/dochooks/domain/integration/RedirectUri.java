package dochooks.domain.integration;

import java.util.Objects;

/**
 * The read-only address an admin registers with an OAuth2 provider: the public base URL of dochooks
 * followed by {@code /oauth2/callback}, the same for every integration.
 */
public record RedirectUri(String value) {
    public static final String CALLBACK_PATH = "/oauth2/callback";

    public RedirectUri {
        Objects.requireNonNull(value, "value");
    }

    public static RedirectUri under(String publicBaseUrl) {
        String base = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
        return new RedirectUri(base + CALLBACK_PATH);
    }

    @Override
    public String toString() {
        return value;
    }
}
