package dochooks.application.integration.service;

import static dochooks.application.testing.Futures.succeeded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dochooks.application.Caller;
import dochooks.application.integration.port.in.ListIntegrationsUseCase;
import dochooks.application.integration.port.in.ListIntegrationsUseCase.IntegrationPage;
import dochooks.application.integration.port.in.ListIntegrationsUseCase.ListIntegrationsQuery;
import dochooks.application.integration.port.in.PageCursor;
import dochooks.application.integration.port.in.RegisterIntegrationUseCase.RegisterIntegrationCommand;
import dochooks.application.testing.Callers;
import dochooks.application.testing.InMemoryIntegrationStore;
import dochooks.application.testing.IntegrationForms;
import dochooks.application.testing.TestClock;
import dochooks.domain.integration.Integration;
import dochooks.domain.integration.IntegrationStatus;
import dochooks.domain.integration.RedirectUri;
import dochooks.domain.integration.UrlPolicy;
import dochooks.domain.tenancy.TenantId;
import dochooks.domain.validation.Rule;
import dochooks.domain.validation.ValidationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ListIntegrationsServiceTest {
    private static final TenantId ACME = new TenantId("acme");
    private static final TenantId GLOBEX = new TenantId("globex");

    private final InMemoryIntegrationStore store = new InMemoryIntegrationStore();
    private final RegisterIntegrationService register = new RegisterIntegrationService(store, UrlPolicy.HTTPS_ONLY,
            RedirectUri.under("https://dochooks.acme.example"), new TestClock(Instant.parse("2026-11-23T14:05:00Z")));
    private final ListIntegrationsService service = new ListIntegrationsService(store);

    private Integration add(TenantId tenant, String name, String status) {
        return succeeded(register.register(Callers.admin(tenant), new RegisterIntegrationCommand(
                IntegrationForms.apiKey().name(name).status(status).build(), Map.of(), List.of())));
    }

    private static ListIntegrationsQuery query(Optional<IntegrationStatus> status, int limit, Optional<PageCursor> after) {
        return new ListIntegrationsQuery(status, limit, after);
    }

    private static List<String> names(List<Integration> integrations) {
        return integrations.stream().map(i -> i.name().value()).toList();
    }

    /** Follows nextCursor, through its text form as the HTTP API does, until the last page. */
    private List<List<String>> allPages(Caller caller, Optional<IntegrationStatus> status, int limit) {
        List<List<String>> pages = new ArrayList<>();
        Optional<PageCursor> after = Optional.empty();
        for (int page = 0; page < 100; page++) {
            IntegrationPage found = succeeded(service.list(caller, query(status, limit, after)));
            pages.add(names(found.items()));
            if (found.next().isEmpty()) {
                return pages;
            }
            after = Optional.of(PageCursor.decode(found.next().get().encode()));
        }
        throw new AssertionError("paging did not end");
    }

    @Test
    void pagesThroughEveryItemExactlyOnceInComparisonKeyOrder() {
        for (String name : List.of("beta", "Alpha", "gamma", "Émile", "문서", "delta", "ZULU")) {
            add(ACME, name, null);
        }

        List<List<String>> pages = allPages(Callers.admin(ACME), Optional.empty(), 3);

        assertEquals(List.of(List.of("Alpha", "beta", "delta"), List.of("gamma", "ZULU", "Émile"), List.of("문서")), pages);
    }

    @Test
    void ordersComparisonKeysByUtf16CodeUnitsLikeTheDatabase() {
        add(ACME, "\uD83D\uDCC4 files", null); // U+1F4C4, stored as a surrogate pair starting with U+D83D
        add(ACME, "\uFF21cme", null); // fullwidth A, U+FF21: after U+D83D as UTF-16, before U+1F4C4 as a code point

        assertEquals(List.of(List.of("\uD83D\uDCC4 files"), List.of("\uFF21cme")),
                allPages(Callers.admin(ACME), Optional.empty(), 1));
    }

    @Test
    void endsWithoutACursorWhenTheLastPageIsExactlyFull() {
        for (String name : List.of("a", "b", "c", "d")) {
            add(ACME, name, null);
        }

        List<List<String>> pages = allPages(Callers.admin(ACME), Optional.empty(), 2);

        assertEquals(List.of(List.of("a", "b"), List.of("c", "d")), pages);
    }

    @Test
    void givesAnEmptyPageWithoutACursorWhenThereIsNothing() {
        IntegrationPage page = succeeded(service.list(Callers.admin(ACME), query(Optional.empty(), 50, Optional.empty())));

        assertTrue(page.items().isEmpty());
        assertTrue(page.next().isEmpty());
    }

    @Test
    void continuesAfterTheCursorEvenWhenItsItemWasDeleted() {
        add(ACME, "a", null);
        Integration b = add(ACME, "b", null);
        add(ACME, "c", null);
        IntegrationPage first = succeeded(service.list(Callers.admin(ACME), query(Optional.empty(), 2, Optional.empty())));

        succeeded(store.delete(ACME, b.id()));
        IntegrationPage second = succeeded(service.list(Callers.admin(ACME), query(Optional.empty(), 2, first.next())));

        assertEquals(List.of("c"), names(second.items()));
    }

    @Test
    void filtersByStatusForAdmins() {
        add(ACME, "on-1", "ENABLED");
        add(ACME, "off-1", "DISABLED");
        add(ACME, "on-2", null);
        add(ACME, "off-2", "DISABLED");
        Caller admin = Callers.admin(ACME);

        assertEquals(List.of(List.of("off-1", "off-2")), allPages(admin, Optional.of(IntegrationStatus.DISABLED), 10));
        assertEquals(List.of(List.of("on-1", "on-2")), allPages(admin, Optional.of(IntegrationStatus.ENABLED), 10));
        assertEquals(List.of(List.of("off-1", "off-2"), List.of("on-1", "on-2")), allPages(admin, Optional.empty(), 2));
    }

    @Test
    void showsNonAdminsOnlyEnabledIntegrations() {
        add(ACME, "on-1", null);
        add(ACME, "off-1", "DISABLED");
        add(ACME, "on-2", null);
        add(ACME, "off-2", "DISABLED");
        Caller user = Callers.user(ACME);

        assertEquals(List.of(List.of("on-1"), List.of("on-2")), allPages(user, Optional.empty(), 1));
        assertEquals(List.of(List.of("on-1", "on-2")), allPages(user, Optional.of(IntegrationStatus.ENABLED), 5));
        assertEquals(List.of(List.of()), allPages(user, Optional.of(IntegrationStatus.DISABLED), 5));
    }

    @Test
    void neverListsAnotherTenantsIntegrations() {
        add(ACME, "ours", null);
        add(GLOBEX, "theirs", null);
        add(GLOBEX, "also theirs", "DISABLED");

        assertEquals(List.of(List.of("ours")), allPages(Callers.admin(ACME), Optional.empty(), 50));
        assertEquals(List.of(List.of("also theirs", "theirs")), allPages(Callers.admin(GLOBEX), Optional.empty(), 50));
    }

    @Test
    void acceptsLimitsFromOneToTwoHundred() {
        for (int i = 0; i < 201; i++) {
            add(ACME, String.format("integration %03d", i), null);
        }

        IntegrationPage biggest = succeeded(service.list(Callers.user(ACME),
                query(Optional.empty(), ListIntegrationsUseCase.MAX_LIMIT, Optional.empty())));
        IntegrationPage smallest = succeeded(service.list(Callers.user(ACME), query(Optional.empty(), 1, Optional.empty())));

        assertEquals(200, biggest.items().size());
        assertTrue(biggest.next().isPresent());
        assertEquals(List.of("integration 000"), names(smallest.items()));
        IntegrationPage last = succeeded(service.list(Callers.user(ACME), query(Optional.empty(), 200, biggest.next())));
        assertEquals(List.of("integration 200"), names(last.items()));
        assertTrue(last.next().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 201, 500})
    void refusesLimitsOutOfRangeOnTheLimitParameter(int limit) {
        ValidationException failure = assertThrows(ValidationException.class,
                () -> query(Optional.empty(), limit, Optional.empty()));

        assertEquals("limit", failure.violations().get(0).field());
        assertEquals(Rule.INTEGER_RANGE, failure.violations().get(0).rule());
        assertEquals(List.of("1", "200"), failure.violations().get(0).args());
    }

    @Test
    void refusesACursorItDidNotIssueOnTheCursorParameter() {
        ValidationException failure = assertThrows(ValidationException.class, () -> PageCursor.decode("not-a-cursor"));

        assertEquals("cursor", failure.violations().get(0).field());
        assertEquals(Rule.INVALID_CURSOR, failure.violations().get(0).rule());
    }
}
