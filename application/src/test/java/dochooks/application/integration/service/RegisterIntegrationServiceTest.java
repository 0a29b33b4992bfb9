package dochooks.application.integration.service;

import static dochooks.application.testing.Futures.failed;
import static dochooks.application.testing.Futures.succeeded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dochooks.application.error.ForbiddenException;
import dochooks.application.error.NameTakenException;
import dochooks.application.integration.port.in.RegisterIntegrationUseCase.RegisterIntegrationCommand;
import dochooks.application.testing.Callers;
import dochooks.application.testing.InMemoryIntegrationStore;
import dochooks.application.testing.IntegrationForms;
import dochooks.application.testing.TestClock;
import dochooks.domain.integration.ApiKeyStrategy;
import dochooks.domain.integration.Integration;
import dochooks.domain.integration.IntegrationStatus;
import dochooks.domain.integration.OAuth2Strategy;
import dochooks.domain.integration.RedirectUri;
import dochooks.domain.integration.UrlPolicy;
import dochooks.domain.tenancy.TenantId;
import dochooks.domain.validation.FieldViolation;
import dochooks.domain.validation.Rule;
import dochooks.domain.validation.ValidationException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RegisterIntegrationServiceTest {
    private static final TenantId ACME = new TenantId("acme");
    private static final TenantId GLOBEX = new TenantId("globex");
    private static final RedirectUri REDIRECT = RedirectUri.under("https://dochooks.acme.example");

    private final InMemoryIntegrationStore store = new InMemoryIntegrationStore();
    private final TestClock clock = new TestClock(Instant.parse("2026-11-23T14:05:00.123456Z"));
    private final RegisterIntegrationService service = new RegisterIntegrationService(store, UrlPolicy.HTTPS_ONLY,
            REDIRECT, clock);

    private static RegisterIntegrationCommand command(IntegrationForms form) {
        return new RegisterIntegrationCommand(form.build(), Map.of(), List.of());
    }

    private List<Integration> storedOf(TenantId tenant) {
        return succeeded(store.list(tenant, Optional.empty(), Optional.empty(), 1000));
    }

    @Test
    void storesAnOAuth2IntegrationAtVersionOneForTheCallersTenant() {
        Integration created = succeeded(service.register(Callers.admin(ACME), command(IntegrationForms.oauth2())));

        assertEquals(1, created.version());
        assertEquals(ACME, created.tenant());
        assertEquals(Instant.parse("2026-11-23T14:05:00.123Z"), created.createdAt());
        assertEquals(created.createdAt(), created.updatedAt());
        assertEquals(IntegrationStatus.ENABLED, created.status());
        OAuth2Strategy auth = assertInstanceOf(OAuth2Strategy.class, created.settings().auth());
        assertEquals(IntegrationForms.CLIENT_SECRET, auth.clientSecret().reveal());
        assertEquals(Optional.of(created), succeeded(store.load(ACME, created.id())));
    }

    @Test
    void storesAnApiKeyIntegrationDisabledWhenAsked() {
        Integration created = succeeded(service.register(Callers.admin(ACME),
                command(IntegrationForms.apiKey().status("DISABLED"))));

        assertEquals(IntegrationStatus.DISABLED, created.status());
        assertInstanceOf(ApiKeyStrategy.class, created.settings().auth());
        assertEquals(List.of(created), storedOf(ACME));
    }

    @Test
    void givesEveryIntegrationItsOwnId() {
        Integration first = succeeded(service.register(Callers.admin(ACME), command(IntegrationForms.apiKey().name("A"))));
        Integration second = succeeded(service.register(Callers.admin(ACME), command(IntegrationForms.apiKey().name("B"))));

        assertNotEquals(first.id(), second.id());
        assertEquals(2, storedOf(ACME).size());
    }

    @Test
    void forbidsNonAdminsBeforeLookingAtTheForm() {
        RegisterIntegrationCommand invalid = command(IntegrationForms.oauth2().name(null).clientSecret(null));

        failed(service.register(Callers.user(ACME), invalid), ForbiddenException.class);
        failed(service.register(Callers.user(ACME), command(IntegrationForms.oauth2())), ForbiddenException.class);
        assertTrue(storedOf(ACME).isEmpty());
    }

    @Test
    void refusesAnInvalidFormListingEveryFieldAndStoresNothing() {
        ValidationException failure = failed(service.register(Callers.admin(ACME),
                command(IntegrationForms.oauth2().name(" ").baseApiUrl("http://dms.acme.example").clientSecret(null))),
                ValidationException.class);

        assertEquals(List.of("name", "baseApiUrl", "clientSecret"),
                failure.violations().stream().map(FieldViolation::field).toList());
        assertTrue(storedOf(ACME).isEmpty());
    }

    @Test
    void acceptsPlainHttpOnlyWhenThePolicyAllowsIt() {
        RegisterIntegrationService allowingHttp = new RegisterIntegrationService(store, new UrlPolicy(true), REDIRECT,
                clock);

        Integration created = succeeded(allowingHttp.register(Callers.admin(ACME),
                command(IntegrationForms.apiKey().baseApiUrl("http://127.0.0.1:8081/api"))));

        assertEquals("http://127.0.0.1:8081/api", created.settings().baseApiUrl().value());
    }

    @Test
    void refusesANameTakenInTheTenantIgnoringCase() {
        succeeded(service.register(Callers.admin(ACME), command(IntegrationForms.apiKey().name("Acme DMS"))));

        failed(service.register(Callers.admin(ACME), command(IntegrationForms.oauth2().name("  ACME dms "))),
                NameTakenException.class);
        failed(service.register(Callers.admin(ACME), command(IntegrationForms.oauth2().name("acme dms"))),
                NameTakenException.class);
        assertEquals(1, storedOf(ACME).size());
    }

    @Test
    void comparesNamesInTheirNfcForm() {
        succeeded(service.register(Callers.admin(ACME), command(IntegrationForms.apiKey().name("Caf\u00E9"))));

        failed(service.register(Callers.admin(ACME), command(IntegrationForms.apiKey().name("CAFE\u0301"))),
                NameTakenException.class);
    }

    @Test
    void letsAnotherTenantUseTheSameName() {
        succeeded(service.register(Callers.admin(ACME), command(IntegrationForms.apiKey())));

        Integration other = succeeded(service.register(Callers.admin(GLOBEX), command(IntegrationForms.apiKey())));

        assertEquals(GLOBEX, other.tenant());
        assertEquals(1, storedOf(ACME).size());
        assertEquals(1, storedOf(GLOBEX).size());
    }

    @Test
    void refusesEveryReadOnlyFieldSentOnCreateAlongWithTheFormsFaults() {
        Map<String, String> echoes = Map.of("id", "0b8e7c1e-3f0a-4c7e-9d55-5a3f1c2b7e10", "version", "1",
                "redirectUri", REDIRECT.value());
        RegisterIntegrationCommand command = new RegisterIntegrationCommand(
                IntegrationForms.oauth2().clientId("").build(), echoes,
                List.of(FieldViolation.of("colour", Rule.UNKNOWN_FIELD)));

        ValidationException failure = failed(service.register(Callers.admin(ACME), command), ValidationException.class);

        assertEquals(List.of("colour:UNKNOWN_FIELD", "id:READ_ONLY", "redirectUri:READ_ONLY", "version:READ_ONLY",
                        "clientId:LENGTH"),
                failure.violations().stream().map(v -> v.field() + ":" + v.rule()).toList());
        assertTrue(storedOf(ACME).isEmpty());
    }

    @Test
    void refusesEarlierViolationsEvenWithAValidForm() {
        RegisterIntegrationCommand command = new RegisterIntegrationCommand(IntegrationForms.apiKey().build(), Map.of(),
                List.of(FieldViolation.of("name", Rule.NOT_A_STRING)));

        ValidationException failure = failed(service.register(Callers.admin(ACME), command), ValidationException.class);

        assertEquals(List.of(FieldViolation.of("name", Rule.NOT_A_STRING)), failure.violations());
        assertTrue(storedOf(ACME).isEmpty());
    }
}
