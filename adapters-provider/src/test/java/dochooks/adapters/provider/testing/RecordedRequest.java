package dochooks.adapters.provider.testing;

import io.vertx.core.MultiMap;

/**
 * A request the {@link TestDocumentProvider} received: method, path, raw (still encoded) query, decoded query
 * parameters and headers (both case-insensitive maps, copied).
 */
public record RecordedRequest(String method, String path, String rawQuery, MultiMap params, MultiMap headers) {

    /** The endpoint name: the path after {@code /api/}. */
    public String endpoint() {
        return path.startsWith(TestDocumentProvider.BASE_PATH + "/")
                ? path.substring(TestDocumentProvider.BASE_PATH.length() + 1) : path;
    }

    public String param(String name) {
        return params.get(name);
    }

    public String header(String name) {
        return headers.get(name);
    }
}
