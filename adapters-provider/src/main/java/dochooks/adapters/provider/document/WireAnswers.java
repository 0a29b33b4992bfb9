package dochooks.adapters.provider.document;

import dochooks.application.error.ProviderBadResponseException;
import dochooks.application.error.ProviderErrorException;
import dochooks.application.error.ProviderForbiddenException;
import dochooks.application.error.ProviderNotFoundException;
import dochooks.domain.integration.Secret;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How the protocol's answers map to outcomes, whatever the endpoint: 401/403 forbidden, 404 not found, any
 * other non-2xx an error, and a failure body ({@code {"status":"error"|"failure"}}, {@code {"result":"fail"}})
 * an error whatever its status. Error texts are sanitized with {@link ProviderText}; a failed status's
 * {@code Retry-After} travels with its {@link ProviderErrorException}.
 */
final class WireAnswers {
    private static final Set<String> FAILURE_WORDS = Set.of("error", "failure", "fail", "failed");

    private WireAnswers() {
    }

    /**
     * The parsed JSON of a 2xx answer that is not a failure body ({@link WireJson#EMPTY} for an empty body).
     *
     * @throws RuntimeException the application exception the answer stands for
     */
    static Object json(int status, MultiMap headers, Buffer body, List<Secret> secrets) {
        Object parsed = WireJson.parse(body);
        rejectFailures(status, headers, parsed, body, secrets);
        if (parsed == WireJson.NOT_JSON) {
            throw new ProviderBadResponseException(status, "the provider's answer is not JSON");
        }
        return parsed;
    }

    /** Throws what a non-2xx status or a failure body stands for; returns for any other answer. */
    static void rejectFailures(int status, MultiMap headers, Object parsed, Buffer body, List<Secret> secrets) {
        if (status == 401 || status == 403) {
            throw new ProviderForbiddenException(status);
        }
        if (status == 404) {
            throw new ProviderNotFoundException("the provider has no such item");
        }
        boolean success = status >= 200 && status < 300;
        if (!success) {
            throw new ProviderErrorException(status, ProviderText.sanitize(errorText(headers, parsed, body), secrets),
                    RetryAfter.parse(headers.get(HttpHeaders.RETRY_AFTER), Instant.now()));
        }
        if (parsed instanceof JsonObject object && isFailure(object)) {
            throw new ProviderErrorException(status, ProviderText.sanitize(failureText(object), secrets));
        }
    }

    /** Whether {@code object} says it failed: {@code status} or {@code result} is error, failure or fail. */
    static boolean isFailure(JsonObject object) {
        return FAILURE_WORDS.contains(word(object.getValue("status"))) || FAILURE_WORDS.contains(word(object.getValue("result")));
    }

    /** Whether {@code object} says it succeeded: {@code status} or {@code result} is success. */
    static boolean isSuccess(JsonObject object, String key) {
        return "success".equals(word(object.getValue(key)));
    }

    private static String word(Object value) {
        return value instanceof String text ? text.strip().toLowerCase(Locale.ROOT) : ""; // Set.of rejects null
    }

    private static String failureText(JsonObject object) {
        Object error = object.getValue("error");
        if (error instanceof JsonObject nested) {
            error = WireJson.first(nested, "message", "error", "error_description");
        }
        String text = WireJson.text(error);
        if (text == null || text.isBlank()) {
            text = WireJson.text(WireJson.first(object, "message", "error_description", "detail"));
        }
        return text;
    }

    /** The provider's explanation of a failed status: a JSON error text, or a short plain-text body. */
    private static String errorText(MultiMap headers, Object parsed, Buffer body) {
        if (parsed instanceof JsonObject object) {
            return failureText(object);
        }
        String contentType = headers.get(HttpHeaders.CONTENT_TYPE);
        if (parsed == WireJson.NOT_JSON && contentType != null
                && contentType.toLowerCase(Locale.ROOT).startsWith("text/plain")) {
            int length = Math.min(body.length(), 4 * ProviderText.MAX_LENGTH);
            return body.getString(0, length, "UTF-8");
        }
        return null;
    }
}
