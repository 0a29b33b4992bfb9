package dochooks.adapters.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Serves {@code openapi.yaml}, the OpenAPI 3.1 description of this API, read once from the classpath. */
final class OpenApiDocument {
    static final String RESOURCE = "openapi.yaml";
    static final String CONTENT_TYPE = "application/yaml; charset=utf-8";

    private final Buffer document;

    private OpenApiDocument(Buffer document) {
        this.document = document;
    }

    static OpenApiDocument load() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE);
            }
            return new OpenApiDocument(Buffer.buffer(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void serve(RoutingContext ctx) {
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, CONTENT_TYPE).end(document);
    }
}
