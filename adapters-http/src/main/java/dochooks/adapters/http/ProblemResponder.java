package dochooks.adapters.http;

import dochooks.domain.validation.FieldViolation;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/** Writes a {@link Problem} as {@code application/problem+json} in the language the caller prefers. */
final class ProblemResponder {
    static final String PROBLEM_JSON = "application/problem+json";

    private final MessageCatalog catalog;

    ProblemResponder(MessageCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * Sends the problem, with {@code instance} = the request's path (never its query), or without
     * {@code instance} when the request line could not be read.
     */
    Future<Void> send(HttpServerRequest request, Problem problem, boolean pathKnown) {
        HttpServerResponse response = request.response();
        if (response.headWritten()) {
            // too late for a problem: cut the connection so that a partial answer cannot pass for a whole one
            if (!response.ended()) {
                response.reset();
            }
            return Future.succeededFuture();
        }
        Language language = Language.negotiate(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        String body = render(problem, language, pathKnown ? request.path() : null).encode();
        for (Map.Entry<String, String> header : problem.headers().entrySet()) {
            response.putHeader(header.getKey(), header.getValue());
        }
        return response.setStatusCode(problem.type().status())
                .putHeader(HttpHeaders.CONTENT_TYPE, PROBLEM_JSON)
                .putHeader(HttpHeaders.CONTENT_LANGUAGE, language.tag())
                .putHeader(HttpHeaders.VARY, "Accept-Language")
                .end(body);
    }

    private JsonObject render(Problem problem, Language language, String instance) {
        ProblemType type = problem.type();
        JsonObject json = new JsonObject()
                .put("type", type.uri())
                .put("title", catalog.title(type, language))
                .put("status", type.status());
        if (type.hasDetail()) {
            json.put("detail", catalog.detail(problem, language));
        }
        if (instance != null) {
            json.put("instance", instance);
        }
        if (problem.providerStatus() != null) {
            json.put("providerStatus", problem.providerStatus());
        }
        if (!problem.errors().isEmpty()) {
            JsonArray errors = new JsonArray();
            for (FieldViolation violation : problem.errors()) {
                errors.add(new JsonObject()
                        .put("field", violation.field())
                        .put("message", catalog.message(violation, language)));
            }
            json.put("errors", errors);
        }
        return json;
    }
}
