package dochooks.domain.integration;

import dochooks.domain.validation.InvalidValueException;
import dochooks.domain.validation.Rule;
import dochooks.domain.validation.Text;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * An absolute http(s) URL of a provider, without user-info or fragment, at most 2048 characters (code
 * points), with a port, when one is given, from 1 to 65535.
 * Build one with {@link #baseApiUrl} (no query, trailing slashes removed, so endpoint names can be
 * appended) or {@link #endpoint} (a full endpoint URL whose query is kept).
 */
public record ProviderUrl(String value) {
    public static final int MAX_LENGTH = 2048;
    private static final int MIN_PORT = 1;
    private static final int MAX_PORT = 65535;

    public ProviderUrl {
        Objects.requireNonNull(value, "value");
        URI uri = parse(value);
        if (uri.getScheme() == null || uri.getHost() == null || uri.isOpaque()) {
            throw new InvalidValueException(Rule.URL_NOT_ABSOLUTE);
        }
        // java.net.URI takes any digits as a port; a port nobody can connect to is no address at all
        if (uri.getPort() != -1 && (uri.getPort() < MIN_PORT || uri.getPort() > MAX_PORT)) {
            throw new InvalidValueException(Rule.URL_NOT_ABSOLUTE);
        }
        if (uri.getRawUserInfo() != null) {
            throw new InvalidValueException(Rule.URL_USER_INFO);
        }
        if (uri.getRawFragment() != null) {
            throw new InvalidValueException(Rule.URL_FRAGMENT);
        }
    }

    /** A base API URL: endpoint names are appended to it as {@code /name}. */
    public static ProviderUrl baseApiUrl(String raw, UrlPolicy policy) {
        ProviderUrl url = checked(raw, policy);
        if (url.uri().getRawQuery() != null) {
            throw new InvalidValueException(Rule.URL_QUERY);
        }
        String value = url.value;
        while (value.endsWith("/")) {
            value = value.substring(0, value.length() - 1);
        }
        return new ProviderUrl(value);
    }

    /**
     * A full endpoint URL (authentication URL, token endpoint URL): may carry a query, and is kept as
     * typed, trailing slash included, because OAuth2 servers route {@code /token} and {@code /token/} apart.
     */
    public static ProviderUrl endpoint(String raw, UrlPolicy policy) {
        return checked(raw, policy);
    }

    private static ProviderUrl checked(String raw, UrlPolicy policy) {
        if (raw == null || raw.isEmpty()) {
            throw new InvalidValueException(Rule.REQUIRED);
        }
        if (Text.length(raw) > MAX_LENGTH) { // characters are code points, as for every other length rule
            throw new InvalidValueException(Rule.MAX_LENGTH, MAX_LENGTH);
        }
        if (Text.hasUnpairedSurrogate(raw)) { // no UTF-8 form: the database driver would store other characters
            throw new InvalidValueException(Rule.UNPAIRED_SURROGATE);
        }
        ProviderUrl url = new ProviderUrl(raw);
        if (!policy.allowsScheme(url.uri().getScheme().toLowerCase(Locale.ROOT))) {
            throw new InvalidValueException(Rule.URL_SCHEME, policy.allowedSchemes());
        }
        return url;
    }

    private static URI parse(String value) {
        try {
            return new URI(value);
        } catch (URISyntaxException e) {
            throw new InvalidValueException(Rule.URL_NOT_ABSOLUTE);
        }
    }

    public URI uri() {
        return parse(value);
    }

    /** Scheme, host and port (the scheme's default when absent), lower-cased: where a credential may go. */
    public String origin() {
        URI uri = uri();
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() != -1 ? uri.getPort() : ("https".equals(scheme) ? 443 : 80);
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    }

    @Override
    public String toString() {
        return value;
    }
}
