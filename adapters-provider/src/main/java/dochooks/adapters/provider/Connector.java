package dochooks.adapters.provider;

import dochooks.adapters.provider.egress.EgressResolver;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import java.net.InetSocketAddress;

/**
 * Opens one HTTP request: resolves and checks the host with the egress resolver, then connects to exactly
 * the checked address, while the {@code Host} header, TLS server name and certificate check use the URL's
 * host. Redirects are never followed.
 */
final class Connector {
    private final Vertx vertx;
    private final EgressResolver resolver;
    private final HttpClientAgent client;
    private final long timeoutMs;

    Connector(Vertx vertx, EgressResolver resolver, HttpClientAgent client, long timeoutMs) {
        this.vertx = vertx;
        this.resolver = resolver;
        this.client = client;
        this.timeoutMs = timeoutMs;
    }

    Vertx vertx() {
        return vertx;
    }

    long timeoutMs() {
        return timeoutMs;
    }

    Future<HttpClientRequest> open(OutboundRequest request) {
        String target = request.target();
        // "METHOD target HTTP/1.1": providers, like dochooks itself, need not accept longer request lines
        if (request.method().name().length() + target.length() + 10 > OutboundHttpClient.MAX_REQUEST_LINE_BYTES) {
            return Future.failedFuture(new IllegalArgumentException("the request line would exceed "
                    + OutboundHttpClient.MAX_REQUEST_LINE_BYTES + " bytes"));
        }
        return resolver.resolve(request.url().getHost()).compose(address -> {
            MultiMap headers = MultiMap.caseInsensitiveMultiMap().addAll(request.headers());
            headers.set(HttpHeaders.HOST, request.hostHeader());
            if (!headers.contains(HttpHeaders.USER_AGENT)) {
                headers.set(HttpHeaders.USER_AGENT, "dochooks");
            }
            RequestOptions options = new RequestOptions()
                    .setMethod(request.method())
                    .setServer(SocketAddress.inetSocketAddress(new InetSocketAddress(address, request.port())))
                    .setHost(request.tlsHost())
                    .setPort(request.port())
                    .setSsl(request.isHttps())
                    .setURI(target)
                    .setHeaders(headers)
                    .setFollowRedirects(false)
                    .setConnectTimeout(timeoutMs);
            return client.request(options);
        });
    }
}
