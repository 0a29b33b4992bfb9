package dochooks.adapters.provider;

import dochooks.application.document.port.out.EndpointProbePort;
import dochooks.application.error.ProviderUnreachableException;
import dochooks.domain.integration.ProviderUrl;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import java.util.Objects;

/**
 * {@link EndpointProbePort} over the one {@link OutboundHttpClient}: a plain {@code GET} of the URL as registered
 * (no parameters added, no credentials, no grant), through the egress policy, redirects not followed. Only the
 * answer's status matters: the body is never read, the connection is reset once the head arrived, so an
 * endpoint that answers with an endless body costs nothing.
 */
public final class EndpointProbe implements EndpointProbePort {
    private final OutboundHttpClient http;

    public EndpointProbe(OutboundHttpClient http) {
        this.http = Objects.requireNonNull(http, "http");
    }

    @Override
    public Future<Integer> probe(ProviderUrl url) {
        OutboundRequest request;
        try {
            request = OutboundRequest.of(HttpMethod.GET, url.value()).withHeader(HttpHeaders.ACCEPT.toString(), "*/*");
        } catch (IllegalArgumentException notCallable) {
            return Future.failedFuture(new ProviderUnreachableException("the URL cannot be called"));
        }
        return http.open(request)
                .map(answer -> {
                    answer.abort(); // the status is all the probe wants
                    return answer.status();
                })
                .recover(failure -> Future.failedFuture(failure instanceof IllegalArgumentException
                        ? new ProviderUnreachableException("the URL cannot be called")
                        : failure));
    }
}
