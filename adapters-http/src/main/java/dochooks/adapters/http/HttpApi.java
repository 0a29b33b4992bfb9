package dochooks.adapters.http;

import static io.vertx.core.http.HttpMethod.DELETE;
import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;
import static io.vertx.core.http.HttpMethod.PUT;

import dochooks.application.health.HealthCheckPort;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The HTTP API of dochooks (api.md sections 1, 2, 3, 4, 5 and 7): the integrations registry under
 * {@code /api/v1}, users' OAuth2 connections (with the browser's {@code /oauth2/callback} and the page it ends
 * on), the documents of each integration, the connection test, health, metrics, the OpenAPI document and the
 * admin console ({@code /console/}).
 * Every error is an RFC 9457 problem in the caller's language, including the server's own refusals of
 * over-long request lines and headers.
 *
 * <p>Checks run in the contract's order: route (404/405), token (401), role (403), body size, media
 * type and syntax (413/415/400), then the use case (404, 412, 400 validation, 409).
 */
public final class HttpApi {
    /** The longest request line and the largest header block the server reads (api.md 1). */
    static final int MAX_REQUEST_LINE = 16 * 1024;
    static final int MAX_HEADERS = 16 * 1024;

    private final Vertx vertx;
    private final Router router;
    private final Routes routes;
    private final RefusedRequests refusedRequests;
    private final RequestHeadDeadline headDeadline;

    /**
     * Builds the routes; nothing listens until {@link #listen}. The API is thread-safe once built, so one
     * instance may serve several servers on several event loops.
     *
     * @param integrations    the registry's use cases (api.md 3)
     * @param connections     users' connections to OAuth2 integrations (api.md 4)
     * @param documents       the document use cases and the connection test (api.md 5, 3.4)
     * @param readinessChecks what {@code /health/ready} asks (the database)
     */
    public HttpApi(Vertx vertx, HttpApiSettings settings, IntegrationUseCases integrations,
            ConnectionUseCases connections, DocumentUseCases documents, List<HealthCheckPort> readinessChecks) {
        this(vertx, settings, integrations, connections, documents, readinessChecks,
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }

    /**
     * As above, with the registry {@code /metrics} renders: the API adds its request metrics to it, and the
     * composition root whatever else it measures (provider calls, the database pool, the JVM).
     */
    public HttpApi(Vertx vertx, HttpApiSettings settings, IntegrationUseCases integrations,
            ConnectionUseCases connections, DocumentUseCases documents, List<HealthCheckPort> readinessChecks,
            PrometheusMeterRegistry registry) {
        this.vertx = vertx;
        this.headDeadline = new RequestHeadDeadline(vertx, RequestHeadDeadline.DEFAULT,
                RequestHeadDeadline.KEEP_ALIVE);
        HttpMetrics metrics = new HttpMetrics(registry);
        RequestTracking tracking = new RequestTracking(metrics);
        MessageCatalog catalog = MessageCatalog.load();
        ProblemResponder problems = new ProblemResponder(catalog);
        this.router = Router.router(vertx);
        this.routes = new Routes(router);
        this.refusedRequests = new RefusedRequests(tracking, problems);

        router.route().handler(headDeadline.handler());
        router.route().handler(tracking.handler());
        router.route().handler(HttpApi::requireDecodableQuery);
        addRoutes(settings, integrations, connections, documents, new HealthHandlers(vertx, readinessChecks), metrics,
                catalog);
        routes.refuseOtherMethods();
        FailureResponder failures = new FailureResponder(tracking, problems);
        router.route().failureHandler(failures);
        // Vert.x Web's own answers when nothing matched, or when the failure handler itself failed
        router.errorHandler(404, failures);
        router.errorHandler(405, failures);
        router.errorHandler(500, failures);
        router.errorHandler(400, failures.answering(ProblemType.MALFORMED_REQUEST)); // e.g. an undecodable path
    }

    private void addRoutes(HttpApiSettings settings, IntegrationUseCases integrations, ConnectionUseCases connections,
            DocumentUseCases documents, HealthHandlers health, HttpMetrics metrics, MessageCatalog catalog) {
        IntegrationHandlers registry = new IntegrationHandlers(integrations, new IntegrationJson(settings.redirectUri()));
        ExistenceFirst inputs = new ExistenceFirst(integrations.get());
        ConnectionHandlers connection = new ConnectionHandlers(connections, inputs, settings.oauthReturnUrl(), catalog);
        DocumentHandlers docs = new DocumentHandlers(documents, inputs, catalog);
        UploadHandler uploads = new UploadHandler(documents.upload(), inputs);
        Admission admission = new Admission(new BearerAuthentication(vertx, settings.jwtSecret()));
        Handler<RoutingContext> user = admission.anyUser();
        Handler<RoutingContext> admin = admission.admin();
        Handler<RoutingContext> adminWithJson = admission.adminWithJsonBody();
        String one = IntegrationHandlers.COLLECTION + "/{id}";
        String documentsPath = DocumentHandlers.PATH;
        OpenApiDocument openApi = OpenApiDocument.load();
        ConsoleHandlers console = new ConsoleHandlers(vertx, settings.redirectUri());

        // Vert.x Web tries the routes in this order, one path regular expression each, until one matches: the
        // document calls, the hot path, come first (the likeliest first). No other template matches a document path,
        // so moving them changes no answer; the 405 routes still come after all of these (Routes#refuseOtherMethods).
        routes.add(GET, documentsPath + "metadata", user, docs::metadata)
                .add(GET, documentsPath + "files", user, docs::files)
                .add(GET, documentsPath + "download", user, docs::download)
                .add(POST, documentsPath + "upload", admission.anyUserStreamingBody(), uploads::upload)
                .add(GET, documentsPath + "thumbnail", user, docs::thumbnail)
                .add(GET, documentsPath + "search", user, docs::search)
                .add(GET, documentsPath + "serviceInfo", user, docs::serviceInfo)
                .add(POST, documentsPath + "createFolder", user, docs::createFolder)
                .add(POST, documentsPath + "rename", user, docs::rename)
                .add(POST, documentsPath + "delete", user, docs::delete)
                .add(POST, documentsPath + "customAction", user, docs::customAction)
                .add(POST, IntegrationHandlers.COLLECTION, adminWithJson, registry::register)
                .add(GET, IntegrationHandlers.COLLECTION, user, registry::list)
                .add(GET, one, user, registry::get)
                .add(PUT, one, adminWithJson, registry::replace)
                .add(DELETE, one, admin, registry::delete)
                .add(POST, one + "/enable", admin, registry::enable)
                .add(POST, one + "/disable", admin, registry::disable)
                .add(POST, one + "/test", admin, docs::test)
                .add(POST, ConnectionHandlers.PATH, user, connection::start)
                .add(GET, ConnectionHandlers.PATH, user, connection::status)
                .add(DELETE, ConnectionHandlers.PATH, user, connection::disconnect)
                .add(POST, ConnectionHandlers.CONFIRM_PATH, admission.anyUserWithJsonBody(), connection::confirm)
                .add(GET, ConnectionHandlers.CALLBACK, connection::callback)
                .add(GET, ConnectionHandlers.CONNECTED_PAGE, connection::connectedPage)
                .add(GET, "/health/live", health::live)
                .add(GET, "/health/ready", health::ready)
                .add(GET, "/metrics", ctx -> ctx.response()
                        .putHeader(HttpHeaders.CONTENT_TYPE, HttpMetrics.CONTENT_TYPE).end(metrics.render()))
                .add(GET, "/openapi.yaml", openApi::serve)
                .add(GET, ConsoleHandlers.ROOT, console::page)
                .add(GET, "/console", console::redirectToRoot) // after the page: this route matches "/console/" too
                .add(GET, ConsoleHandlers.SETTINGS, console::settings)
                .add(GET, ConsoleHandlers.ASSET, console::asset);
    }

    /**
     * A query that does not percent-decode is a malformed request. It is refused before routing, because
     * matching a route with path parameters decodes the query too, and Vert.x Web would answer its failure
     * there without a problem.
     */
    private static void requireDecodableQuery(RoutingContext ctx) {
        try {
            ctx.request().params();
        } catch (IllegalArgumentException undecodable) {
            // the provider's callback is refused as callbacks are, whatever is wrong with it
            ctx.fail(Problem.of(ConnectionHandlers.CALLBACK.equals(ctx.request().path())
                    ? ProblemType.OAUTH_CALLBACK_REJECTED : ProblemType.MALFORMED_REQUEST).asException());
            return;
        }
        ctx.next();
    }

    /**
     * Starts the HTTP server (request line ≤ 16 KiB, headers ≤ 16 KiB, problems for 414/431 too). It
     * speaks HTTP/1.1 only: the limits of the contract are HTTP/1.1's, and an h2c upgrade would bypass them.
     */
    public Future<HttpServer> listen(String host, int port) {
        HttpServerOptions options = new HttpServerOptions()
                .setMaxInitialLineLength(MAX_REQUEST_LINE)
                .setMaxHeaderSize(MAX_HEADERS)
                .setHttp2ClearTextEnabled(false);
        return vertx.createHttpServer(options)
                .connectionHandler(headDeadline::connected)
                .requestHandler(router)
                .invalidRequestHandler(refusedRequests)
                .listen(port, host);
    }

    /** Tests shorten the time a client has to send a request's head, first or kept-alive (before {@link #listen}). */
    HttpApi withRequestHeadDeadline(Duration deadline) {
        headDeadline.change(deadline, deadline);
        return this;
    }

    /** The route table, template to methods (for the OpenAPI consistency test). */
    Map<String, Set<HttpMethod>> routeTable() {
        return routes.table();
    }
}
