package dochooks.bootstrap;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * {@code Authorization} values none of which may authenticate: garbage, other schemes, random segments, algorithm
 * confusion, wrong keys, and tokens correctly signed whose claims break the contract's rules (oversized included).
 */
final class HostileTokens {
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private HostileTokens() {
    }

    static Arbitrary<String> badAuthorizationValues(String secret) {
        return Arbitraries.oneOf(garbage(), randomSegments(), algorithmConfusion(secret), wrongKey(), badClaims(secret));
    }

    private static Arbitrary<String> garbage() {
        return Arbitraries.oneOf(
                Arbitraries.of("", "Bearer", "Bearer ", "Bearer  ", "bearer", "Basic YWRtaW46YWRtaW4=", "Token abc",
                        "Bearer a.b", "Bearer a.b.c.d", "Bearer ...", "Bearer null", "Bearer undefined"),
                HostileInputs.headerValues(),
                HostileInputs.headerValues().map(value -> "Bearer " + value));
    }

    private static Arbitrary<String> randomSegments() {
        Arbitrary<String> segment = Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z')
                .withCharRange('0', '9').withChars('-', '_', '=', '+', '/').ofMaxLength(120);
        return Combinators.combine(segment, segment, segment).as((a, b, c) -> "Bearer " + a + "." + b + "." + c);
    }

    private static Arbitrary<String> algorithmConfusion(String secret) {
        return Arbitraries.of("none", "None", "NONE", "HS512", "HS384", "RS256", "ES256", "PS256", "", "hs256")
                .flatMap(alg -> Arbitraries.of(true, false).map(signed -> {
                    JsonObject header = new JsonObject().put("alg", alg).put("typ", "JWT");
                    String unsigned = encode(header) + "." + encode(validClaims());
                    String signature = !signed ? "" : alg.equals("HS512") ? sign(unsigned, secret, "HmacSHA512")
                            : alg.equals("HS384") ? sign(unsigned, secret, "HmacSHA384") : sign(unsigned, secret, "HmacSHA256");
                    return "Bearer " + unsigned + "." + signature;
                }));
    }

    private static Arbitrary<String> wrongKey() {
        return Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(64).map(key -> {
            String unsigned = encode(new JsonObject().put("alg", "HS256").put("typ", "JWT")) + "." + encode(validClaims());
            return "Bearer " + unsigned + "." + sign(unsigned, key + "-not-the-secret", "HmacSHA256");
        });
    }

    /** Correctly signed, but the claims break a rule of the contract (section 2). */
    private static Arbitrary<String> badClaims(String secret) {
        Arbitrary<JsonObject> claims = Arbitraries.of(
                "no-sub", "empty-sub", "long-sub", "control-sub", "number-tenant", "no-tenant", "empty-tenant",
                "expired", "string-exp", "huge-claim", "roles-object", "username-control", "array-sub", "oversized")
                .map(HostileTokens::claimsBreaking);
        return claims.map(payload -> {
            String unsigned = encode(new JsonObject().put("alg", "HS256").put("typ", "JWT")) + "." + encode(payload);
            return "Bearer " + unsigned + "." + sign(unsigned, secret, "HmacSHA256");
        });
    }

    private static JsonObject claimsBreaking(String rule) {
        JsonObject claims = validClaims();
        switch (rule) {
            case "no-sub" -> claims.remove("sub");
            case "empty-sub" -> claims.put("sub", "");
            case "long-sub" -> claims.put("sub", "s".repeat(256));
            case "control-sub" -> claims.put("sub", "al\u0001ice");
            case "number-tenant" -> claims.put("tenant", 42);
            case "no-tenant" -> claims.remove("tenant");
            case "empty-tenant" -> claims.put("tenant", "");
            case "expired" -> claims.put("exp", Instant.now().getEpochSecond() - 5);
            case "string-exp" -> claims.put("exp", "tomorrow");
            case "huge-claim" -> claims.put("sub", "h".repeat(5_000));
            case "roles-object" -> claims.put("roles", new JsonObject().put("admin", true)).put("sub", "");
            case "username-control" -> claims.put("username", "bob\u0000");
            case "array-sub" -> claims.put("sub", new JsonArray().add("alice"));
            default -> claims.put("tenant", "t".repeat(20_000)); // over the 16 KiB header limit: 431
        }
        return claims;
    }

    private static JsonObject validClaims() {
        return new JsonObject().put("sub", "mallory").put("tenant", "hostile").put("roles", new JsonArray().add("admin"))
                .put("exp", Instant.now().getEpochSecond() + 600);
    }

    private static String encode(JsonObject json) {
        return BASE64URL.encodeToString(json.encode().getBytes(StandardCharsets.UTF_8));
    }

    private static String sign(String unsigned, String key, String algorithm) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
            return BASE64URL.encodeToString(mac.doFinal(unsigned.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
