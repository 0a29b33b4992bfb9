package dochooks.bootstrap;

import dochooks.adapters.provider.resilience.BreakerState;
import dochooks.adapters.provider.resilience.IntegrationResilience;
import dochooks.adapters.provider.resilience.ResilienceView;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Circuit breakers into the registry. Always {@code dochooks_provider_circuit_breakers{state}}: how many
 * integrations' breakers are in each state, read at each scrape. With {@code DOCHOOKS_METRICS_PER_INTEGRATION=true}
 * also {@code dochooks_provider_circuit_breaker_state{integration,state}}: 1 for the state each integration's
 * breaker is in, 0 for the others, brought up to date by {@link #refresh()}.
 */
final class CircuitBreakerMetrics {
    private final ResilienceView view;
    private final MultiGauge perIntegration;

    private CircuitBreakerMetrics(ResilienceView view, MultiGauge perIntegration) {
        this.view = view;
        this.perIntegration = perIntegration;
    }

    static CircuitBreakerMetrics register(MeterRegistry registry, ResilienceView view, boolean perIntegration) {
        Objects.requireNonNull(view, "view");
        for (BreakerState state : BreakerState.values()) {
            Gauge.builder("dochooks.provider.circuit.breakers", view, v -> count(v, state))
                    .description("Integrations whose provider circuit breaker is in this state")
                    .tag("state", label(state)).register(registry);
        }
        MultiGauge perIntegrationGauge = perIntegration
                ? MultiGauge.builder("dochooks.provider.circuit.breaker.state")
                        .description("1 for the state of this integration's circuit breaker, 0 for the others")
                        .register(registry)
                : null;
        return new CircuitBreakerMetrics(view, perIntegrationGauge);
    }

    /** Brings the per-integration gauge up to date (nothing when not opted in). */
    void refresh() {
        if (perIntegration == null) {
            return;
        }
        List<MultiGauge.Row<?>> rows = view.integrations().stream()
                .flatMap(integration -> Arrays.stream(BreakerState.values())
                        .<MultiGauge.Row<?>>map(state -> row(integration, state)))
                .toList();
        perIntegration.register(rows, true);
    }

    private static MultiGauge.Row<?> row(IntegrationResilience integration, BreakerState state) {
        return MultiGauge.Row.of(Tags.of("integration", integration.integration().toString(), "state", label(state)),
                integration.breaker() == state ? 1 : 0);
    }

    private static double count(ResilienceView view, BreakerState state) {
        return view.integrations().stream().filter(integration -> integration.breaker() == state).count();
    }

    private static String label(BreakerState state) {
        return state.name().toLowerCase(Locale.ROOT);
    }
}
