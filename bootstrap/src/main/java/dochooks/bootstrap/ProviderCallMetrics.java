package dochooks.bootstrap;

import dochooks.adapters.provider.observation.ObservedProviderCall;
import dochooks.adapters.provider.observation.ProviderCallObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Provider calls into the registry: {@code dochooks_provider_calls_total} and
 * {@code dochooks_provider_call_duration_seconds} by endpoint and outcome (and integration id only when the
 * operator opted in with {@code DOCHOOKS_METRICS_PER_INTEGRATION=true}), and
 * {@code dochooks_token_refreshes_total} by outcome. Endpoints and outcomes are closed sets.
 */
final class ProviderCallMetrics implements ProviderCallObserver {
    private static final Duration[] LATENCY_BUCKETS = {
        Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
        Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
        Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60)};

    /** The meters of one label set; the integration id is null unless the operator opted in. */
    private record Key(String endpoint, String outcome, String integration) {
    }

    private record Meters(Counter calls, Timer duration) {
    }

    private final MeterRegistry registry;
    private final boolean perIntegration;
    /**
     * The meters already registered, so that a call costs a map lookup, not two builders and the registry's
     * own lookups (a visible share of a small call). It holds what the registry holds anyway: one entry per
     * label set.
     */
    private final Map<Key, Meters> meters = new ConcurrentHashMap<>();

    ProviderCallMetrics(MeterRegistry registry, boolean perIntegration) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.perIntegration = perIntegration;
    }

    @Override
    public void observe(ObservedProviderCall call) {
        Key key = new Key(call.endpoint(), call.outcome(), perIntegration ? call.integration().toString() : null);
        Meters observed = meters.computeIfAbsent(key, this::register);
        observed.calls().increment();
        observed.duration().record(call.duration());
        if (ObservedProviderCall.TOKEN_REFRESH.equals(call.endpoint())) {
            Counter.builder("dochooks.token.refreshes")
                    .description("Refreshes of users' OAuth2 access tokens, by outcome")
                    .tag("outcome", call.outcome()).register(registry).increment();
        }
    }

    private Meters register(Key key) {
        Tags tags = Tags.of("endpoint", key.endpoint(), "outcome", key.outcome());
        if (key.integration() != null) {
            tags = tags.and("integration", key.integration());
        }
        return new Meters(
                Counter.builder("dochooks.provider.calls")
                        .description("Calls to providers (document protocol and OAuth2 token endpoints), by endpoint and outcome")
                        .tags(tags).register(registry),
                Timer.builder("dochooks.provider.call.duration")
                        .description("Time from a provider call to its answer (a byte stream's: to its head)")
                        .tags(tags).serviceLevelObjectives(LATENCY_BUCKETS).register(registry));
    }
}
