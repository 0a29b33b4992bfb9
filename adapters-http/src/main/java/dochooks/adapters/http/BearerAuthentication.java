package dochooks.adapters.http;

import dochooks.application.Caller;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Authenticates {@code /api/v1} calls (api.md section 2): {@code Authorization: Bearer <JWT>}, signed
 * HS256 with the configured secret, {@code exp} enforced without leeway. The JOSE header is checked
 * here first, so that no other algorithm ({@code none}, RS256, HS512...) is even considered. Any
 * failure is 401 {@code unauthenticated} with {@code WWW-Authenticate: Bearer}, whatever the cause (the
 * cause is not told, not even logged).
 */
final class BearerAuthentication {
    static final String ALGORITHM = "HS256";
    private static final Pattern BEARER = Pattern.compile("(?i)Bearer +([A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+) *");

    private final JWTAuth jwt;

    BearerAuthentication(Vertx vertx, byte[] secret) {
        this.jwt = JWTAuth.create(vertx, new JWTAuthOptions()
                .addPubSecKey(new PubSecKeyOptions().setAlgorithm(ALGORITHM).setBuffer(Buffer.buffer(secret)))
                .setJWTOptions(new JWTOptions().setLeeway(0).setIgnoreExpiration(false)));
    }

    /** The caller the request's bearer token names; fails with a 401 problem when there is none. */
    Future<Caller> authenticate(HttpServerRequest request) {
        Optional<String> token = bearerToken(request.headers().getAll(HttpHeaders.AUTHORIZATION));
        if (token.isEmpty() || !signedWithHs256(token.get())) {
            return Future.failedFuture(unauthenticated());
        }
        return verify(token.get()).transform(verified -> {
            Optional<Caller> caller = verified.succeeded() ? TokenClaims.caller(verified.result()) : Optional.empty();
            return caller.map(Future::succeededFuture).orElseGet(() -> Future.failedFuture(unauthenticated()));
        });
    }

    /** The token's claims when its signature and times hold. */
    private Future<JsonObject> verify(String token) {
        try {
            return jwt.authenticate(new TokenCredentials(token)).map(BearerAuthentication::claims);
        } catch (RuntimeException badlyTypedTimeClaim) {
            // Vert.x reads exp/iat/nbf as numbers outside its own error handling
            return Future.failedFuture(badlyTypedTimeClaim);
        }
    }

    private static JsonObject claims(User user) {
        return user.attributes().getJsonObject("accessToken");
    }

    private static Optional<String> bearerToken(List<String> authorization) {
        if (authorization.size() != 1) {
            return Optional.empty();
        }
        var matcher = BEARER.matcher(authorization.get(0));
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** Whether the JOSE header is a JSON object whose {@code alg} is exactly HS256. */
    static boolean signedWithHs256(String token) {
        String encodedHeader = token.substring(0, token.indexOf('.'));
        try {
            String header = new String(Base64.getUrlDecoder().decode(encodedHeader), StandardCharsets.UTF_8);
            return ALGORITHM.equals(new JsonObject(header).getValue("alg"));
        } catch (RuntimeException notBase64OrNotJsonObject) {
            return false;
        }
    }

    private static ProblemException unauthenticated() {
        return Problem.of(ProblemType.UNAUTHENTICATED).withHeader("WWW-Authenticate", "Bearer").asException();
    }
}
