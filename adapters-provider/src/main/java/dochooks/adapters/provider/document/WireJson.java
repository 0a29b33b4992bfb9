package dochooks.adapters.provider.document;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Map;

/** Parsing a provider's JSON body, and reading loosely typed values out of it. */
final class WireJson {
    /** An empty (or all-whitespace) body. */
    static final Object EMPTY = new Object();
    /** A body that is not JSON. */
    static final Object NOT_JSON = new Object();

    private WireJson() {
    }

    /** The JSON value of {@code body}: a JsonObject, a JsonArray, String, Number, Boolean, or {@link #EMPTY} / {@link #NOT_JSON}. */
    static Object parse(Buffer body) {
        if (isBlank(body)) {
            return EMPTY;
        }
        try {
            Object value = Json.decodeValue(body);
            if (value instanceof Map<?, ?> map) {
                @SuppressWarnings("unchecked")
                Map<String, Object> fields = (Map<String, Object>) map;
                return new JsonObject(fields);
            }
            return value == null ? NOT_JSON : value;
        } catch (RuntimeException notJson) { // DecodeException, and Jackson's own limits (nesting depth...)
            return NOT_JSON;
        }
    }

    private static boolean isBlank(Buffer body) {
        for (int i = 0; i < body.length(); i++) {
            byte b = body.getByte(i);
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    /** A string, or a number written as text; null for anything else. */
    static String text(Object value) {
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
            return value.toString();
        }
        if (value instanceof Number number) {
            return new BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
        }
        return null;
    }

    /** A non-negative whole number given as a number or a string of digits; null for anything else. */
    static Long size(Object value) {
        try {
            if (value instanceof String text) {
                String digits = text.strip();
                return digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9') ? null
                        : Long.parseLong(digits);
            }
            if (value instanceof Number number) {
                BigDecimal decimal = new BigDecimal(number.toString());
                return decimal.signum() < 0 ? null : decimal.longValueExact();
            }
        } catch (NumberFormatException | ArithmeticException notAWholeLong) {
            return null;
        }
        return null;
    }

    /** A boolean, or the strings {@code true}/{@code false} in any case; null for anything else. */
    static Boolean bool(Object value) {
        if (value instanceof Boolean bool) {
            return bool;
        }
        if (value instanceof String text) {
            String lower = text.strip().toLowerCase(Locale.ROOT);
            return lower.equals("true") ? Boolean.TRUE : lower.equals("false") ? Boolean.FALSE : null;
        }
        return null;
    }

    /** The value of the first of {@code keys} present in {@code object}. */
    static Object first(JsonObject object, String... keys) {
        for (String key : keys) {
            if (object.containsKey(key)) {
                return object.getValue(key);
            }
        }
        return null;
    }
}
