package dochooks.bootstrap;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.time.Duration;

/** Mints HS256 bearer tokens with the server's own secret, for local use (the jar's token command). */
final class JwtTokens {
    private final JWTAuth auth;

    JwtTokens(Vertx vertx, String secret) {
        this.auth = JWTAuth.create(vertx, new JWTAuthOptions()
                .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(secret)));
    }

    String mint(String tenant, String user, boolean admin, Duration validity) {
        JsonObject claims = new JsonObject()
                .put("sub", user)
                .put("tenant", tenant)
                .put("roles", admin ? new JsonArray().add("admin") : new JsonArray());
        JWTOptions options = new JWTOptions().setAlgorithm("HS256").setExpiresInSeconds((int) validity.toSeconds());
        return auth.generateToken(claims, options);
    }
}
