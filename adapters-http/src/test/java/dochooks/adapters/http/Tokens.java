package dochooks.adapters.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Mints JWTs the way a client of dochooks would, independently of the server's code. */
final class Tokens {
    static final String SECRET = "test-secret-of-at-least-32-bytes-0123456789";
    static final byte[] SECRET_BYTES = SECRET.getBytes(StandardCharsets.UTF_8);

    private Tokens() {
    }

    static String admin(String tenant, String user) {
        return sign(claims(tenant, user).put("roles", new JsonArray().add("admin")));
    }

    static String user(String tenant, String user) {
        return sign(claims(tenant, user));
    }

    static JsonObject claims(String tenant, String user) {
        return new JsonObject().put("sub", user).put("tenant", tenant)
                .put("iat", System.currentTimeMillis() / 1000);
    }

    static String sign(JsonObject claims) {
        return sign(new JsonObject().put("alg", "HS256").put("typ", "JWT"), claims, SECRET_BYTES);
    }

    /** Signs with HMAC-SHA256 whatever the header says, so that lying headers can be tested. */
    static String sign(JsonObject header, JsonObject claims, byte[] secret) {
        String input = encode(header.encode()) + "." + encode(claims.encode());
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] signature = mac.doFinal(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
