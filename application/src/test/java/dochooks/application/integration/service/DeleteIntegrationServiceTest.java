package dochooks.application.integration.service;

import static dochooks.application.testing.Futures.failed;
import static dochooks.application.testing.Futures.succeeded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dochooks.application.error.ForbiddenException;
import dochooks.application.error.IntegrationNotFoundException;
import dochooks.application.error.PreconditionFailedException;
import dochooks.application.integration.port.in.DeleteIntegrationUseCase.DeleteIntegrationCommand;
import dochooks.application.integration.port.in.IfMatch;
import dochooks.application.testing.Callers;
import dochooks.application.testing.InMemoryIntegrationStore;
import dochooks.application.testing.IntegrationForms;
import dochooks.application.testing.Seeds;
import dochooks.domain.integration.Integration;
import dochooks.domain.integration.IntegrationId;
import dochooks.domain.tenancy.TenantId;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeleteIntegrationServiceTest {
    private static final TenantId ACME = new TenantId("acme");
    private static final TenantId GLOBEX = new TenantId("globex");
    private static final Instant NOW = Instant.parse("2026-11-23T14:05:00.123Z");

    private final InMemoryIntegrationStore store = new InMemoryIntegrationStore();
    private final DeleteIntegrationService service = new DeleteIntegrationService(store, store);

    private Optional<Integration> stored(Integration integration) {
        return succeeded(store.load(integration.tenant(), integration.id()));
    }

    @Test
    void deletesTheIntegrationAndOnlyIt() {
        Integration doomed = Seeds.stored(store, ACME, IntegrationForms.oauth2().name("Doomed"), NOW);
        Integration kept = Seeds.stored(store, ACME, IntegrationForms.oauth2().name("Kept"), NOW);

        succeeded(service.delete(Callers.admin(ACME), new DeleteIntegrationCommand(doomed.id(), IfMatch.ANY)));

        assertTrue(stored(doomed).isEmpty());
        assertEquals(Optional.of(kept), stored(kept));
    }

    @Test
    void findsNothingTheSecondTime() {
        Integration doomed = Seeds.stored(store, ACME, IntegrationForms.apiKey(), NOW);
        succeeded(service.delete(Callers.admin(ACME), new DeleteIntegrationCommand(doomed.id(), IfMatch.ANY)));

        failed(service.delete(Callers.admin(ACME), new DeleteIntegrationCommand(doomed.id(), IfMatch.ANY)),
                IntegrationNotFoundException.class);
    }

    @Test
    void deletesADisabledIntegration() {
        Integration disabled = Seeds.stored(store, ACME, IntegrationForms.apiKey().status("DISABLED"), NOW);

        succeeded(service.delete(Callers.admin(ACME), new DeleteIntegrationCommand(disabled.id(), IfMatch.version(1))));

        assertTrue(stored(disabled).isEmpty());
    }

    @Test
    void forbidsNonAdminsBeforeLookingTheIntegrationUp() {
        Integration integration = Seeds.stored(store, ACME, IntegrationForms.apiKey(), NOW);

        failed(service.delete(Callers.user(ACME), new DeleteIntegrationCommand(integration.id(), IfMatch.ANY)),
                ForbiddenException.class);
        failed(service.delete(Callers.user(ACME), new DeleteIntegrationCommand(IntegrationId.random(), IfMatch.ANY)),
                ForbiddenException.class);
        assertEquals(Optional.of(integration), stored(integration));
    }

    @Test
    void refusesAStaleIfMatchAndKeepsTheIntegration() {
        Integration integration = Seeds.stored(store, ACME, IntegrationForms.apiKey(), NOW);

        failed(service.delete(Callers.admin(ACME), new DeleteIntegrationCommand(integration.id(), IfMatch.version(2))),
                PreconditionFailedException.class);
        assertEquals(Optional.of(integration), stored(integration));
    }

    @Test
    void findsNothingForAnotherTenantAndKeepsTheirIntegration() {
        Integration theirs = Seeds.stored(store, GLOBEX, IntegrationForms.apiKey(), NOW);

        failed(service.delete(Callers.admin(ACME), new DeleteIntegrationCommand(theirs.id(), IfMatch.ANY)),
                IntegrationNotFoundException.class);
        assertEquals(Optional.of(theirs), stored(theirs));
    }

    @Test
    void checksExistenceBeforeIfMatch() {
        failed(service.delete(Callers.admin(ACME), new DeleteIntegrationCommand(IntegrationId.random(),
                IfMatch.version(7))), IntegrationNotFoundException.class);
    }
}
