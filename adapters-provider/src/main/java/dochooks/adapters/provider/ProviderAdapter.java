package dochooks.adapters.provider;

import dochooks.adapters.provider.document.DocumentProviderClient;
import dochooks.adapters.provider.egress.EgressResolver;
import dochooks.adapters.provider.egress.HostLookup;
import dochooks.application.document.port.out.DocumentProviderPort;
import dochooks.application.document.port.out.EndpointProbePort;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.TrustOptions;

/**
 * The entry of the provider adapter for the composition root: one egress-checked {@link OutboundHttpClient}
 * and the {@link DocumentProviderPort} and {@link EndpointProbePort} on top of it.
 */
public final class ProviderAdapter {
    private final OutboundHttpClient http;
    private final DocumentProviderClient documents;
    private final EndpointProbe endpointProbe;

    private ProviderAdapter(OutboundHttpClient http) {
        this.http = http;
        this.documents = new DocumentProviderClient(http);
        this.endpointProbe = new EndpointProbe(http);
    }

    /** With the system's resolver and the JVM's trusted certificate authorities. */
    public static ProviderAdapter create(Vertx vertx, ProviderSettings settings) {
        return create(vertx, settings, HostLookup.system(), null);
    }

    /** With a given name lookup and trusted authorities (null: the JVM's), e.g. for tests. */
    public static ProviderAdapter create(Vertx vertx, ProviderSettings settings, HostLookup lookup, TrustOptions trust) {
        EgressResolver resolver = new EgressResolver(vertx, settings.egressPolicy(), lookup);
        return new ProviderAdapter(new OutboundHttpClient(vertx, resolver, settings.timeout(), trust));
    }

    public DocumentProviderPort documents() {
        return documents;
    }

    /** The connection test's reachability check of OAuth2 endpoints. */
    public EndpointProbePort endpointProbe() {
        return endpointProbe;
    }

    /** The one outbound client, for the other outbound adapters (token endpoint, reachability checks). */
    public OutboundHttpClient http() {
        return http;
    }

    public Future<Void> close() {
        return http.close();
    }
}
