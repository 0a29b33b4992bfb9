package dochooks.adapters.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answered HTTP requests in the Micrometer registry that {@code /metrics} renders:
 * {@code dochooks_http_requests_total} (a counter) and {@code dochooks_http_request_duration_seconds} (a
 * histogram with fixed buckets), both labelled by route template (never a concrete path, so no id reaches a
 * label), method and status. Unknown methods share one label, so that a client cannot grow the label set at
 * will: the number of series is bounded by routes × methods × statuses whatever the traffic.
 */
final class HttpMetrics {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    static final String UNMATCHED = "unmatched";
    private static final Set<String> KNOWN_METHODS =
            Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT");
    /** Bucket bounds of the latency histogram: few and fixed, from a fast cache hit to the provider timeout. */
    private static final Duration[] LATENCY_BUCKETS = {
        Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
        Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
        Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30)};

    private record Key(String route, String method, int status) {
    }

    private record Meters(Counter requests, Timer latency) {
    }

    private final PrometheusMeterRegistry registry;
    private final Map<Key, Meters> meters = new ConcurrentHashMap<>();

    HttpMetrics(PrometheusMeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    void countRequest(String routeTemplate, String method, int status, Duration took) {
        String methodLabel = KNOWN_METHODS.contains(method) ? method : "OTHER";
        Meters answered = meters.computeIfAbsent(new Key(routeTemplate, methodLabel, status), this::register);
        answered.requests().increment();
        answered.latency().record(took);
    }

    private Meters register(Key key) {
        Tags tags = Tags.of("route", key.route(), "method", key.method(), "status", Integer.toString(key.status()));
        return new Meters(
                Counter.builder("dochooks.http.requests")
                        .description("HTTP requests answered, by route template, method and status")
                        .tags(tags).register(registry),
                Timer.builder("dochooks.http.request.duration")
                        .description("Time from a request's arrival to the end of its answer")
                        .tags(tags).serviceLevelObjectives(LATENCY_BUCKETS).register(registry));
    }

    /** The Prometheus text exposition of the whole registry (HTTP, provider, pool and JVM metrics). */
    String render() {
        return registry.scrape();
    }
}
