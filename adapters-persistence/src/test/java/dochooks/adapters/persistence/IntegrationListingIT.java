package dochooks.adapters.persistence;

import static dochooks.adapters.persistence.Integrations.ACME;
import static dochooks.adapters.persistence.Integrations.GLOBEX;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dochooks.adapters.persistence.testing.EmbeddedPostgresFixture;
import dochooks.application.integration.port.in.PageCursor;
import dochooks.application.testing.InMemoryIntegrationStore;
import dochooks.domain.integration.Integration;
import dochooks.domain.integration.IntegrationStatus;
import dochooks.domain.tenancy.TenantId;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keyset listing on PostgreSQL against the in-memory twin: same pages, in the same order, from any cursor.
 * The names mix scripts, cases and characters beyond U+FFFF, whose order differs between UTF-16 code units
 * (Java's String order, which the ports define) and code points (PostgreSQL's "C" collation).
 */
class IntegrationListingIT {
    private static final List<String> NAMES = List.of("Alpha", "alpha beta", "a", "Zulu", "zèbre", "Zèbre blanc",
            "Éclair", "eclair", "École des Mines", "Œuvres", "Straße", "STRASSE", "가나다 문서", "나비", "한국 문서함",
            "문서", "ＡＢＣ 全角", "Ａ", "😀 Smile", "𝔘nicode", "\uE000 private use", "ﬁle", "İstanbul", "123 numbers",
            "_underscore", "~tilde", "Ω omega", "ω small omega", "日本語", "Ünïcödé");
    private static final List<Optional<IntegrationStatus>> STATUSES = List.of(Optional.empty(),
            Optional.of(IntegrationStatus.ENABLED), Optional.of(IntegrationStatus.DISABLED));

    private static Vertx vertx;
    private static PersistenceAdapter adapter;
    private static final InMemoryIntegrationStore twin = new InMemoryIntegrationStore();
    private static final List<Integration> acmes = new ArrayList<>();

    @BeforeAll
    static void storeTheSameIntegrationsInBoth() {
        vertx = Vertx.vertx();
        adapter = PersistenceAdapter.create(vertx, EmbeddedPostgresFixture.newMigratedDatabase(),
                EncryptionKeys.parse(IntegrationPersistenceAdapterIT.K1), 4);
        for (int i = 0; i < NAMES.size(); i++) {
            Integration integration = Integrations.apiKey(ACME, NAMES.get(i)).withStatus(
                    i % 3 == 0 ? IntegrationStatus.DISABLED : IntegrationStatus.ENABLED, Integrations.CREATED);
            acmes.add(integration);
            storeInBoth(integration);
            if (i % 4 == 0) {
                storeInBoth(Integrations.oauth2(GLOBEX, NAMES.get(i)));
            }
        }
    }

    private static void storeInBoth(Integration integration) {
        Await.result(adapter.insert(integration));
        Await.result(twin.insert(integration));
    }

    @AfterAll
    static void close() {
        Await.result(adapter.close());
        Await.result(vertx.close());
    }

    @Test
    void theNamesOrderOtherwiseByCodePoint() {
        List<String> byJavaString = acmes.stream().map(i -> i.name().comparisonKey()).sorted().toList();
        List<String> byCodePoint = acmes.stream().map(i -> i.name().comparisonKey())
                .sorted(Comparator.comparing((String key) -> key.codePoints().toArray(), java.util.Arrays::compare))
                .toList();

        assertNotEquals(byJavaString, byCodePoint, "the data set must tell the two orders apart");
    }

    @Test
    void everyPageIsTheInMemoryStoresPage() {
        for (Optional<IntegrationStatus> status : STATUSES) {
            for (int limit : new int[] {1, 4, 7, 100}) {
                List<List<String>> pages = pages(ACME, status, limit);
                assertEquals(twinPages(ACME, status, limit), pages, "status " + status + ", limit " + limit);
                assertEquals(expectedCount(status), pages.stream().mapToInt(List::size).sum());
            }
        }
        assertTrue(pages(ACME, Optional.empty(), 4).size() > 2, "more than two pages");
    }

    @Test
    void everyCursorContinuesLikeTheInMemoryStore() {
        List<PageCursor> cursors = new ArrayList<>();
        for (Integration integration : acmes) {
            String key = integration.name().comparisonKey();
            cursors.add(PageCursor.after(integration));
            cursors.add(new PageCursor(key, new UUID(0, 0)));
            cursors.add(new PageCursor(key, new UUID(-1, -1)));
            cursors.add(new PageCursor(key, UUID.randomUUID()));
            cursors.add(new PageCursor(key + "\u0000", new UUID(0, 0)));
        }
        for (String key : List.of("", "\u0000", "m", "zzzz", "\uFFFF", "\uD800", "\uDFFF", "\uD83D\uDE00", "한", "ａ",
                "straße", "\uE000")) {
            cursors.add(new PageCursor(key, UUID.randomUUID()));
        }

        for (PageCursor cursor : cursors) {
            for (Optional<IntegrationStatus> status : STATUSES) {
                assertEquals(ids(Await.result(twin.list(ACME, status, Optional.of(cursor), 5))),
                        ids(Await.result(adapter.list(ACME, status, Optional.of(cursor), 5))),
                        "after " + cursor + " with status " + status);
            }
        }
    }

    @Test
    void aTenantListsOnlyItsOwnIntegrations() {
        List<Integration> globex = Await.result(adapter.list(GLOBEX, Optional.empty(), Optional.empty(), 100));

        // whole values: listing rebuilds integrations exactly like load does
        assertEquals(Await.result(twin.list(GLOBEX, Optional.empty(), Optional.empty(), 100)), globex);
        assertTrue(globex.stream().allMatch(i -> i.tenant().equals(GLOBEX)));
        assertEquals(List.of(), Await.result(adapter.list(new TenantId("initech"), Optional.empty(), Optional.empty(),
                100)));
    }

    /** Each page as the names on it (unique within a tenant, and readable when a test fails). */
    private static List<List<String>> pages(TenantId tenant, Optional<IntegrationStatus> status, int limit) {
        return names(collectPages(after -> Await.result(adapter.list(tenant, status, after, limit)), limit));
    }

    private static List<List<String>> twinPages(TenantId tenant, Optional<IntegrationStatus> status, int limit) {
        return names(collectPages(after -> Await.result(twin.list(tenant, status, after, limit)), limit));
    }

    private static List<List<String>> names(List<List<Integration>> pages) {
        return pages.stream().map(page -> page.stream().map(i -> i.name().value()).toList()).toList();
    }

    /** Pages as a client walks them: until a page comes back shorter than the limit (bounded). */
    private static List<List<Integration>> collectPages(
            java.util.function.Function<Optional<PageCursor>, List<Integration>> list, int limit) {
        List<List<Integration>> pages = new ArrayList<>();
        Optional<PageCursor> after = Optional.empty();
        for (int guard = 0; guard <= NAMES.size() + 1; guard++) {
            List<Integration> page = list.apply(after);
            pages.add(page);
            if (page.size() < limit) {
                return pages;
            }
            after = Optional.of(PageCursor.after(page.get(page.size() - 1)));
        }
        throw new AssertionError("listing did not end");
    }

    private static long expectedCount(Optional<IntegrationStatus> status) {
        return acmes.stream().filter(i -> status.map(s -> s == i.status()).orElse(true)).count();
    }

    private static List<UUID> ids(List<Integration> integrations) {
        return integrations.stream().map(i -> i.id().value()).toList();
    }
}
