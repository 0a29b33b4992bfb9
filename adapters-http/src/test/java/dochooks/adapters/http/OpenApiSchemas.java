package dochooks.adapters.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The response schemas of {@code openapi.yaml}, and a small validator for the subset of JSON Schema the document
 * uses: {@code $ref} (local), {@code oneOf} (exactly one), {@code type} (one or a list, {@code 'null'} included),
 * {@code const}, {@code enum}, {@code minimum}, {@code required}, {@code properties},
 * {@code additionalProperties: false} and {@code items}. Anything else in a schema (formats, descriptions) is not
 * checked. Hand-rolled so that the test needs no JSON-Schema library.
 */
final class OpenApiSchemas {
    private final Map<String, Object> document;

    private OpenApiSchemas(Map<String, Object> document) {
        this.document = document;
    }

    /** Parses the document (YAML, read safely: plain maps, lists and scalars only). */
    static OpenApiSchemas parse(String yaml) {
        Map<String, Object> document = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        return new OpenApiSchemas(document);
    }

    /** The document as the adapter ships it. */
    static OpenApiSchemas shipped() {
        try (InputStream in = OpenApiSchemas.class.getResourceAsStream("/dochooks/adapters/http/openapi.yaml")) {
            return parse(new String(Objects.requireNonNull(in, "openapi.yaml").readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema of a response as documented for an operation: {@code paths.<path>.<method>.responses.<status>}. */
    Documented response(String pathTemplate, String method, int status) {
        Map<String, Object> operation = map(map(map(document, "paths"), pathTemplate), method.toLowerCase());
        Map<String, Object> response = resolve(map(map(operation, "responses"), Integer.toString(status)));
        Map<String, Object> content = map(response, "content");
        if (content.size() != 1) {
            throw new AssertionError("expected one media type for " + method + " " + pathTemplate + " " + status
                    + ", found " + content.keySet());
        }
        Map.Entry<String, Object> only = content.entrySet().iterator().next();
        return new Documented(only.getKey(), map(asMap(only.getValue()), "schema"));
    }

    /** A component schema by name ({@code components.schemas.<name>}). */
    Map<String, Object> schema(String name) {
        return map(map(map(document, "components"), "schemas"), name);
    }

    /** A documented media type and its schema. */
    record Documented(String mediaType, Map<String, Object> schema) {
    }

    /** Every way {@code json} (a Vert.x JSON value or plain Java one) breaks {@code schema}; empty when it fits. */
    List<String> violations(Map<String, Object> schema, Object json) {
        List<String> found = new ArrayList<>();
        check(schema, plain(json), "$", found);
        return found;
    }

    @SuppressWarnings("unchecked")
    private void check(Map<String, Object> schema, Object value, String at, List<String> found) {
        schema = resolve(schema);
        if (schema.containsKey("oneOf")) {
            long matching = ((List<Object>) schema.get("oneOf")).stream()
                    .filter(option -> {
                        List<String> none = new ArrayList<>();
                        check(asMap(option), value, at, none);
                        return none.isEmpty();
                    }).count();
            if (matching != 1) {
                found.add(at + ": matches " + matching + " of the oneOf alternatives, not exactly one");
            }
        }
        if (schema.containsKey("const") && !sameValue(schema.get("const"), value)) {
            found.add(at + ": is " + value + ", not the constant " + schema.get("const"));
        }
        if (schema.containsKey("enum")
                && ((List<Object>) schema.get("enum")).stream().noneMatch(option -> sameValue(option, value))) {
            found.add(at + ": " + value + " is not one of " + schema.get("enum"));
        }
        if (schema.containsKey("type")) {
            Object type = schema.get("type");
            List<Object> allowed = type instanceof List<?> list ? (List<Object>) list : List.of(type);
            if (allowed.stream().noneMatch(name -> hasType(value, (String) name))) {
                found.add(at + ": " + describe(value) + " is not of type " + allowed);
                return; // the other keywords would only repeat it
            }
        }
        if (schema.containsKey("minimum") && value instanceof Number number
                && new BigDecimal(number.toString()).compareTo(new BigDecimal(schema.get("minimum").toString())) < 0) {
            found.add(at + ": " + value + " is below the minimum " + schema.get("minimum"));
        }
        if (value instanceof Map<?, ?> object) {
            checkObject(schema, (Map<String, Object>) object, at, found);
        }
        if (value instanceof List<?> array && schema.containsKey("items")) {
            for (int i = 0; i < array.size(); i++) {
                check(asMap(schema.get("items")), array.get(i), at + "[" + i + "]", found);
            }
        }
    }

    private void checkObject(Map<String, Object> schema, Map<String, Object> object, String at, List<String> found) {
        Object required = schema.get("required");
        if (required instanceof List<?> names) {
            for (Object name : names) {
                if (!object.containsKey(name)) {
                    found.add(at + ": the required member " + name + " is missing");
                }
            }
        }
        Map<String, Object> properties = schema.containsKey("properties") ? asMap(schema.get("properties")) : Map.of();
        for (Map.Entry<String, Object> member : object.entrySet()) {
            Object property = properties.get(member.getKey());
            if (property != null) {
                check(asMap(property), member.getValue(), at + "." + member.getKey(), found);
            } else if (Boolean.FALSE.equals(schema.get("additionalProperties"))) {
                found.add(at + ": the member " + member.getKey() + " is not allowed");
            }
        }
    }

    private static boolean hasType(Object value, String type) {
        return switch (type) {
            case "null" -> value == null;
            case "string" -> value instanceof String;
            case "boolean" -> value instanceof Boolean;
            case "integer" -> value instanceof Integer || value instanceof Long
                    || value instanceof java.math.BigInteger;
            case "number" -> value instanceof Number;
            case "object" -> value instanceof Map;
            case "array" -> value instanceof List;
            default -> throw new IllegalArgumentException("a type this validator does not know: " + type);
        };
    }

    private static boolean sameValue(Object expected, Object actual) {
        if (expected instanceof Number a && actual instanceof Number b) {
            return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0;
        }
        return Objects.equals(expected, actual);
    }

    private static String describe(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName() + " " + value;
    }

    /** Follows local {@code $ref}s ({@code #/a/b/c}) until a schema or response that is not one. */
    private Map<String, Object> resolve(Map<String, Object> node) {
        Map<String, Object> current = node;
        for (int depth = 0; current.containsKey("$ref"); depth++) {
            if (depth == 20) {
                throw new AssertionError("a $ref cycle at " + node);
            }
            String ref = (String) current.get("$ref");
            if (!ref.startsWith("#/")) {
                throw new AssertionError("only local references are expected: " + ref);
            }
            Map<String, Object> target = document;
            for (String part : ref.substring(2).split("/")) {
                target = map(target, part.replace("~1", "/").replace("~0", "~"));
            }
            current = target;
        }
        return current;
    }

    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object child = parent.get(key);
        if (child == null) {
            throw new AssertionError("the document has no " + key + " under " + parent.keySet());
        }
        return asMap(child);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object node) {
        if (!(node instanceof Map<?, ?>)) {
            throw new AssertionError("expected a mapping, found " + node);
        }
        return (Map<String, Object>) node;
    }

    /** Vert.x JSON values to plain maps and lists, all the way down. */
    private static Object plain(Object json) {
        if (json instanceof JsonObject object) {
            Map<String, Object> map = new java.util.LinkedHashMap<>();
            object.forEach(member -> map.put(member.getKey(), plain(member.getValue())));
            return map;
        }
        if (json instanceof JsonArray array) {
            List<Object> list = new ArrayList<>();
            array.forEach(element -> list.add(plain(element)));
            return list;
        }
        if (json instanceof Map<?, ?> map) {
            return plain(new JsonObject(castMap(map)));
        }
        if (json instanceof List<?> list) {
            return plain(new JsonArray(new ArrayList<>(list)));
        }
        return json;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
