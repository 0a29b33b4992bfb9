package dochooks.adapters.provider;

import dochooks.application.document.port.out.EndpointProbePort;
import dochooks.domain.integration.ProviderUrl;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import java.util.Objects;

/**
 * {@link EndpointProbePort} through the {@link OutboundHttpClient}: a {@code GET} of the URL as registered,
 * without credentials; once the answer's head arrives its status is the result and the body is not read (the
 * connection is reset), so a large or endless page costs nothing.
 */
public final class HttpEndpointProbe implements EndpointProbePort {
    private final OutboundHttpClient http;

    public HttpEndpointProbe(OutboundHttpClient http) {
        this.http = Objects.requireNonNull(http, "http");
    }

    @Override
    public Future<Integer> probe(ProviderUrl url) {
        OutboundRequest request;
        try {
            request = new OutboundRequest(HttpMethod.GET, url.uri(),
                    MultiMap.caseInsensitiveMultiMap().set(HttpHeaders.ACCEPT, "*/*"));
        } catch (IllegalArgumentException unusable) {
            return Future.failedFuture(unusable);
        }
        return http.open(request).map(answer -> {
            answer.abort();
            return answer.status();
        });
    }
}
