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

/**
 * Authenticates {@code /api/v1} calls (api.md section 2): {@code Authorization: Bearer <JWT>}, signed
 * HS256 with the configured secret, {@code exp} enforced without leeway. The JOSE header is checked
 * here first, so that no other algorithm ({@code none}, RS256, HS512...) is even considered. Any
 * failure is 401 {@code unauthenticated} with {@code WWW-Authenticate: Bearer}, whatever the cause (the
 * cause is not told, not even logged). A token that passed every check is remembered until its {@code exp}
 * ({@link VerifiedTokens}), so that the same token sent again costs a map lookup instead of a verification.
 */
final class BearerAuthentication {
    static final String ALGORITHM = "HS256";
    private static final String SCHEME = "bearer";

    private final JWTAuth jwt;
    private final VerifiedTokens verified;

    BearerAuthentication(Vertx vertx, byte[] secret) {
        this(vertx, secret, new VerifiedTokens());
    }

    BearerAuthentication(Vertx vertx, byte[] secret, VerifiedTokens verified) {
        this.verified = verified;
        this.jwt = JWTAuth.create(vertx, new JWTAuthOptions()
                .addPubSecKey(new PubSecKeyOptions().setAlgorithm(ALGORITHM).setBuffer(Buffer.buffer(secret)))
                .setJWTOptions(new JWTOptions().setLeeway(0).setIgnoreExpiration(false)));
    }

    /** The caller the request's bearer token names; fails with a 401 problem when there is none. */
    Future<Caller> authenticate(HttpServerRequest request) {
        return authenticate(request.headers().getAll(HttpHeaders.AUTHORIZATION));
    }

    /** The caller named by the request's {@code Authorization} values (exactly one is accepted). */
    Future<Caller> authenticate(List<String> authorization) {
        String token = authorization.size() == 1 ? bearerToken(authorization.get(0)) : null;
        if (token == null) {
            return Future.failedFuture(unauthenticated());
        }
        Caller known = verified.get(token);
        if (known != null) {
            return Future.succeededFuture(known);
        }
        if (!signedWithHs256(token)) {
            return Future.failedFuture(unauthenticated());
        }
        return verify(token).transform(claims -> {
            Optional<Caller> caller = claims.succeeded() ? TokenClaims.caller(claims.result()) : Optional.empty();
            caller.ifPresent(found -> verified.put(token, claims.result(), found));
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

    /**
     * The token of an {@code Authorization} value, or null: the whole value must be {@code Bearer} (any ASCII
     * case), one or more spaces, three non-empty base64url segments joined by dots, then only spaces. Written
     * out by hand, since the regular expression it replaces was a visible per-request cost; the same as
     * {@code (?i)Bearer +([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+) *} (the unit test checks both agree).
     */
    static String bearerToken(String authorization) {
        int length = authorization.length();
        if (length <= SCHEME.length() || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                || !isAsciiScheme(authorization)) {
            return null;
        }
        int start = SCHEME.length();
        while (start < length && authorization.charAt(start) == ' ') {
            start++;
        }
        if (start == SCHEME.length()) {
            return null;
        }
        int end = start;
        int segments = 1;
        boolean segmentEmpty = true;
        for (; end < length; end++) {
            char c = authorization.charAt(end);
            if (c == '.') {
                if (segmentEmpty || ++segments > 3) {
                    return null;
                }
                segmentEmpty = true;
            } else if (isBase64Url(c)) {
                segmentEmpty = false;
            } else {
                break;
            }
        }
        if (segments != 3 || segmentEmpty) {
            return null;
        }
        for (int i = end; i < length; i++) {
            if (authorization.charAt(i) != ' ') {
                return null;
            }
        }
        return authorization.substring(start, end);
    }

    /** regionMatches ignoring case also folds a few non-ASCII letters; the scheme must be ASCII letters. */
    private static boolean isAsciiScheme(String authorization) {
        for (int i = 0; i < SCHEME.length(); i++) {
            if (authorization.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBase64Url(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
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
