package dochooks.adapters.provider;

import dochooks.adapters.provider.document.DocumentProviderClient;
import dochooks.adapters.provider.egress.EgressResolver;
import dochooks.adapters.provider.egress.HostLookup;
import dochooks.adapters.provider.resilience.ResilienceView;
import dochooks.adapters.provider.resilience.ResilientDocumentProvider;
import dochooks.application.document.port.out.DocumentProviderPort;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.TrustOptions;

/**
 * The entry of the provider adapter for the composition root: one egress-checked {@link OutboundHttpClient}
 * and the {@link DocumentProviderPort} on top of it, behind each integration's bulkhead, circuit breaker and
 * read retries ({@link ResilientDocumentProvider}).
 */
public final class ProviderAdapter {
    private final OutboundHttpClient http;
    private final ResilientDocumentProvider documents;

    private ProviderAdapter(Vertx vertx, OutboundHttpClient http, ProviderSettings settings) {
        this.http = http;
        this.documents = new ResilientDocumentProvider(vertx, new DocumentProviderClient(http), settings.resilience(),
                settings.timeout());
    }

    /** With the system's resolver and the JVM's trusted certificate authorities. */
    public static ProviderAdapter create(Vertx vertx, ProviderSettings settings) {
        return create(vertx, settings, HostLookup.system(), null);
    }

    /** With a given name lookup and trusted authorities (null: the JVM's), e.g. for tests. */
    public static ProviderAdapter create(Vertx vertx, ProviderSettings settings, HostLookup lookup, TrustOptions trust) {
        EgressResolver resolver = new EgressResolver(vertx, settings.egressPolicy(), lookup);
        return new ProviderAdapter(vertx,
                new OutboundHttpClient(vertx, resolver, settings.timeout(), trust, settings.limits()), settings);
    }

    public DocumentProviderPort documents() {
        return documents;
    }

    /** The state of every integration's bulkhead and circuit breaker, for metrics. */
    public ResilienceView resilience() {
        return documents;
    }

    /** The one outbound client, for the other outbound adapters (token endpoint, reachability checks). */
    public OutboundHttpClient http() {
        return http;
    }

    public Future<Void> close() {
        return http.close();
    }
}
