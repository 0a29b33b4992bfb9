package dochooks.adapters.provider;

import dochooks.adapters.provider.document.DocumentProviderClient;
import dochooks.adapters.provider.egress.EgressResolver;
import dochooks.adapters.provider.egress.HostLookup;
import dochooks.adapters.provider.oauth2.OAuth2TokenClient;
import dochooks.adapters.provider.observation.ObservedDocumentProvider;
import dochooks.adapters.provider.observation.ObservedTokenEndpoint;
import dochooks.adapters.provider.observation.ProviderCallObserver;
import dochooks.application.connection.port.out.TokenEndpointPort;
import dochooks.adapters.provider.resilience.ResilienceView;
import dochooks.adapters.provider.resilience.ResilientDocumentProvider;
import dochooks.application.document.port.out.DocumentProviderPort;
import dochooks.application.document.port.out.EndpointProbePort;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.TrustOptions;

/**
 * The entry of the provider adapter for the composition root: one egress-checked {@link OutboundHttpClient}
 * and the ports on top of it: the document protocol ({@link #documents()}) behind each integration's bulkhead,
 * circuit breaker and read retries ({@link ResilientDocumentProvider}), OAuth2 token endpoints
 * ({@link #tokenEndpoint()}) and the connection test's reachability checks ({@link #endpointProbe()}).
 * Every document and token call is logged and told to a {@link ProviderCallObserver} (metrics).
 */
public final class ProviderAdapter {
    private final OutboundHttpClient http;
    private final ResilientDocumentProvider resilient;
    private final DocumentProviderPort documents;
    private final TokenEndpointPort tokenEndpoint;
    private final EndpointProbe endpointProbe;

    private ProviderAdapter(Vertx vertx, OutboundHttpClient http, ProviderSettings settings,
            ProviderCallObserver observer) {
        this.http = http;
        this.resilient = new ResilientDocumentProvider(vertx, new DocumentProviderClient(http), settings.resilience(),
                settings.timeout());
        this.documents = new ObservedDocumentProvider(resilient, observer);
        this.tokenEndpoint = new ObservedTokenEndpoint(new OAuth2TokenClient(http), observer);
        this.endpointProbe = new EndpointProbe(http);
    }

    /** With the system's resolver and the JVM's trusted certificate authorities. */
    public static ProviderAdapter create(Vertx vertx, ProviderSettings settings) {
        return create(vertx, settings, ProviderCallObserver.none());
    }

    /** With the system's resolver and the JVM's trusted certificate authorities, each call told to {@code observer}. */
    public static ProviderAdapter create(Vertx vertx, ProviderSettings settings, ProviderCallObserver observer) {
        return create(vertx, settings, HostLookup.system(), null, observer);
    }

    /** With a given name lookup and trusted authorities (null: the JVM's), e.g. for tests. */
    public static ProviderAdapter create(Vertx vertx, ProviderSettings settings, HostLookup lookup, TrustOptions trust) {
        return create(vertx, settings, lookup, trust, ProviderCallObserver.none());
    }

    /** With a given name lookup, trusted authorities (null: the JVM's) and observer, e.g. for tests. */
    public static ProviderAdapter create(Vertx vertx, ProviderSettings settings, HostLookup lookup, TrustOptions trust,
            ProviderCallObserver observer) {
        EgressResolver resolver = new EgressResolver(vertx, settings.egressPolicy(), lookup);
        return new ProviderAdapter(vertx,
                new OutboundHttpClient(vertx, resolver, settings.timeout(), trust, settings.limits()), settings,
                observer);
    }

    public DocumentProviderPort documents() {
        return documents;
    }

    /** Integrations' OAuth2 token endpoints: code redemption and refresh, credentials in the form body. */
    public TokenEndpointPort tokenEndpoint() {
        return tokenEndpoint;
    }

    /** A plain GET of an OAuth2 endpoint, for the connection test: any HTTP status means reachable. */
    public EndpointProbePort endpointProbe() {
        return endpointProbe;
    }

    /** The state of every integration's bulkhead and circuit breaker, for metrics. */
    public ResilienceView resilience() {
        return resilient;
    }

    /** The one outbound client, for the other outbound adapters (token endpoint, reachability checks). */
    public OutboundHttpClient http() {
        return http;
    }

    public Future<Void> close() {
        return http.close();
    }
}
