package dochooks.adapters.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Locale;

/**
 * Reads the body of a JSON route and checks it in the contract's order: size (at most {@link #MAX_BYTES},
 * else 413), media type ({@code application/json}, parameters such as charset allowed, else 415), syntax
 * (a JSON object, else 400 {@code malformed-request}). The object is then in the context.
 *
 * <p>An oversized body is refused as soon as it is known to be too large, and the rest of it is read and
 * dropped rather than left unread: a client still sending would otherwise see the connection reset
 * before it reads the answer. The connection is then closed, as the answer's {@code Connection} says.
 */
final class JsonBody {
    static final int MAX_BYTES = 64 * 1024;
    private static final String BODY_KEY = "dochooks.jsonBody";

    private JsonBody() {
    }

    /** Reads the (paused) request's body, then calls {@code ctx.next()} or fails the context. */
    static void read(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (request.isEnded()) {
            check(ctx, Buffer.buffer());
            return;
        }
        boolean[] tooLarge = {declaredLength(request) > MAX_BYTES};
        if (tooLarge[0] && awaitsContinue(request)) {
            leaveUnread(ctx);
            refuseTooLarge(ctx);
            return;
        }
        if (tooLarge[0]) {
            refuseTooLarge(ctx);
        } else if (awaitsContinue(request)) {
            ctx.response().writeContinue(); // only now: the caller is known and allowed, the size acceptable
        }
        Buffer body = Buffer.buffer();
        request.handler(chunk -> {
            if (tooLarge[0]) {
                return; // dropped
            }
            if (body.length() + chunk.length() > MAX_BYTES) {
                tooLarge[0] = true;
                refuseTooLarge(ctx);
            } else {
                body.appendBuffer(chunk);
            }
        });
        request.endHandler(end -> {
            if (tooLarge[0]) {
                request.connection().close();
            } else {
                check(ctx, body);
            }
        });
        request.resume();
    }

    /**
     * For a (paused) request whose body will not be read: the body is dropped as it comes, so that the
     * connection stays usable; but a client still waiting for {@code 100 Continue} will never send it,
     * so that connection is closed after the answer instead.
     */
    static void leaveUnread(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (awaitsContinue(request)) {
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
            ctx.addEndHandler(answered -> request.connection().close());
        } else {
            request.resume();
        }
    }

    private static boolean awaitsContinue(HttpServerRequest request) {
        return "100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT));
    }

    static JsonObject of(RoutingContext ctx) {
        return ctx.get(BODY_KEY);
    }

    private static void refuseTooLarge(RoutingContext ctx) {
        ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
        ctx.fail(Problem.of(ProblemType.PAYLOAD_TOO_LARGE).asException());
    }

    private static long declaredLength(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException unreadable) {
            return -1; // the HTTP decoder refuses such requests before they get here
        }
    }

    private static void check(RoutingContext ctx, Buffer body) {
        if (!isJsonMediaType(ctx.request().headers().getAll(HttpHeaders.CONTENT_TYPE))) {
            ctx.fail(Problem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE).asException());
            return;
        }
        Object value;
        try {
            value = Json.decodeValue(body);
        } catch (DecodeException notJson) {
            ctx.fail(malformed("detail.body-not-json"));
            return;
        }
        if (!(value instanceof JsonObject object)) {
            ctx.fail(malformed("detail.body-not-object"));
            return;
        }
        ctx.put(BODY_KEY, object);
        ctx.next();
    }

    static boolean isJsonMediaType(List<String> contentTypes) {
        if (contentTypes.size() != 1) {
            return false;
        }
        String value = contentTypes.get(0);
        int parameters = value.indexOf(';');
        String mediaType = (parameters < 0 ? value : value.substring(0, parameters)).trim().toLowerCase(Locale.ROOT);
        return "application/json".equals(mediaType);
    }

    private static ProblemException malformed(String detailKey) {
        return Problem.of(ProblemType.MALFORMED_REQUEST).explainedBy(detailKey).asException();
    }
}
