package dochooks.application.document.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dochooks.application.document.port.in.GetServiceInfoUseCase.ServiceInfoQuery;
import dochooks.application.document.testing.DocumentWorld;
import dochooks.application.error.IntegrationDisabledException;
import dochooks.application.error.IntegrationNotFoundException;
import dochooks.application.error.ProviderNotFoundException;
import dochooks.application.testing.Futures;
import dochooks.application.testing.IntegrationForms;
import dochooks.domain.document.ProviderEndpoint;
import dochooks.domain.document.ServiceInfo;
import dochooks.domain.integration.Integration;
import java.util.List;
import org.junit.jupiter.api.Test;

class GetServiceInfoServiceTest {
    private final DocumentWorld world = new DocumentWorld();

    @Test
    void anOAuth2IntegrationAnswersWithoutAConnectionAndWithoutCredentials() {
        Integration integration = world.oauth2();
        ServiceInfo info = new ServiceInfo("1.2", "3.1", "Acme", List.of("files", "search"), List.of());
        world.provider.succeedWith(ProviderEndpoint.SERVICE_INFO, info);

        assertEquals(info, Futures.succeeded(world.serviceInfo.serviceInfo(world.user,
                new ServiceInfoQuery(integration.id()))));
        assertTrue(world.provider.calls().get(0).anonymous());
        assertEquals(0, world.tokens.reads(), "no connection is looked up");
    }

    @Test
    void anApiKeyIntegrationIsAskedWithoutTheKey() {
        Integration integration = world.apiKey();
        Futures.succeeded(world.serviceInfo.serviceInfo(world.user, new ServiceInfoQuery(integration.id())));

        assertTrue(world.provider.calls().get(0).anonymous());
    }

    @Test
    void theIntegrationRulesStillApply() {
        Integration disabled = world.stored(DocumentWorld.ACME, IntegrationForms.oauth2().status("DISABLED"));
        Futures.failed(world.serviceInfo.serviceInfo(world.user, new ServiceInfoQuery(disabled.id())),
                IntegrationNotFoundException.class);
        Futures.failed(world.serviceInfo.serviceInfo(world.admin, new ServiceInfoQuery(disabled.id())),
                IntegrationDisabledException.class);
        assertTrue(world.provider.calls().isEmpty());
    }

    @Test
    void aProviderWithoutTheEndpointIsNotFound() {
        Integration integration = world.apiKey();
        world.provider.failWith(ProviderEndpoint.SERVICE_INFO, new ProviderNotFoundException("no serviceInfo"));

        Futures.failed(world.serviceInfo.serviceInfo(world.user, new ServiceInfoQuery(integration.id())),
                ProviderNotFoundException.class);
    }
}
