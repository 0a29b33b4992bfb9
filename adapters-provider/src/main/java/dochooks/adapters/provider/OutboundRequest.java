package dochooks.adapters.provider;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * One outbound HTTP request: method, absolute http(s) URL (already percent-encoded, sent as is) and headers.
 * {@link #toString()} shows neither the query nor the headers, which may carry ids and credentials.
 */
public record OutboundRequest(HttpMethod method, URI url, MultiMap headers) {

    public OutboundRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(url, "url");
        // non-ASCII path characters travel percent-encoded as UTF-8; an all-ASCII URL (nearly every one) is kept
        // as it is rather than parsed a second time: the parse was a visible cost of every provider call
        String ascii = url.toASCIIString();
        if (!ascii.equals(url.toString())) {
            url = URI.create(ascii);
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("only http and https URLs can be called");
        }
        if (url.getHost() == null || url.getRawUserInfo() != null) {
            throw new IllegalArgumentException("the URL needs a host and no user information");
        }
        MultiMap copy = MultiMap.caseInsensitiveMultiMap();
        if (headers != null) {
            copy.addAll(headers);
        }
        headers = copy;
    }

    /** A request without headers; {@code url} must be a valid absolute URL. */
    public static OutboundRequest of(HttpMethod method, String url) {
        try {
            return new OutboundRequest(method, new URI(url), null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + e.getReason());
        }
    }

    /** This request with one more header. */
    public OutboundRequest withHeader(String name, String value) {
        MultiMap more = MultiMap.caseInsensitiveMultiMap().addAll(headers).add(name, value);
        return new OutboundRequest(method, url, more);
    }

    public boolean isHttps() {
        return "https".equalsIgnoreCase(url.getScheme());
    }

    /** The port to connect to: the URL's, else the scheme's default. */
    public int port() {
        return url.getPort() != -1 ? url.getPort() : (isHttps() ? 443 : 80);
    }

    /** The request target: raw path ({@code /} when empty) and raw query, exactly as encoded. */
    public String target() {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
    }

    /** The value of the {@code Host} header: the URL's host (IPv6 in brackets) and its port unless the default. */
    public String hostHeader() {
        String host = url.getHost();
        boolean defaultPort = url.getPort() == -1 || url.getPort() == (isHttps() ? 443 : 80);
        return defaultPort ? host : host + ":" + url.getPort();
    }

    /** The host for TLS (server name, certificate check): the URL's host without IPv6 brackets. */
    public String tlsHost() {
        String host = url.getHost();
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    @Override
    public String toString() {
        return method + " " + url.getScheme() + "://" + hostHeader() + (url.getRawPath() == null ? "" : url.getRawPath());
    }
}
