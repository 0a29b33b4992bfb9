package dochooks.bootstrap;

import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MetricsDomain;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one metrics registry of a process, which {@code /metrics} renders, and the Vert.x instance that reports
 * into it (vertx-micrometer-metrics). Vert.x reports its pools only (the database pool's usage, the worker
 * pools): the HTTP API counts its requests by route template itself, and Vert.x's own HTTP, TCP and event-bus
 * metrics would label by address or path, which could grow without bound.
 */
final class Observability {
    private static final Set<MetricsDomain> REPORTED_BY_VERTX = EnumSet.of(MetricsDomain.NAMED_POOLS);

    private final PrometheusMeterRegistry registry;

    Observability() {
        this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    PrometheusMeterRegistry registry() {
        return registry;
    }

    /** A Vert.x instance whose pool metrics go to {@link #registry()}. */
    Vertx newVertx() {
        Set<String> disabled = EnumSet.complementOf(EnumSet.copyOf(REPORTED_BY_VERTX)).stream()
                .map(MetricsDomain::toCategory).collect(Collectors.toSet());
        MicrometerMetricsOptions metrics = new MicrometerMetricsOptions()
                .setEnabled(true)
                .setDisabledMetricsCategories(disabled);
        return Vertx.builder()
                .with(new VertxOptions().setMetricsOptions(metrics))
                .withMetrics(new MicrometerMetricsFactory(registry))
                .build();
    }
}
