package dochooks.adapters.http;

import dochooks.domain.integration.IntegrationId;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Where an accepted OAuth2 callback sends the browser (api.md 4): {@code DOCHOOKS_OAUTH_RETURN_URL} with
 * {@code integrationId}, {@code result=authorized} and the one-time {@code confirmation} added to its query,
 * after a {@code &} when it already has one.
 */
final class ReturnUrl {
    private ReturnUrl() {
    }

    /**
     * An absolute http(s) URL with a host and no fragment, or a path on this server: one leading {@code /}
     * (two would name another host), no fragment.
     */
    static boolean isAcceptable(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getRawFragment() != null) {
                return false;
            }
            if (uri.getScheme() == null) {
                return url.startsWith("/") && !url.startsWith("//") && uri.getRawAuthority() == null;
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException malformed) {
            return false;
        }
    }

    /** {@code returnUrl} with the three parameters of an authorized callback added to its query. */
    static String authorized(String returnUrl, IntegrationId integration, String confirmation) {
        String separator;
        if (returnUrl.endsWith("?") || returnUrl.endsWith("&")) {
            separator = "";
        } else {
            separator = returnUrl.indexOf('?') >= 0 ? "&" : "?";
        }
        return returnUrl + separator + "integrationId=" + integration + "&result=authorized&confirmation="
                + URLEncoder.encode(confirmation, StandardCharsets.UTF_8);
    }
}
