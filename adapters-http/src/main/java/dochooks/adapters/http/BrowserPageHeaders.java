package dochooks.adapters.http;

import io.vertx.core.http.HttpServerResponse;

/**
 * The headers of everything this server shows a browser as a page or loads into one (the console's files, the
 * page a provider returns users to): only this server's own scripts and styles may run, no inline ones, nothing
 * from elsewhere; no referrer leaves with a link; no content sniffing; no framing.
 */
final class BrowserPageHeaders {
    static final String POLICY = "default-src 'self'";

    private BrowserPageHeaders() {
    }

    static HttpServerResponse apply(HttpServerResponse response) {
        return response.putHeader("Content-Security-Policy", POLICY)
                .putHeader("Referrer-Policy", "no-referrer")
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("X-Frame-Options", "DENY");
    }
}
