package dochooks.adapters.provider.oauth2;

import dochooks.adapters.provider.BufferedAnswer;
import dochooks.adapters.provider.document.ProviderText;
import dochooks.application.connection.port.out.TokenGrant;
import dochooks.application.error.ProviderBadResponseException;
import dochooks.application.error.ProviderErrorException;
import dochooks.domain.integration.Secret;
import dochooks.domain.validation.InvalidValueException;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a token endpoint's answer leniently (protocol section 11): a JSON object, or a form-encoded body as some
 * older servers send; {@code expires_in} as a number or a numeric string, {@code expires_id} taken as its
 * misspelling; an empty {@code refresh_token} as none. Outcomes: {@link TokenGrant.Issued}; {@link
 * TokenGrant.Refused} for a 400 or 401 (an OAuth2 error such as {@code invalid_grant}, with or without a body),
 * or a 2xx carrying {@code error} and no token (as some providers answer); otherwise a provider failure. Texts
 * taken from the answer are sanitized with {@link ProviderText}, masking the call's secrets.
 */
final class TokenAnswers {
    private static final Pattern WHOLE = Pattern.compile("[0-9]{1,18}");
    private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,18}\\.[0-9]+");

    private TokenAnswers() {
    }

    static TokenGrant read(BufferedAnswer answer, List<Secret> secrets) {
        int status = answer.status();
        Map<String, Object> fields = fields(answer.headers(), answer.body());
        if (answer.isSuccess()) {
            if (fields != null && text(fields.get("access_token")) != null) {
                return issued(status, fields);
            }
            if (fields != null && text(fields.get("error")) != null) {
                return refused(status, fields, secrets);
            }
            throw new ProviderBadResponseException(status, "the token endpoint answered without an access_token");
        }
        if (status == 400 || status == 401) {
            return refused(status, fields == null ? Map.of() : fields, secrets);
        }
        throw new ProviderErrorException(status, ProviderText.sanitize(errorText(answer, fields), secrets));
    }

    private static TokenGrant.Issued issued(int status, Map<String, Object> fields) {
        try {
            Secret accessToken = Secret.issued(text(fields.get("access_token")));
            String refresh = text(fields.get("refresh_token"));
            Secret refreshToken = refresh == null || refresh.isEmpty() ? null : Secret.issued(refresh);
            Object expiry = fields.containsKey("expires_in") ? fields.get("expires_in") : fields.get("expires_id");
            return new TokenGrant.Issued(accessToken, refreshToken, seconds(expiry));
        } catch (InvalidValueException unusable) {
            // never quote it: the value is a token
            throw new ProviderBadResponseException(status, "the token endpoint issued a token dochooks cannot use "
                    + "(empty, over " + Secret.MAX_LENGTH + " characters, or with control characters)");
        }
    }

    private static TokenGrant.Refused refused(int status, Map<String, Object> fields, List<Secret> secrets) {
        return new TokenGrant.Refused(status, ProviderText.sanitize(text(fields.get("error")), secrets),
                ProviderText.sanitize(text(fields.get("error_description")), secrets));
    }

    /** A whole non-negative number of seconds, from a number or a numeric string; null for anything else. */
    static Long seconds(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
            long seconds = ((Number) value).longValue();
            return value instanceof BigInteger big && big.bitLength() > 62 ? null : seconds < 0 ? null : seconds;
        }
        if (value instanceof Number number) {
            return fromDecimal(number.toString());
        }
        if (value instanceof String text) {
            String trimmed = text.strip();
            if (WHOLE.matcher(trimmed).matches()) {
                return Long.parseLong(trimmed);
            }
            return DECIMAL.matcher(trimmed).matches() ? fromDecimal(trimmed) : null;
        }
        return null;
    }

    private static Long fromDecimal(String text) {
        try {
            BigDecimal decimal = new BigDecimal(text);
            return decimal.signum() < 0 || decimal.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0 ? null
                    : decimal.longValue();
        } catch (NumberFormatException notANumber) { // NaN, Infinity
            return null;
        }
    }

    /** A string value; a number given where a string is expected (some servers do) as its text; else null. */
    private static String text(Object value) {
        if (value instanceof String text) {
            return text;
        }
        return value instanceof Number number ? number.toString() : null;
    }

    /** The answer's fields: a JSON object, or a form-encoded body; null when it is neither. */
    private static Map<String, Object> fields(MultiMap headers, Buffer body) {
        String contentType = headers.get(HttpHeaders.CONTENT_TYPE);
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith(FormBody.MEDIA_TYPE)) {
            return form(body);
        }
        try {
            Object value = Json.decodeValue(body);
            return value instanceof JsonObject object ? object.getMap()
                    : value instanceof Map<?, ?> map ? new JsonObject(castMap(map)).getMap() : null;
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    private static Map<String, Object> form(Buffer body) {
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        for (String pair : body.toString(StandardCharsets.UTF_8).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                fields.putIfAbsent(name, value);
            } catch (IllegalArgumentException malformed) {
                return null;
            }
        }
        return fields;
    }

    /** The endpoint's explanation of a failed status: its OAuth2 error, or a short plain-text body. */
    private static String errorText(BufferedAnswer answer, Map<String, Object> fields) {
        if (fields != null && (fields.get("error") != null || fields.get("error_description") != null)) {
            String error = text(fields.get("error"));
            String description = text(fields.get("error_description"));
            return error == null ? description : description == null ? error : error + ": " + description;
        }
        String contentType = answer.headers().get(HttpHeaders.CONTENT_TYPE);
        if (fields == null && contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("text/plain")) {
            return answer.body().getString(0, Math.min(answer.body().length(), 4 * ProviderText.MAX_LENGTH), "UTF-8");
        }
        return null;
    }
}
