package dochooks.adapters.http;

import dochooks.domain.integration.RedirectUri;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * The admin console (issue 7): static HTML, CSS and JavaScript modules under {@code /console/}, served from the
 * class path with the same strict headers on every file. The page itself is the only file that changes per
 * request: its {@code <html lang>} carries the language negotiated from {@code Accept-Language}, which the
 * page's scripts start in. The console talks to the API like any other client, with the bearer token the
 * user gives it; these routes need no token because nothing here is secret.
 */
final class ConsoleHandlers {
    static final String ROOT = "/console/";
    static final String ASSET = "/console/{asset}";
    static final String SETTINGS = "/console/settings.json";
    private static final String PAGE = "index.html";
    /** The language attribute the page is written with, replaced by the negotiated one. */
    private static final String DEFAULT_LANG_ATTRIBUTE = "<html lang=\"en\">";

    private final ConsoleAssets assets;
    private final Buffer settings;

    ConsoleHandlers(Vertx vertx, RedirectUri redirectUri) {
        this.assets = new ConsoleAssets(vertx);
        this.settings = new JsonObject().put("redirectUri", redirectUri.value()).toBuffer();
    }

    /** {@code GET /console/}: the page, in the caller's language. */
    void page(RoutingContext ctx) {
        Language language = Language.negotiate(ctx.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        assets.get(PAGE).onComplete(found -> {
            if (found.failed() || found.result() == null) {
                ctx.fail(found.failed() ? found.cause() : new IllegalStateException("the console page is missing"));
                return;
            }
            ConsoleAsset page = found.result().replacing(DEFAULT_LANG_ATTRIBUTE,
                    "<html lang=\"" + language.tag() + "\">", language.tag());
            ctx.response().putHeader(HttpHeaders.CONTENT_LANGUAGE, language.tag())
                    .putHeader(HttpHeaders.VARY, "Accept-Language");
            serve(ctx, page);
        });
    }

    /** {@code GET /console}: the page lives at {@code /console/}, so that its modules resolve relative to it. */
    void redirectToRoot(RoutingContext ctx) {
        ctx.response().setStatusCode(301).putHeader(HttpHeaders.LOCATION, ROOT).end();
    }

    /** {@code GET /console/settings.json}: what the add form shows before anything is saved. */
    void settings(RoutingContext ctx) {
        BrowserPageHeaders.apply(ctx.response()).putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(settings);
    }

    /** {@code GET /console/{asset}}: a style sheet or a script module; any other name is not found. */
    void asset(RoutingContext ctx) {
        String name = ctx.pathParam("asset");
        if (PAGE.equals(name)) { // one address for the page: the negotiated one
            redirectToRoot(ctx);
            return;
        }
        assets.get(name).onComplete(found -> {
            if (found.failed()) {
                ctx.fail(found.cause());
            } else if (found.result() == null) {
                ctx.fail(Problem.of(ProblemType.NOT_FOUND).asException());
            } else {
                serve(ctx, found.result());
            }
        });
    }

    private static void serve(RoutingContext ctx, ConsoleAsset asset) {
        HttpServerResponse response = BrowserPageHeaders.apply(ctx.response())
                .putHeader(HttpHeaders.ETAG, asset.etag())
                // revalidated on every use, so a new version of the console is seen at once
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
        String ifNoneMatch = ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH);
        if (asset.etag().equals(ifNoneMatch)) {
            response.setStatusCode(304).end();
            return;
        }
        response.putHeader(HttpHeaders.CONTENT_TYPE, asset.contentType()).end(asset.bytes());
    }
}
