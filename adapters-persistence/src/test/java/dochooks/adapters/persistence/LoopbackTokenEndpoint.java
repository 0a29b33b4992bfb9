package dochooks.adapters.persistence;

import dochooks.application.connection.port.out.AuthorizationCode;
import dochooks.application.connection.port.out.TokenEndpointPort;
import dochooks.application.connection.port.out.TokenGrant;
import dochooks.application.error.ProviderErrorException;
import dochooks.domain.integration.Integration;
import dochooks.domain.integration.Secret;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A refresh-token grant over real HTTP on loopback, for the lease tests of this module: a Vert.x server that
 * counts every token call, rotates the refresh token (the old one is refused afterwards, as a strict provider
 * does) and can hang; and a minimal {@link TokenEndpointPort} client for it. (The module may not use the provider
 * adapter, which has the real client and a complete OAuth2 server; bootstrap's end-to-end tests use those.)
 */
final class LoopbackTokenEndpoint implements TokenEndpointPort {
    private record Held(HttpServerRequest request, Buffer body) {
    }

    private final Vertx vertx;
    private final HttpServer server;
    private final HttpClient client;
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger issued = new AtomicInteger();
    private final AtomicBoolean hanging = new AtomicBoolean();
    private final List<Held> held = new CopyOnWriteArrayList<>();
    private volatile String currentRefreshToken;

    private LoopbackTokenEndpoint(Vertx vertx, String refreshToken) {
        this.vertx = vertx;
        this.currentRefreshToken = refreshToken;
        this.server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            calls.incrementAndGet();
            if (hanging.get()) {
                held.add(new Held(request, body));
                return;
            }
            answer(request, body);
        }));
        this.client = vertx.createHttpClient();
    }

    /** A started endpoint whose current refresh token is {@code refreshToken}. */
    static LoopbackTokenEndpoint start(Vertx vertx, String refreshToken) {
        LoopbackTokenEndpoint endpoint = new LoopbackTokenEndpoint(vertx, refreshToken);
        Await.result(endpoint.server.listen(0, "127.0.0.1"));
        return endpoint;
    }

    private void answer(HttpServerRequest request, Buffer body) {
        MultiMap form = MultiMap.caseInsensitiveMultiMap();
        for (String pair : body.toString(StandardCharsets.UTF_8).split("&")) {
            int equals = pair.indexOf('=');
            form.add(java.net.URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    java.net.URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        String presented = form.get("refresh_token");
        JsonObject answer;
        synchronized (this) {
            if (!"refresh_token".equals(form.get("grant_type")) || presented == null
                    || !presented.equals(currentRefreshToken)) {
                request.response().setStatusCode(400).putHeader("Content-Type", "application/json")
                        .end(new JsonObject().put("error", "invalid_grant").encode());
                return;
            }
            int n = issued.incrementAndGet();
            currentRefreshToken = "rotated-refresh-" + n;
            answer = new JsonObject().put("access_token", "fresh-access-" + n)
                    .put("refresh_token", currentRefreshToken).put("expires_in", 3600).put("token_type", "Bearer");
        }
        request.response().putHeader("Content-Type", "application/json").end(answer.encode());
    }

    /** Token calls are accepted and left unanswered until {@link #answerHeld()}. */
    void hang() {
        hanging.set(true);
    }

    void answerHeld() {
        hanging.set(false);
        for (Held call : held) {
            answer(call.request(), call.body());
        }
        held.clear();
    }

    int calls() {
        return calls.get();
    }

    String currentRefreshToken() {
        return currentRefreshToken;
    }

    Future<Void> close() {
        return client.close().compose(closed -> server.close());
    }

    @Override
    public Future<TokenGrant> redeem(Integration integration, AuthorizationCode code) {
        return Future.failedFuture(new UnsupportedOperationException("this endpoint only refreshes"));
    }

    @Override
    public Future<TokenGrant> refresh(Integration integration, Secret refreshToken) {
        String form = "grant_type=refresh_token&refresh_token="
                + URLEncoder.encode(refreshToken.reveal(), StandardCharsets.UTF_8);
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1")
                .setPort(server.actualPort()).setURI("/token")
                .putHeader("Content-Type", "application/x-www-form-urlencoded");
        // on a context, so that the response's handlers are set before its body can arrive
        io.vertx.core.Promise<TokenGrant> answered = io.vertx.core.Promise.promise();
        vertx.runOnContext(v -> call(options, form).onComplete(answered));
        return answered.future();
    }

    private Future<TokenGrant> call(RequestOptions options, String form) {
        return client.request(options)
                .compose(request -> request.send(Buffer.buffer(form)))
                .compose(response -> response.body().map(body -> {
                    JsonObject json = new JsonObject(body);
                    if (response.statusCode() == 400) {
                        return (TokenGrant) new TokenGrant.Refused(400, json.getString("error"), null);
                    }
                    if (response.statusCode() != 200) {
                        throw new ProviderErrorException(response.statusCode(), null);
                    }
                    return new TokenGrant.Issued(Secret.of(json.getString("access_token")),
                            Secret.of(json.getString("refresh_token")), json.getLong("expires_in"));
                }));
    }
}
