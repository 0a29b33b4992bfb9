package dochooks.adapters.http;

import dochooks.application.document.port.out.ProviderBytes;
import io.vertx.core.AsyncResult;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * Relays a provider's bytes (download, thumbnail) to the caller as they come, with back-pressure: the
 * provider is read only as fast as the caller takes the bytes, and no file is ever held whole.
 *
 * <p>Endings: a clean end of the provider's bytes ends the answer; a provider failure before the first byte
 * was written is still answered as a problem; after it, the connection is reset instead of ended, so that a
 * partial file can never pass for a whole one (a declared length goes unmet, a chunked answer never gets its
 * last chunk). A caller that goes away aborts the provider transfer at once instead of reading it to the end.
 */
final class BytesRelay {
    static final String NOSNIFF = "nosniff";
    static final String SANDBOX = "sandbox";
    private static final String CONTENT_SECURITY_POLICY = "Content-Security-Policy";
    private static final String CONTENT_TYPE_OPTIONS = "X-Content-Type-Options";

    private BytesRelay() {
    }

    /** A download: the provider's type when well-formed, and {@code Content-Disposition: attachment}. */
    static void download(RoutingContext ctx, ProviderBytes bytes) {
        ctx.response().putHeader(HttpHeaders.CONTENT_DISPOSITION, RelayedHeaders.attachment(bytes.fileName()));
        relay(ctx, bytes, RelayedHeaders.downloadType(bytes.contentType()));
    }

    /** A thumbnail: a raster image type, or {@code application/octet-stream}. */
    static void thumbnail(RoutingContext ctx, ProviderBytes bytes) {
        relay(ctx, bytes, RelayedHeaders.thumbnailType(bytes.contentType()));
    }

    private static void relay(RoutingContext ctx, ProviderBytes bytes, String contentType) {
        HttpServerResponse response = ctx.response();
        if (response.closed()) {
            bytes.abort(); // the caller left while the provider was answering
            return;
        }
        response.setStatusCode(200)
                .putHeader(HttpHeaders.CONTENT_TYPE, contentType)
                .putHeader(CONTENT_TYPE_OPTIONS, NOSNIFF)
                .putHeader(CONTENT_SECURITY_POLICY, SANDBOX);
        if (bytes.contentLength() != null) {
            response.putHeader(HttpHeaders.CONTENT_LENGTH, Long.toString(bytes.contentLength()));
        } else {
            response.setChunked(true);
        }
        // the caller went away: stop the provider now (a paused transfer would otherwise wait for a drain forever)
        response.closeHandler(closed -> bytes.abort());
        bytes.content().pipe().endOnFailure(false).to(response).onComplete(relayed -> finish(ctx, bytes, relayed));
    }

    private static void finish(RoutingContext ctx, ProviderBytes bytes, AsyncResult<Void> relayed) {
        if (relayed.succeeded()) {
            return;
        }
        bytes.abort(); // idempotent; stops the provider when writing to the caller failed
        HttpServerResponse response = ctx.response();
        if (response.closed() || response.ended()) {
            return;
        }
        if (response.headWritten()) {
            response.reset(); // after the first byte: cut, never end cleanly
            return;
        }
        // nothing was sent yet: the caller still gets a problem, without the headers of the bytes
        response.headers().remove(HttpHeaders.CONTENT_LENGTH).remove(HttpHeaders.CONTENT_TYPE)
                .remove(HttpHeaders.CONTENT_DISPOSITION).remove(CONTENT_TYPE_OPTIONS).remove(CONTENT_SECURITY_POLICY);
        response.setChunked(false);
        ctx.fail(relayed.cause());
    }
}
