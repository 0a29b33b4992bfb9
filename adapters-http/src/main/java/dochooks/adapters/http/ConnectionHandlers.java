package dochooks.adapters.http;

import dochooks.application.Caller;
import dochooks.application.connection.port.in.CompleteAuthorizationUseCase.AuthorizationCallback;
import dochooks.application.connection.port.in.ConnectionStatus;
import dochooks.application.connection.port.in.DisconnectUseCase.DisconnectCommand;
import dochooks.application.connection.port.in.GetConnectionStatusUseCase.GetConnectionStatusQuery;
import dochooks.application.connection.port.in.StartConnectionUseCase.StartConnectionCommand;
import dochooks.application.error.ForbiddenException;
import dochooks.domain.integration.IntegrationId;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.List;

/**
 * A user's connection to an OAuth2 integration (api.md 4), each route parse -> use case -> render: start,
 * status and disconnect on {@code /connection}, confirm, and the two browser routes without a token, the
 * provider's callback and the page it ends on. Token, role and body checks of the {@code /api/v1} routes ran
 * before ({@link Admission}); failures go to the failure handler.
 *
 * <p>Answers that carry a one-time value (the authorization URL with its state, the redirect with its
 * confirmation) are never cached, and the browser routes send no referrer onwards: a state, code or
 * confirmation must not outlive its one use in a cache or in another site's logs.
 */
final class ConnectionHandlers {
    static final String PATH = IntegrationHandlers.COLLECTION + "/{id}/connection";
    static final String CONFIRM_PATH = PATH + "/confirm";
    static final String CALLBACK = "/oauth2/callback";
    static final String CONNECTED_PAGE = "/oauth2/connected";
    /** The entry explaining a 403 for a confirmation that another user started. */
    static final String ANOTHER_USERS_CONFIRMATION_KEY = "detail.confirmation-of-another-user";
    /**
     * The console's script on that page: it hands the confirmation to the console that opened the authorization
     * (same origin), which confirms with its user's token, then closes the window (issue 7). Without the console
     * the page still says what to do.
     */
    private static final String CONSOLE_HANDOVER = "<script type=\"module\" src=\"" + ConsoleHandlers.ROOT
            + "connected.js\"></script>\n";

    private final ConnectionUseCases useCases;
    private final ExistenceFirst inputs;
    private final String returnUrl;
    private final MessageCatalog catalog;

    ConnectionHandlers(ConnectionUseCases useCases, ExistenceFirst inputs, String returnUrl, MessageCatalog catalog) {
        this.useCases = useCases;
        this.inputs = inputs;
        this.returnUrl = returnUrl;
        this.catalog = catalog;
    }

    /** {@code POST /connection}: the authorization URL to send the user's browser to. */
    void start(RoutingContext ctx) {
        Caller caller = Admission.caller(ctx);
        IntegrationId id = IntegrationHandlers.pathId(ctx);
        useCases.start().start(caller, new StartConnectionCommand(id))
                .onSuccess(redirect -> {
                    noStore(ctx.response());
                    ctx.json(new JsonObject().put("authorizationUrl", redirect.authorizationUrl()));
                })
                .onFailure(ctx::fail);
    }

    /** {@code GET /connection}. */
    void status(RoutingContext ctx) {
        Caller caller = Admission.caller(ctx);
        IntegrationId id = IntegrationHandlers.pathId(ctx);
        useCases.status().status(caller, new GetConnectionStatusQuery(id))
                .onSuccess(status -> ctx.json(statusJson(status)))
                .onFailure(ctx::fail);
    }

    /** {@code DELETE /connection}: 204 whether or not there was one. */
    void disconnect(RoutingContext ctx) {
        Caller caller = Admission.caller(ctx);
        IntegrationId id = IntegrationHandlers.pathId(ctx);
        useCases.disconnect().disconnect(caller, new DisconnectCommand(id))
                .onSuccess(done -> ctx.response().setStatusCode(204).end())
                .onFailure(ctx::fail);
    }

    /** {@code POST /connection/confirm} with {@code {"confirmation": "..."}}: the new connection. */
    void confirm(RoutingContext ctx) {
        Caller caller = Admission.caller(ctx);
        IntegrationId id = IntegrationHandlers.pathId(ctx);
        JsonObject body = JsonBody.of(ctx);
        inputs.build(caller, id, () -> ConfirmationInput.command(id, body))
                .compose(command -> useCases.confirm().confirm(caller, command))
                .onSuccess(status -> ctx.json(statusJson(status)))
                .onFailure(failure -> ctx.fail(failure instanceof ForbiddenException
                        ? Problem.of(ProblemType.FORBIDDEN).explainedBy(ANOTHER_USERS_CONFIRMATION_KEY).asException()
                        : failure));
    }

    /**
     * {@code GET /oauth2/callback?code=...&state=...}, from the user's browser (no token): 303 to the return URL
     * with the one-time confirmation, or a problem (never a redirect). A state or code given more than once is
     * refused, after the (first) state was used up like any other.
     */
    void callback(RoutingContext ctx) {
        HttpServerResponse response = ctx.response();
        noStore(response);
        response.putHeader("Referrer-Policy", "no-referrer");
        MultiMap query = ctx.queryParams();
        List<String> states = query.getAll("state");
        List<String> codes = query.getAll("code");
        List<String> errors = query.getAll("error");
        String error = errors.isEmpty() ? null : errors.get(0);
        if (error == null && (states.size() > 1 || codes.size() > 1)) {
            error = "ambiguous callback";
        }
        AuthorizationCallback callback = new AuthorizationCallback(states.isEmpty() ? null : states.get(0),
                codes.size() == 1 ? codes.get(0) : null, error);
        useCases.complete().complete(callback)
                .onSuccess(authorized -> response.setStatusCode(303)
                        .putHeader(HttpHeaders.LOCATION,
                                ReturnUrl.authorized(returnUrl, authorized.integrationId(), authorized.confirmation()))
                        .end())
                .onFailure(ctx::fail);
    }

    /**
     * {@code GET /oauth2/connected}: a small page in the caller's language telling the user to return to the
     * application, which then confirms. It shows nothing of its query; the console's script reads it.
     */
    void connectedPage(RoutingContext ctx) {
        Language language = Language.negotiate(ctx.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        String title = Html.escape(catalog.page("page.connected.title", language));
        String text = Html.escape(catalog.page("page.connected.text", language));
        String page = "<!DOCTYPE html>\n<html lang=\"" + language.tag() + "\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" + title
                + "</title>\n" + CONSOLE_HANDOVER + "</head>\n<body>\n<main>\n<h1>" + title + "</h1>\n<p>" + text
                + "</p>\n</main>\n</body>\n</html>\n";
        HttpServerResponse response = ctx.response();
        noStore(response);
        BrowserPageHeaders.apply(response).putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
                .putHeader(HttpHeaders.CONTENT_LANGUAGE, language.tag())
                .putHeader(HttpHeaders.VARY, "Accept-Language")
                .end(page);
    }

    private static JsonObject statusJson(ConnectionStatus status) {
        return new JsonObject()
                .put("state", status.state().name())
                .put("connectedAt", time(status.connectedAt()))
                .put("accessTokenExpiresAt", time(status.accessTokenExpiresAt()));
    }

    private static String time(Instant instant) {
        return instant == null ? null : IntegrationJson.time(instant);
    }

    private static void noStore(HttpServerResponse response) {
        response.putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    /** Escapes text for HTML element content and attribute values. */
    static final class Html {
        private Html() {
        }

        static String escape(String text) {
            StringBuilder escaped = new StringBuilder(text.length());
            for (char c : text.toCharArray()) {
                switch (c) {
                    case '&' -> escaped.append("&amp;");
                    case '<' -> escaped.append("&lt;");
                    case '>' -> escaped.append("&gt;");
                    case '"' -> escaped.append("&quot;");
                    case '\'' -> escaped.append("&#39;");
                    default -> escaped.append(c);
                }
            }
            return escaped.toString();
        }
    }
}
