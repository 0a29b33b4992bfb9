package dochooks.application.document.port.out;

import dochooks.domain.integration.ProviderUrl;
import io.vertx.core.Future;

/**
 * Checks that an OAuth2 endpoint (authentication URL, token endpoint URL) answers at all, for the connection
 * test: one plain {@code GET} of the URL as registered, without parameters, credentials or grant, through the
 * egress policy, redirects not followed.
 */
public interface EndpointProbePort {

    /**
     * The HTTP status the endpoint answered; any status (a 405 or 400 included) means reachable. Fails with
     * {@link dochooks.application.error.ProviderUnreachableException} (DNS, refused connection, TLS),
     * {@link dochooks.application.error.ProviderTimeoutException} (no answer in time) or
     * {@link dochooks.application.error.ProviderAddressBlockedException} (the egress policy refused the address).
     */
    Future<Integer> probe(ProviderUrl url);
}
