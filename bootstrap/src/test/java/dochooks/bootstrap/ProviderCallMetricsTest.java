package dochooks.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dochooks.adapters.provider.observation.ObservedProviderCall;
import dochooks.domain.integration.IntegrationId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProviderCallMetricsTest {
    private final IntegrationId integration = new IntegrationId(UUID.randomUUID());

    @Test
    void callsAreCountedAndTimedByEndpointAndOutcomeWithoutTheIntegration() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ProviderCallMetrics metrics = new ProviderCallMetrics(registry, false);

        metrics.observe(new ObservedProviderCall(integration, "files", "ok", Duration.ofMillis(40)));
        metrics.observe(new ObservedProviderCall(new IntegrationId(UUID.randomUUID()), "files", "ok",
                Duration.ofMillis(60)));
        metrics.observe(new ObservedProviderCall(integration, "files", "timeout", Duration.ofSeconds(3)));

        assertEquals(2, registry.get("dochooks.provider.calls").tags("endpoint", "files", "outcome", "ok")
                .counter().count());
        assertEquals(1, registry.get("dochooks.provider.calls").tags("outcome", "timeout").counter().count());
        assertEquals(100, registry.get("dochooks.provider.call.duration").tags("outcome", "ok").timer()
                .totalTime(java.util.concurrent.TimeUnit.MILLISECONDS), 0.001);
        assertNull(registry.find("dochooks.provider.calls").tagKeys("integration").counter());
        assertNull(registry.find("dochooks.token.refreshes").counter(), "no refresh was made");
    }

    @Test
    void tokenRefreshesAreCountedByOutcome() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ProviderCallMetrics metrics = new ProviderCallMetrics(registry, false);

        metrics.observe(new ObservedProviderCall(integration, ObservedProviderCall.TOKEN_REFRESH, "ok", Duration.ZERO));
        metrics.observe(new ObservedProviderCall(integration, ObservedProviderCall.TOKEN_REFRESH, "refused",
                Duration.ZERO));
        metrics.observe(new ObservedProviderCall(integration, ObservedProviderCall.TOKEN_REDEEM, "ok", Duration.ZERO));

        assertEquals(1, registry.get("dochooks.token.refreshes").tag("outcome", "ok").counter().count());
        assertEquals(1, registry.get("dochooks.token.refreshes").tag("outcome", "refused").counter().count());
        assertEquals(2, registry.get("dochooks.token.refreshes").counters().size(), "a redemption is no refresh");
    }

    @Test
    void theOperatorMayAddTheIntegration() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ProviderCallMetrics metrics = new ProviderCallMetrics(registry, true);

        metrics.observe(new ObservedProviderCall(integration, "search", "ok", Duration.ofMillis(5)));

        assertEquals(1, registry.get("dochooks.provider.calls")
                .tags("endpoint", "search", "integration", integration.toString()).counter().count());
    }
}
