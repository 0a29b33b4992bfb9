package dochooks.bootstrap;

import dochooks.adapters.provider.observation.ObservedProviderCall;
import dochooks.adapters.provider.observation.ProviderCallObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Objects;

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

    private final MeterRegistry registry;
    private final boolean perIntegration;

    ProviderCallMetrics(MeterRegistry registry, boolean perIntegration) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.perIntegration = perIntegration;
    }

    @Override
    public void observe(ObservedProviderCall call) {
        Tags tags = Tags.of("endpoint", call.endpoint(), "outcome", call.outcome());
        if (perIntegration) {
            tags = tags.and("integration", call.integration().toString());
        }
        // the registry keeps one meter per name and tags: these lookups find the existing ones
        Counter.builder("dochooks.provider.calls")
                .description("Calls to providers (document protocol and OAuth2 token endpoints), by endpoint and outcome")
                .tags(tags).register(registry).increment();
        Timer.builder("dochooks.provider.call.duration")
                .description("Time from a provider call to its answer (a byte stream's: to its head)")
                .tags(tags).serviceLevelObjectives(LATENCY_BUCKETS).register(registry).record(call.duration());
        if (ObservedProviderCall.TOKEN_REFRESH.equals(call.endpoint())) {
            Counter.builder("dochooks.token.refreshes")
                    .description("Refreshes of users' OAuth2 access tokens, by outcome")
                    .tag("outcome", call.outcome()).register(registry).increment();
        }
    }
}
