package dochooks.adapters.provider.testing;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * An OAuth2 authorization server for tests: a real Vert.x HTTP server on 127.0.0.1 (random port) with one
 * registered client, strict about everything dochooks must get right.
 *
 * <ul>
 *   <li>{@code GET /authorize} (RFC 6749 4.1.1 with RFC 7636 S256): an unknown client or a redirect URI other
 *       than the registered one gets a 400 page (never a redirect); otherwise a 302 to the redirect URI with
 *       {@code code} and {@code state}, or {@code error=} (missing PKCE, another response type, or when told to
 *       {@link #denyAuthorizations deny}).</li>
 *   <li>{@code POST /token}: only {@code application/x-www-form-urlencoded}; client credentials only in the body
 *       (a Basic header is refused); exactly the fields of each grant (anything more, a request parameter say, is
 *       {@code invalid_request}); codes single use, for the same client and redirect URI, with the verifier whose
 *       S256 challenge came with the authorization; refresh tokens rotate (the old one is refused afterwards) unless
 *       told to {@link #omitRefreshToken omit} them. Every call is counted and recorded.</li>
 *   <li>Misbehaviour on demand: refuse ({@code invalid_grant}), fail (500), hang, redirect; expiry written as a
 *       number, a string, the misspelled {@code expires_id}, or not at all.</li>
 * </ul>
 * Access tokens it issued are accepted by {@link TestDocumentProvider#requireBearer(Predicate)} with
 * {@link #acceptsAccessToken}: until they expire (by this server's clock) or are {@link #revokeAccessTokens revoked}.
 */
public final class TestOAuth2Server {
    public static final String CLIENT_ID = "test-client";
    public static final String CLIENT_SECRET = TestIntegrations.CLIENT_SECRET;
    public static final Duration CODE_LIFETIME = Duration.ofMinutes(10);

    /** How {@code expires_in} is written in token answers. */
    public enum ExpiryStyle {
        /** {@code "expires_in": 3600} */
        NUMBER,
        /** {@code "expires_in": "3600"} */
        STRING,
        /** {@code "expires_id": "3600"}, as the protocol's example misspells it */
        MISSPELLED,
        /** no expiry at all */
        ABSENT
    }

    /** What the token endpoint does instead of its work. */
    public enum Misbehaviour {
        /** {@code 400 {"error":"invalid_grant"}} */
        REFUSE,
        /** {@code 500} with a JSON error body */
        FAIL,
        /** accepts the call and never answers */
        HANG,
        /** {@code 307} to another path of this server, which counts what reaches it */
        REDIRECT
    }

    /**
     * One call of the token endpoint, as received: the body as sent, its fields decoded (names are case-sensitive,
     * in order), the headers, and the status answered (0 while it hangs).
     */
    public record TokenCall(String rawBody, Map<String, List<String>> form, MultiMap headers, int status) {
        public String grantType() {
            return field("grant_type");
        }

        /** The field's (first) value, or null. */
        public String field(String name) {
            List<String> values = form.get(name);
            return values == null ? null : values.get(0);
        }
    }

    private record HangingCall(HttpServerRequest request, Map<String, List<String>> form, MultiMap headers) {
    }

    private record IssuedCode(String clientId, String redirectUri, String challenge, Instant expiresAt) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<String> CODE_FIELDS = Set.of("grant_type", "code", "redirect_uri", "client_id",
            "client_secret", "code_verifier");
    private static final Set<String> REFRESH_FIELDS = Set.of("grant_type", "refresh_token", "client_id", "client_secret");

    private final Vertx vertx;
    private final HttpServer server;
    private final HttpClient browser;
    private final Map<String, IssuedCode> codes = new ConcurrentHashMap<>();
    private final Set<String> usedCodes = ConcurrentHashMap.newKeySet();
    private final Set<String> liveRefreshTokens = ConcurrentHashMap.newKeySet();
    private final Set<String> rotatedRefreshTokens = ConcurrentHashMap.newKeySet();
    private final Map<String, Instant> accessTokens = new ConcurrentHashMap<>();
    private final List<TokenCall> tokenCalls = new CopyOnWriteArrayList<>();
    private final List<MultiMap> authorizeCalls = new CopyOnWriteArrayList<>();
    private final List<HangingCall> hanging = new CopyOnWriteArrayList<>();
    private final List<String> issuedCredentials = new CopyOnWriteArrayList<>();
    private final AtomicInteger redirectedCalls = new AtomicInteger();
    private final AtomicInteger oldRefreshTokenPresentations = new AtomicInteger();
    private final AtomicInteger misbehaviourLeft = new AtomicInteger();
    private volatile String redirectUri = "http://127.0.0.1/oauth2/callback";
    private volatile Misbehaviour misbehaviour;
    private volatile ExpiryStyle expiryStyle = ExpiryStyle.NUMBER;
    private volatile long expiresInSeconds = 3600;
    private volatile boolean omitRefreshToken;
    private volatile boolean denyAuthorizations;

    private TestOAuth2Server(Vertx vertx) {
        this.vertx = vertx;
        this.server = vertx.createHttpServer().requestHandler(this::handle);
        this.browser = vertx.createHttpClient();
    }

    /** Starts a server on 127.0.0.1 whose client may redirect to {@code redirectUri} only. */
    public static TestOAuth2Server start(Vertx vertx, String redirectUri) {
        TestOAuth2Server server = new TestOAuth2Server(vertx);
        server.redirectUri = redirectUri;
        Await.result(server.server.listen(0, "127.0.0.1"));
        return server;
    }

    public int port() {
        return server.actualPort();
    }

    public String authorizationUrl() {
        return "http://127.0.0.1:" + port() + "/authorize";
    }

    public String tokenUrl() {
        return "http://127.0.0.1:" + port() + "/token";
    }

    public Future<Void> close() {
        for (HangingCall call : hanging) {
            call.request().connection().close();
        }
        return browser.close().compose(closed -> server.close());
    }

    // ---- behaviour

    /** Token answers say the access token lives {@code seconds}, written in {@code style}. */
    public void expiry(long seconds, ExpiryStyle style) {
        expiresInSeconds = seconds;
        expiryStyle = style;
    }

    /** Token answers carry no refresh token (the one presented stays valid). */
    public void omitRefreshToken(boolean omit) {
        omitRefreshToken = omit;
    }

    /** The user refuses at the authorize endpoint: it redirects with {@code error=access_denied}. */
    public void denyAuthorizations(boolean deny) {
        denyAuthorizations = deny;
    }

    /** The next {@code times} token calls misbehave (after being counted and recorded). */
    public void misbehave(Misbehaviour what, int times) {
        misbehaviour = what;
        misbehaviourLeft.set(times);
    }

    /** Every token call misbehaves until {@link #behave()}. */
    public void misbehave(Misbehaviour what) {
        misbehave(what, Integer.MAX_VALUE);
    }

    /** Back to normal; calls left hanging get their normal answer now. */
    public void behave() {
        misbehaviour = null;
        List<HangingCall> waiting = new ArrayList<>(hanging);
        hanging.clear();
        for (HangingCall call : waiting) {
            vertx.runOnContext(v -> respondToken(call.request(), call.form(), call.headers()));
        }
    }

    /** Issued access tokens are no longer accepted (a provider revoked them). */
    public void revokeAccessTokens() {
        accessTokens.clear();
    }

    /** An access token this server issued, not expired and not revoked. */
    public boolean acceptsAccessToken(String token) {
        Instant expiresAt = token == null ? null : accessTokens.get(token);
        return expiresAt != null && (expiresAt.equals(Instant.MAX) || Instant.now().isBefore(expiresAt));
    }

    // ---- what happened

    /** Every token call received (misbehaved ones included), in order. */
    public List<TokenCall> tokenCalls() {
        return List.copyOf(tokenCalls);
    }

    public long tokenCalls(String grantType) {
        return tokenCalls.stream().filter(call -> grantType.equals(call.grantType())).count();
    }

    /** The query parameters of every authorize request, in order. */
    public List<MultiMap> authorizeCalls() {
        return List.copyOf(authorizeCalls);
    }

    /**
     * Every authorization code, access token and refresh token this server issued, in order: what a test looks
     * for where no credential may appear (logs, database files).
     */
    public List<String> issuedCredentials() {
        return List.copyOf(issuedCredentials);
    }

    /** How many calls reached the place token calls were redirected to (a client following redirects). */
    public int redirectedCalls() {
        return redirectedCalls.get();
    }

    /** How many times a refresh token that had already been rotated away was presented. */
    public int oldRefreshTokenPresentations() {
        return oldRefreshTokenPresentations.get();
    }

    // ---- the browser

    /**
     * What a browser does with {@code authorizationUrl}: one GET, redirects not followed; answers the
     * {@code Location} it was sent to (the callback URL with code and state, or with error), failing the Future
     * when the answer is no redirect.
     */
    public Future<URI> authorize(String authorizationUrl) {
        URI url = URI.create(authorizationUrl);
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost(url.getHost())
                .setPort(url.getPort()).setURI(url.getRawPath() + "?" + url.getRawQuery()).setFollowRedirects(false);
        // on a context: the response's body handler must be set before the body arrives, which a test thread
        // composing on an already completed Future could not promise
        Promise<URI> located = Promise.promise();
        vertx.runOnContext(v -> browser.request(options).compose(request -> request.send()).compose(response -> {
            String location = response.getHeader("Location");
            return response.body().compose(body -> response.statusCode() == 302 && location != null
                    ? Future.succeededFuture(URI.create(location))
                    : Future.<URI>failedFuture(new IllegalStateException("the authorize endpoint answered "
                            + response.statusCode() + ": " + body)));
        }).onComplete(located));
        return located.future();
    }

    // ---- serving

    private void handle(HttpServerRequest request) {
        switch (request.path()) {
            case "/authorize" -> authorizeEndpoint(request);
            case "/token" -> request.body().onSuccess(body -> tokenEndpoint(request, body));
            case "/elsewhere" -> {
                redirectedCalls.incrementAndGet();
                request.response().setStatusCode(200).putHeader("Content-Type", "application/json")
                        .end(new JsonObject().put("access_token", "followed-a-redirect").encode());
            }
            default -> request.response().setStatusCode(404).end();
        }
    }

    private void authorizeEndpoint(HttpServerRequest request) {
        MultiMap query = MultiMap.caseInsensitiveMultiMap().addAll(request.params());
        authorizeCalls.add(query);
        String state = request.getParam("state");
        String redirect = request.getParam("redirect_uri");
        if (!CLIENT_ID.equals(request.getParam("client_id")) || redirect == null || !redirect.equals(redirectUri)) {
            request.response().setStatusCode(400).putHeader("Content-Type", "text/plain")
                    .end("unknown client or redirect URI");
            return;
        }
        String challenge = request.getParam("code_challenge");
        if (!"code".equals(request.getParam("response_type")) || challenge == null
                || !"S256".equals(request.getParam("code_challenge_method"))) {
            redirectBack(request, redirect, "error=invalid_request", state);
            return;
        }
        if (denyAuthorizations) {
            redirectBack(request, redirect, "error=access_denied", state);
            return;
        }
        String code = random("code-");
        issuedCredentials.add(code);
        codes.put(code, new IssuedCode(CLIENT_ID, redirect, challenge, Instant.now().plus(CODE_LIFETIME)));
        redirectBack(request, redirect, "code=" + code, state);
    }

    private static void redirectBack(HttpServerRequest request, String redirect, String result, String state) {
        String location = redirect + (redirect.contains("?") ? "&" : "?") + result
                + (state == null ? "" : "&state=" + java.net.URLEncoder.encode(state, StandardCharsets.UTF_8));
        request.response().setStatusCode(302).putHeader("Location", location).end();
    }

    private void tokenEndpoint(HttpServerRequest request, Buffer body) {
        Map<String, List<String>> form;
        try {
            form = parseForm(body);
        } catch (IllegalArgumentException malformed) {
            record(body, Map.of(), MultiMap.caseInsensitiveMultiMap().addAll(request.headers()), 400);
            error(request, 400, "invalid_request", "the body is no form");
            return;
        }
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().addAll(request.headers());
        Misbehaviour now = misbehaviour;
        if (now != null && misbehaviourLeft.getAndDecrement() > 0) {
            record(body, form, headers, now == Misbehaviour.HANG ? 0 : statusOf(now));
            switch (now) {
                case REFUSE -> error(request, 400, "invalid_grant", "the grant was revoked");
                case FAIL -> error(request, 500, "server_error", "the token service is down");
                case HANG -> hanging.add(new HangingCall(request, form, headers));
                case REDIRECT -> request.response().setStatusCode(307).putHeader("Location", "/elsewhere").end();
            }
            return;
        }
        int status = respondToken(request, form, headers);
        record(body, form, headers, status);
    }

    private static int statusOf(Misbehaviour misbehaviour) {
        return switch (misbehaviour) {
            case REFUSE -> 400;
            case FAIL -> 500;
            case HANG -> 0;
            case REDIRECT -> 307;
        };
    }

    private void record(Buffer body, Map<String, List<String>> form, MultiMap headers, int status) {
        tokenCalls.add(new TokenCall(body.toString(StandardCharsets.UTF_8), form, headers, status));
    }

    private static String field(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null ? null : values.get(0);
    }

    /** The real work of the token endpoint; answers the status it sent. */
    private int respondToken(HttpServerRequest request, Map<String, List<String>> form, MultiMap headers) {
        String contentType = headers.get("Content-Type");
        if (contentType == null || !contentType.startsWith("application/x-www-form-urlencoded")) {
            return error(request, 400, "invalid_request", "the body must be a form");
        }
        if (headers.contains("Authorization")) {
            return error(request, 401, "invalid_client", "client credentials go in the body");
        }
        if (!CLIENT_ID.equals(field(form, "client_id")) || !CLIENT_SECRET.equals(field(form, "client_secret"))) {
            return error(request, 401, "invalid_client", "unknown client or wrong secret");
        }
        for (Map.Entry<String, List<String>> entry : form.entrySet()) {
            if (entry.getValue().size() > 1) {
                return error(request, 400, "invalid_request", "repeated field " + entry.getKey());
            }
        }
        String grantType = field(form, "grant_type");
        if ("authorization_code".equals(grantType)) {
            return redeemCode(request, form);
        }
        if ("refresh_token".equals(grantType)) {
            return refresh(request, form);
        }
        return error(request, 400, "unsupported_grant_type", "grant_type " + grantType);
    }

    private int redeemCode(HttpServerRequest request, Map<String, List<String>> form) {
        if (!form.keySet().equals(CODE_FIELDS)) {
            return error(request, 400, "invalid_request", "a code grant has exactly " + CODE_FIELDS);
        }
        String code = field(form, "code");
        IssuedCode issued = codes.remove(code);
        if (issued == null || !usedCodes.add(code) || Instant.now().isAfter(issued.expiresAt())) {
            return error(request, 400, "invalid_grant", "unknown, used or expired code");
        }
        if (!issued.redirectUri().equals(field(form, "redirect_uri"))) {
            return error(request, 400, "invalid_grant", "redirect_uri differs from the authorization request's");
        }
        if (!issued.challenge().equals(s256(field(form, "code_verifier")))) {
            return error(request, 400, "invalid_grant", "the code_verifier does not match the code_challenge");
        }
        return issueTokens(request);
    }

    private int refresh(HttpServerRequest request, Map<String, List<String>> form) {
        if (!form.keySet().equals(REFRESH_FIELDS)) {
            return error(request, 400, "invalid_request", "a refresh grant has exactly " + REFRESH_FIELDS);
        }
        String presented = field(form, "refresh_token");
        if (rotatedRefreshTokens.contains(presented)) {
            oldRefreshTokenPresentations.incrementAndGet();
        }
        if (omitRefreshToken) {
            return liveRefreshTokens.contains(presented) ? issueTokens(request)
                    : error(request, 400, "invalid_grant", "unknown refresh token");
        }
        if (!liveRefreshTokens.remove(presented)) {
            return error(request, 400, "invalid_grant", "unknown or rotated refresh token");
        }
        rotatedRefreshTokens.add(presented);
        return issueTokens(request);
    }

    private int issueTokens(HttpServerRequest request) {
        String accessToken = random("at-");
        issuedCredentials.add(accessToken);
        long seconds = expiresInSeconds;
        accessTokens.put(accessToken, expiryStyle == ExpiryStyle.ABSENT ? Instant.MAX : Instant.now().plusSeconds(seconds));
        JsonObject answer = new JsonObject().put("access_token", accessToken).put("token_type", "Bearer");
        switch (expiryStyle) {
            case NUMBER -> answer.put("expires_in", seconds);
            case STRING -> answer.put("expires_in", Long.toString(seconds));
            case MISSPELLED -> answer.put("expires_id", Long.toString(seconds));
            case ABSENT -> { }
        }
        if (!omitRefreshToken || liveRefreshTokens.isEmpty()) {
            String refreshToken = random("rt-");
            issuedCredentials.add(refreshToken);
            liveRefreshTokens.add(refreshToken);
            answer.put("refresh_token", refreshToken);
        }
        request.response().setStatusCode(200).putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-store").end(answer.encode());
        return 200;
    }

    private static int error(HttpServerRequest request, int status, String error, String description) {
        request.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("error", error).put("error_description", description).encode());
        return status;
    }

    private static Map<String, List<String>> parseForm(Buffer body) {
        Map<String, List<String>> form = new java.util.LinkedHashMap<>();
        String text = body.toString(StandardCharsets.UTF_8);
        if (text.isEmpty()) {
            return form;
        }
        for (String pair : text.split("&", -1)) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            form.computeIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8), k -> new ArrayList<>())
                    .add(URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return form;
    }

    /** The RFC 7636 S256 challenge of {@code verifier} (null for null). */
    public static String s256(String verifier) {
        if (verifier == null) {
            return null;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static String random(String prefix) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
