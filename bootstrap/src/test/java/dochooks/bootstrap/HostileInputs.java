package dochooks.bootstrap;

import dochooks.bootstrap.HostileInputSystemIT.Route;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generators of hostile requests for {@link HostileInputSystemIT}: bodies, header values, queries, path ids, routes. */
final class HostileInputs {
    /** Over the 64 KiB JSON limit of the contract. */
    private static final int OVERSIZED = 65 * 1024 + 1;

    private HostileInputs() {
    }

    /** A body the registry accepts; its URL stays on loopback (and no test ever calls it). */
    static JsonObject validIntegration(String name) {
        return new JsonObject().put("name", name).put("baseApiUrl", "http://127.0.0.1:9/api")
                .put("authType", "ApiKey").put("apiKey", "key-0123456789abcdef");
    }

    // ---- bodies ----

    static Arbitrary<byte[]> bodies() {
        return Arbitraries.oneOf(randomBytes(), deepNesting(), hugeNumbers(), wrongTypes(), unicodeEdgeCases(),
                invalidUtf8(), duplicateKeys(), notObjects(), oversized());
    }

    private static Arbitrary<byte[]> randomBytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(512);
    }

    private static Arbitrary<byte[]> deepNesting() {
        return Combinators.combine(Arbitraries.integers().between(1, 20_000), Arbitraries.of("[", "{\"a\":", "[{\"b\":"),
                Arbitraries.of(true, false)).as((depth, opening, closed) -> {
                    StringBuilder json = new StringBuilder(opening.repeat(depth)).append("1");
                    if (closed) {
                        String closing = opening.equals("[") ? "]" : opening.equals("{\"a\":") ? "}" : "}]";
                        json.append(closing.repeat(depth));
                    }
                    return utf8(json.toString());
                });
    }

    private static Arbitrary<byte[]> hugeNumbers() {
        Arbitrary<String> numbers = Arbitraries.oneOf(
                Arbitraries.of("1e999999999", "-1e-999999999", "-0", "1.7976931348623157e309", "NaN", "Infinity", "0x10",
                        "9223372036854775808", "-9223372036854775809", "00012", "1.", ".5", "1e", "+1"),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(5000));
        return Combinators.combine(Arbitraries.of("name", "status", "version", "baseApiUrl", "requestParameters", "apiKey",
                "id", "createdAt"), numbers).as(HostileInputs::integrationWith);
    }

    private static Arbitrary<byte[]> wrongTypes() {
        return Combinators.combine(Arbitraries.of("name", "baseApiUrl", "authType", "apiKey", "clientId", "clientSecret",
                        "status", "version", "requestParameters", "authenticationUrl", "tokenEndpointUrl", "unknown"),
                Arbitraries.of("true", "false", "null", "0", "[]", "{}", "[\"a\",1]", "{\"a\":{}}", "\"\"", "\" \"",
                        "\"DISABLED\"", "\"OAuth2\"", "3.5", "[null]"))
                .as(HostileInputs::integrationWith);
    }

    private static Arbitrary<byte[]> unicodeEdgeCases() {
        Arbitrary<String> escapes = Arbitraries.of("\\u0000", "\\ud800", "\\udc00", "\\ud83d\\ude00", "\\u202e", "\\ufeff",
                "\\u200b", "\\uffff", "\\u0085", "\\u2028", "\\u0007", "\\\"", "\\\\", "\\/", "\\x41", "\\u12", "\\");
        Arbitrary<String> raw = Arbitraries.of("é", "한국어", "👩‍👩‍👧", "\u202Egnp.exe", "Å", "Å", "\uFEFF", "ǅ", "İ", "ß",
                "\u0000", "\t", "\u001F");
        Arbitrary<String> pieces = Arbitraries.oneOf(escapes, raw, Arbitraries.strings().ofMaxLength(5)).list()
                .ofMinSize(1).ofMaxSize(20).map(list -> String.join("", list));
        return Combinators.combine(Arbitraries.of("name", "baseApiUrl", "apiKey", "requestParameters", "authType",
                "status"), pieces).as((field, value) -> integrationWith(field, "\"" + value + "\""));
    }

    private static Arbitrary<byte[]> invalidUtf8() {
        Arbitrary<byte[]> bad = Arbitraries.of(new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0xED, (byte) 0xA0,
                (byte) 0x80}, new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xE2, (byte) 0x82}, new byte[] {(byte) 0xF8,
                (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80});
        return bad.map(bytes -> {
            byte[] before = utf8("{\"name\":\"x");
            byte[] after = utf8("\",\"baseApiUrl\":\"http://127.0.0.1:9/api\",\"authType\":\"ApiKey\",\"apiKey\":\"key-0123456789abcdef\"}");
            byte[] all = new byte[before.length + bytes.length + after.length];
            System.arraycopy(before, 0, all, 0, before.length);
            System.arraycopy(bytes, 0, all, before.length, bytes.length);
            System.arraycopy(after, 0, all, before.length + bytes.length, after.length);
            return all;
        });
    }

    private static Arbitrary<byte[]> duplicateKeys() {
        return Combinators.combine(Arbitraries.of("name", "authType", "apiKey", "baseApiUrl", "status"),
                Arbitraries.of("\"OAuth2\"", "\"DISABLED\"", "null", "\"\"", "\"https://evil.example\"", "1"))
                .as((field, value) -> {
                    String valid = validIntegration("Dup").encode();
                    return utf8(valid.substring(0, valid.length() - 1) + ",\"" + field + "\":" + value + "}");
                });
    }

    private static Arbitrary<byte[]> notObjects() {
        return Arbitraries.of("", " ", "[]", "null", "42", "\"text\"", "{", "}", "{}", "{\"name\"}", "{,}", "[{}]",
                "{\"name\":\"a\",}", "/* comment */{}", "{'name':'a'}", "\uFEFF{}").map(HostileInputs::utf8);
    }

    private static Arbitrary<byte[]> oversized() {
        return Arbitraries.of(integrationWith("name", "\"" + "n".repeat(OVERSIZED) + "\""),
                utf8("[" + "1,".repeat(OVERSIZED / 2) + "1]"));
    }

    /** A valid integration whose field {@code field} holds the raw JSON text {@code rawValue}. */
    private static byte[] integrationWith(String field, String rawValue) {
        Map<String, String> fields = new LinkedHashMap<>();
        validIntegration("Hostile").forEach(entry -> fields.put(entry.getKey(), "\"" + entry.getValue() + "\""));
        fields.put(field, rawValue);
        return utf8(fields.entrySet().stream().map(entry -> "\"" + entry.getKey() + "\":" + entry.getValue())
                .collect(Collectors.joining(",", "{", "}")));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    // ---- header values ----

    /** Values a header line can carry (no CR or LF: those would end it), sent as ISO-8859-1 bytes. */
    static Arbitrary<String> headerValues() {
        Arbitrary<String> random = Arbitraries.strings().withCharRange(' ', '~').withCharRange('\u0080', '\u00FF')
                .withChars('\t').ofMaxLength(200);
        Arbitrary<String> special = Arbitraries.of("", "*", "\"1\"", "W/\"1\"", "\"-1\"", "\"99999999999999999999\"", "\"",
                "1", "\"1\", \"2\"", "application/json;charset=utf-16", "application/json; charset=\"", "text/plain",
                "multipart/form-data; boundary=x", "application/json-patch+json", "application/problem+json",
                "fr-FR;q=0.9,ko;q=abc,*;q=2", "ko-KR", "xx", "*;q=0", "fr;q=1e9", "ko,".repeat(500), "x".repeat(129),
                "req id", "../../etc/passwd", "\u00e9\u00e8", "<script>alert(1)</script>", "chunked", "identity, chunked",
                "${jndi:ldap://127.0.0.1/a}", "%00", "\t");
        return Arbitraries.oneOf(random, special);
    }

    // ---- queries ----

    static Arbitrary<String> queries() {
        Arbitrary<String> names = Arbitraries.of("limit", "cursor", "status", "parentId", "id", "max", "offset", "query",
                "size", "filename", "name", "documentId", "folderId", "documentVersionId", "state", "code", "error",
                "redirect", "%", "", "a%zzb");
        Arbitrary<String> values = Arbitraries.oneOf(
                Arbitraries.of("-1", "0", "1", "200", "201", "500", "2147483648", "99999999999999999999", "1e3", "%201",
                        "+1", "0x10", "", "NaN", "ENABLED", "enabled", "DISABLED", "ALL", "%", "%g1", "%C0%AF", "%ED%A0%80",
                        "%FF", "%00", "%2F..%2F", "/", "..", "%E2%80%AE", "x".repeat(300), "%ED%95%9C".repeat(255)),
                Arbitraries.strings().ofMaxLength(40).map(text -> java.net.URLEncoder.encode(text, StandardCharsets.UTF_8)),
                Arbitraries.strings().withCharRange('!', '~').ofMaxLength(40)
                        .map(text -> text.replace("#", "%23").replace("&", "%26")));
        Arbitrary<String> pair = Combinators.combine(names, values, Arbitraries.of(true, true, true, false))
                .as((name, value, withEquals) -> withEquals ? name + "=" + value : name);
        return pair.list().ofMaxSize(6).map(pairs -> String.join("&", pairs));
    }

    // ---- path ids ----

    static Arbitrary<String> pathIds() {
        Arbitrary<String> special = Arbitraries.of("%", "%zz", "%00", "%2F", "%2e%2e", "..", ".", "00000000-0000-0000-0000-000000000000",
                "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF", "{0b8e7c1e-3f0a-4c7e-9d55-5a3f1c2b7e10}",
                "0b8e7c1e-3f0a-4c7e-9d55-5a3f1c2b7e10x", "0b8e7c1e3f0a4c7e9d555a3f1c2b7e10", "%ED%95%9C", "%C0%AF",
                "null", "undefined", "-1", "a;b=c", "%0d%0aX-Injected:%20yes", "x".repeat(5000));
        Arbitrary<String> random = Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9')
                .withChars('-', '.', '_', '~', '%', ':', '@', '!', '$', '\'', '(', ')', '*', '+', ',', ';', '=')
                .ofMinLength(1).ofMaxLength(80);
        Arbitrary<String> uuids = Arbitraries.randomValue(random1 -> new java.util.UUID(random1.nextLong(), random1.nextLong())
                .toString());
        return Arbitraries.oneOf(special, random, uuids).filter(id -> !id.equals(".") && !id.equals(".."));
    }

    // ---- routes ----

    /**
     * Every route, its {@code {id}} from {@code safeIds}, except the routes that would change or remove an
     * integration (PUT, DELETE, enable, disable), which get {@code destructiveIds} so the seeded ones survive.
     */
    static Arbitrary<Route> routes(Arbitrary<String> safeIds, Arbitrary<String> destructiveIds) {
        byte[] json = validIntegration("Header test").encode().getBytes(StandardCharsets.UTF_8);
        byte[] confirmation = "{\"confirmation\":\"nope\"}".getBytes(StandardCharsets.UTF_8);
        byte[] none = new byte[0];
        String one = "/api/v1/integrations/{id}";
        String docs = one + "/documents/";
        List<Route> safe = List.of(
                new Route("POST", "/api/v1/integrations", json),
                new Route("GET", "/api/v1/integrations", null),
                new Route("GET", one, null),
                new Route("POST", one + "/test", none),
                new Route("POST", one + "/connection", none),
                new Route("GET", one + "/connection", null),
                new Route("DELETE", one + "/connection", null),
                new Route("POST", one + "/connection/confirm", confirmation),
                new Route("GET", docs + "files", null),
                new Route("GET", docs + "metadata?id=nothing", null),
                new Route("GET", docs + "search?query=a", null),
                new Route("GET", docs + "download?id=nothing", null),
                new Route("GET", docs + "thumbnail?id=nothing", null),
                new Route("GET", docs + "serviceInfo", null),
                new Route("POST", docs + "upload?filename=hostile.txt", "hostile".getBytes(StandardCharsets.UTF_8)),
                new Route("POST", docs + "createFolder?parentId=/&name=hostile", none),
                new Route("POST", docs + "rename?id=nothing&name=other", none),
                new Route("POST", docs + "delete?documentId=nothing", none),
                new Route("POST", docs + "customAction?name=archive", none),
                new Route("GET", "/oauth2/callback?state=nothing&code=nothing", null),
                new Route("GET", "/oauth2/connected", null),
                new Route("GET", "/health/live", null),
                new Route("GET", "/health/ready", null),
                new Route("GET", "/metrics", null),
                new Route("GET", "/openapi.yaml", null),
                new Route("GET", "/no/such/route", null),
                new Route("PATCH", "/api/v1/integrations", none));
        List<Route> destructive = List.of(
                new Route("PUT", one, json),
                new Route("DELETE", one, null),
                new Route("POST", one + "/enable", none),
                new Route("POST", one + "/disable", none));
        Arbitrary<Route> safeRoutes = Combinators.combine(Arbitraries.of(safe), safeIds).as(HostileInputs::withId);
        Arbitrary<Route> destructiveRoutes = Combinators.combine(Arbitraries.of(destructive), destructiveIds)
                .as(HostileInputs::withId);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(safe.size(), safeRoutes),
                net.jqwik.api.Tuple.of(destructive.size(), destructiveRoutes));
    }

    private static Route withId(Route route, String id) {
        return new Route(route.method(), route.path().replace("{id}", id), route.body());
    }
}
