package dochooks.application.integration.service;

import static dochooks.application.testing.Futures.failed;
import static dochooks.application.testing.Futures.succeeded;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dochooks.application.error.IntegrationNotFoundException;
import dochooks.application.testing.Callers;
import dochooks.application.testing.InMemoryIntegrationStore;
import dochooks.application.testing.IntegrationForms;
import dochooks.application.testing.Seeds;
import dochooks.domain.integration.Integration;
import dochooks.domain.integration.IntegrationId;
import dochooks.domain.tenancy.TenantId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GetIntegrationServiceTest {
    private static final TenantId ACME = new TenantId("acme");
    private static final TenantId GLOBEX = new TenantId("globex");
    private static final Instant NOW = Instant.parse("2026-11-23T14:05:00.123Z");

    private final InMemoryIntegrationStore store = new InMemoryIntegrationStore();
    private final GetIntegrationService service = new GetIntegrationService(store);

    @Test
    void showsAnEnabledIntegrationToEveryUserOfTheTenant() {
        Integration enabled = Seeds.stored(store, ACME, IntegrationForms.oauth2(), NOW);

        assertEquals(enabled, succeeded(service.get(Callers.admin(ACME), enabled.id())));
        assertEquals(enabled, succeeded(service.get(Callers.user(ACME), enabled.id())));
    }

    @Test
    void showsADisabledIntegrationOnlyToAdmins() {
        Integration disabled = Seeds.stored(store, ACME, IntegrationForms.apiKey().status("DISABLED"), NOW);

        assertEquals(disabled, succeeded(service.get(Callers.admin(ACME), disabled.id())));
        failed(service.get(Callers.user(ACME), disabled.id()), IntegrationNotFoundException.class);
    }

    @Test
    void hidesAnotherTenantsIntegrationFromEveryone() {
        Integration theirs = Seeds.stored(store, GLOBEX, IntegrationForms.apiKey(), NOW);

        failed(service.get(Callers.admin(ACME), theirs.id()), IntegrationNotFoundException.class);
        failed(service.get(Callers.user(ACME), theirs.id()), IntegrationNotFoundException.class);
        assertEquals(theirs, succeeded(service.get(Callers.user(GLOBEX), theirs.id())));
    }

    @Test
    void findsNothingForAnUnknownId() {
        Seeds.stored(store, ACME, IntegrationForms.apiKey(), NOW);

        failed(service.get(Callers.admin(ACME), IntegrationId.random()), IntegrationNotFoundException.class);
    }
}
