package dochooks.application.integration.service;

import static dochooks.application.testing.Futures.failed;
import static dochooks.application.testing.Futures.succeeded;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dochooks.application.error.ForbiddenException;
import dochooks.application.error.IntegrationNotFoundException;
import dochooks.application.error.PreconditionFailedException;
import dochooks.application.integration.port.in.ChangeIntegrationStatusUseCase.ChangeIntegrationStatusCommand;
import dochooks.application.integration.port.in.IfMatch;
import dochooks.application.testing.Callers;
import dochooks.application.testing.InMemoryIntegrationStore;
import dochooks.application.testing.IntegrationForms;
import dochooks.application.testing.Seeds;
import dochooks.application.testing.TestClock;
import dochooks.domain.integration.Integration;
import dochooks.domain.integration.IntegrationId;
import dochooks.domain.integration.IntegrationStatus;
import dochooks.domain.tenancy.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChangeIntegrationStatusServiceTest {
    private static final TenantId ACME = new TenantId("acme");
    private static final TenantId GLOBEX = new TenantId("globex");
    private static final Instant START = Instant.parse("2026-11-23T14:05:00.123Z");

    private final InMemoryIntegrationStore store = new InMemoryIntegrationStore();
    private final TestClock clock = new TestClock(START);
    private final ChangeIntegrationStatusService service = new ChangeIntegrationStatusService(store, store, clock);

    private Integration stored(Integration integration) {
        return succeeded(store.load(integration.tenant(), integration.id())).orElseThrow();
    }

    private static ChangeIntegrationStatusCommand command(Integration integration, IntegrationStatus status) {
        return new ChangeIntegrationStatusCommand(integration.id(), status, IfMatch.ANY);
    }

    @Test
    void disablesAnEnabledIntegrationAsANewVersion() {
        Integration integration = Seeds.stored(store, ACME, IntegrationForms.oauth2(), START);
        clock.advance(Duration.ofMinutes(5));

        Integration disabled = succeeded(service.changeStatus(Callers.admin(ACME),
                command(integration, IntegrationStatus.DISABLED)));

        assertEquals(IntegrationStatus.DISABLED, disabled.status());
        assertEquals(2, disabled.version());
        assertEquals(START.plus(Duration.ofMinutes(5)), disabled.updatedAt());
        assertEquals(disabled, stored(integration));
        assertEquals(0, store.connectionDropsOf(ACME, integration.id()));
    }

    @Test
    void isIdempotent() {
        Integration integration = Seeds.stored(store, ACME, IntegrationForms.oauth2(), START);
        Integration disabled = succeeded(service.changeStatus(Callers.admin(ACME),
                command(integration, IntegrationStatus.DISABLED)));
        clock.advance(Duration.ofMinutes(5));

        Integration again = succeeded(service.changeStatus(Callers.admin(ACME),
                new ChangeIntegrationStatusCommand(integration.id(), IntegrationStatus.DISABLED, IfMatch.version(2))));

        assertEquals(disabled, again);
        assertEquals(2, again.version());
        assertEquals(disabled.updatedAt(), again.updatedAt());
        assertEquals(disabled, stored(integration));
    }

    @Test
    void enablingAnEnabledIntegrationChangesNothing() {
        Integration integration = Seeds.stored(store, ACME, IntegrationForms.apiKey(), START);
        clock.advance(Duration.ofMinutes(5));

        Integration same = succeeded(service.changeStatus(Callers.admin(ACME),
                new ChangeIntegrationStatusCommand(integration.id(), IntegrationStatus.ENABLED, IfMatch.version(1))));

        assertEquals(integration, same);
        assertEquals(integration, stored(integration));
    }

    @Test
    void enablesADisabledIntegration() {
        Integration integration = Seeds.stored(store, ACME, IntegrationForms.apiKey().status("DISABLED"), START);

        Integration enabled = succeeded(service.changeStatus(Callers.admin(ACME),
                command(integration, IntegrationStatus.ENABLED)));

        assertEquals(IntegrationStatus.ENABLED, enabled.status());
        assertEquals(2, enabled.version());
        assertEquals(enabled, stored(integration));
    }

    @Test
    void forbidsNonAdminsBeforeLookingTheIntegrationUp() {
        Integration integration = Seeds.stored(store, ACME, IntegrationForms.apiKey(), START);

        failed(service.changeStatus(Callers.user(ACME), command(integration, IntegrationStatus.DISABLED)),
                ForbiddenException.class);
        failed(service.changeStatus(Callers.user(ACME), new ChangeIntegrationStatusCommand(IntegrationId.random(),
                IntegrationStatus.DISABLED, IfMatch.version(99))), ForbiddenException.class);
        assertEquals(integration, stored(integration));
    }

    @Test
    void refusesAStaleIfMatchAndChangesNothing() {
        Integration integration = Seeds.stored(store, ACME, IntegrationForms.apiKey(), START);

        failed(service.changeStatus(Callers.admin(ACME), new ChangeIntegrationStatusCommand(integration.id(),
                IntegrationStatus.DISABLED, IfMatch.version(2))), PreconditionFailedException.class);
        assertEquals(integration, stored(integration));
    }

    @Test
    void findsNeitherUnknownNorAnotherTenantsIntegrations() {
        Integration theirs = Seeds.stored(store, GLOBEX, IntegrationForms.apiKey(), START);

        failed(service.changeStatus(Callers.admin(ACME), command(theirs, IntegrationStatus.DISABLED)),
                IntegrationNotFoundException.class);
        failed(service.changeStatus(Callers.admin(ACME), new ChangeIntegrationStatusCommand(IntegrationId.random(),
                IntegrationStatus.DISABLED, IfMatch.ANY)), IntegrationNotFoundException.class);
        assertEquals(Optional.of(theirs), succeeded(store.load(GLOBEX, theirs.id())));
    }
}
