package dochooks.adapters.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The route table: each route is registered under its template ({@code /api/v1/integrations/{id}}),
 * which names it in logs and metrics. Once all are added, every known path answers the methods it does
 * not take with 405 {@code method-not-allowed} and an {@code Allow} header, before any token check.
 */
final class Routes {
    private final Router router;
    private final Map<String, Set<HttpMethod>> methodsByTemplate = new LinkedHashMap<>();

    Routes(Router router) {
        this.router = router;
    }

    @SafeVarargs
    final Routes add(HttpMethod method, String template, Handler<RoutingContext>... chain) {
        Route route = router.route(method, vertxPath(template)).handler(RequestTracking.matched(template));
        for (Handler<RoutingContext> handler : chain) {
            route.handler(handler);
        }
        methodsByTemplate.computeIfAbsent(template, any -> new LinkedHashSet<>()).add(method);
        return this;
    }

    /** Call after the last {@link #add}: the 405 answers of every known path. */
    void refuseOtherMethods() {
        methodsByTemplate.forEach((template, methods) -> {
            String allow = methods.stream().map(HttpMethod::name).collect(Collectors.joining(", "));
            ProblemException notAllowed = Problem.of(ProblemType.METHOD_NOT_ALLOWED).withHeader("Allow", allow).asException();
            router.route(vertxPath(template))
                    .handler(RequestTracking.matched(template))
                    .handler(ctx -> ctx.fail(notAllowed));
        });
    }

    /** Template to methods, in registration order (the OpenAPI test compares it with the document). */
    Map<String, Set<HttpMethod>> table() {
        return Collections.unmodifiableMap(methodsByTemplate);
    }

    private static String vertxPath(String template) {
        return template.replaceAll("\\{([A-Za-z]+)}", ":$1");
    }
}
