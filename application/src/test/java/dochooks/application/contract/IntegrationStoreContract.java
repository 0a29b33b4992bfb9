package dochooks.application.contract;

import static dochooks.application.contract.ContractData.CREATED;
import static dochooks.application.contract.ContractData.apiKey;
import static dochooks.application.contract.ContractData.awkwardSecret;
import static dochooks.application.contract.ContractData.newTenant;
import static dochooks.application.contract.ContractData.oauth2;
import static dochooks.application.contract.ContractData.renamed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dochooks.application.contract.Await.Outcome;
import dochooks.application.error.IntegrationNotFoundException;
import dochooks.application.error.NameTakenException;
import dochooks.application.error.VersionConflictException;
import dochooks.application.integration.port.in.PageCursor;
import dochooks.application.integration.port.out.DeleteIntegrationPort;
import dochooks.application.integration.port.out.ListIntegrationsPort;
import dochooks.application.integration.port.out.LoadIntegrationPort;
import dochooks.application.integration.port.out.SaveIntegrationPort;
import dochooks.domain.integration.Integration;
import dochooks.domain.integration.IntegrationId;
import dochooks.domain.integration.IntegrationSettings;
import dochooks.domain.integration.IntegrationStatus;
import dochooks.domain.integration.Secret;
import dochooks.domain.tenancy.TenantId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every implementation of the integration ports ({@link LoadIntegrationPort}, {@link ListIntegrationsPort},
 * {@link SaveIntegrationPort}, {@link DeleteIntegrationPort}) promises: integrations come back as they were stored,
 * secrets included; everything is scoped to a tenant; a name is unique per tenant by its comparison key;
 * updates are conditional on the version and tell not-found, version conflict and name taken apart; listing is
 * in (comparison key, id) order, comparison keys compared as Java compares strings (UTF-16 code units), and a
 * cursor pages through every integration exactly once.
 *
 * <p>Extend it with a class that answers {@link #newStore()}; every test runs on a tenant of its own, so the
 * store may be shared between tests (one database for the whole class, say).
 *
 * @param <S> the implementation: one object serving the four ports
 */
public abstract class IntegrationStoreContract<S extends LoadIntegrationPort & ListIntegrationsPort
        & SaveIntegrationPort & DeleteIntegrationPort> {

    /** The store under test; called before each test. */
    protected abstract S newStore();

    private S store;
    private TenantId tenant;
    private TenantId otherTenant;

    @BeforeEach
    void openStore() {
        store = newStore();
        tenant = newTenant();
        otherTenant = newTenant();
    }

    private Integration inserted(Integration integration) {
        Await.result(store.insert(integration));
        return integration;
    }

    private Optional<Integration> load(Integration integration) {
        return Await.result(store.load(integration.tenant(), integration.id()));
    }

    private List<Integration> list(TenantId of, Optional<IntegrationStatus> status, Optional<PageCursor> after,
            int limit) {
        return Await.result(store.list(of, status, after, limit));
    }

    private List<Integration> all(TenantId of) {
        return list(of, Optional.empty(), Optional.empty(), 1000);
    }

    private static List<String> names(List<Integration> integrations) {
        return integrations.stream().map(i -> i.name().value()).toList();
    }

    // ---- storing and loading

    @Test
    void loadsAnOAuth2IntegrationAsStoredSecretIncluded() {
        Secret secret = awkwardSecret("client");
        Integration stored = Integration.register(tenant, ContractData.oauth2Settings("Acme DMS", secret), CREATED)
                .withStatus(IntegrationStatus.DISABLED, CREATED.plusMillis(1));

        inserted(stored);

        Integration loaded = load(stored).orElseThrow();
        assertEquals(stored, loaded); // records all the way down; Secret compares its value
        assertEquals(secret.reveal(), loaded.settings().auth().secret().reveal());
        assertEquals(2, loaded.version());
    }

    @Test
    void loadsAnApiKeyIntegrationAsStoredSecretIncluded() {
        Secret secret = awkwardSecret("key");
        Integration stored = Integration.register(tenant, ContractData.apiKeySettings("Files", secret), CREATED);

        inserted(stored);

        assertEquals(stored, load(stored).orElseThrow());
        assertEquals(secret.reveal(), load(stored).orElseThrow().settings().auth().secret().reveal());
    }

    @Test
    void findsNoIntegrationOfAnotherTenantNorAnUnknownOne() {
        Integration ours = inserted(apiKey(tenant, "Ours"));

        assertEquals(Optional.empty(), Await.result(store.load(otherTenant, ours.id())));
        assertEquals(Optional.empty(), Await.result(store.load(tenant, IntegrationId.random())));
        assertEquals(List.of(), all(otherTenant));
    }

    // ---- names

    @Test
    void refusesANameWhoseComparisonKeyIsTakenInTheTenant() {
        inserted(apiKey(tenant, "Acme Café"));

        // other case, other surrounding whitespace, decomposed é: the same comparison key
        Await.failure(store.insert(apiKey(tenant, "  ACME CAFE\u0301 ")), NameTakenException.class);

        assertEquals(List.of("Acme Café"), names(all(tenant)));
    }

    @Test
    void letsAnotherTenantUseTheSameName() {
        inserted(apiKey(tenant, "Acme DMS"));

        inserted(oauth2(otherTenant, "Acme DMS"));

        assertEquals(List.of("Acme DMS"), names(all(otherTenant)));
        assertEquals(List.of("Acme DMS"), names(all(tenant)));
    }

    @Test
    void freesANameWhenItsIntegrationIsRenamedOrDeleted() {
        Integration first = inserted(apiKey(tenant, "First"));
        Integration second = inserted(apiKey(tenant, "Second"));

        Await.result(store.update(renamed(first, "Renamed"), first.version(), false));
        Await.result(store.delete(tenant, second.id()));

        inserted(apiKey(tenant, "first"));
        inserted(apiKey(tenant, "SECOND"));
        assertEquals(List.of("first", "Renamed", "SECOND"), names(all(tenant)));
    }

    // ---- updates

    @Test
    void replacesTheIntegrationWhenTheExpectedVersionIsStored() {
        Integration current = inserted(oauth2(tenant, "Acme DMS"));
        Secret rotated = awkwardSecret("rotated");
        IntegrationSettings settings = ContractData.oauth2Settings("Acme DMS v2", rotated)
                .withStatus(IntegrationStatus.DISABLED);
        Integration next = current.replacedBy(settings, CREATED.plusSeconds(3600));

        Await.result(store.update(next, current.version(), false));

        Integration loaded = load(current).orElseThrow();
        assertEquals(next, loaded);
        assertEquals(2, loaded.version());
        assertEquals(rotated.reveal(), loaded.settings().auth().secret().reveal());
        assertEquals(current.createdAt(), loaded.createdAt());
    }

    @Test
    void refusesAnUpdateFromAVersionNoLongerStoredAndChangesNothing() {
        Integration current = inserted(apiKey(tenant, "Acme DMS"));
        Integration second = renamed(current, "Second");
        Await.result(store.update(second, 1, false));

        Await.failure(store.update(renamed(second, "Stale"), 1, false), VersionConflictException.class);
        Await.failure(store.update(renamed(second, "Ahead"), 3, false), VersionConflictException.class);

        assertEquals(second, load(current).orElseThrow());
    }

    @Test
    void answersNotFoundForAnUpdateOfAnUnknownDeletedOrOtherTenantsIntegration() {
        Integration theirs = inserted(apiKey(otherTenant, "Theirs"));
        Integration deleted = inserted(apiKey(tenant, "Deleted"));
        Await.result(store.delete(tenant, deleted.id()));
        Integration unknown = apiKey(tenant, "Unknown");
        // the other tenant's integration, presented as ours: same id, our tenant
        Integration takenOver = new Integration(theirs.id(), tenant, ContractData.apiKeySettings("Taken over",
                Secret.of("attacker-key")), 2, theirs.createdAt(), theirs.updatedAt());

        Await.failure(store.update(renamed(unknown, "Unknown 2"), 1, false), IntegrationNotFoundException.class);
        Await.failure(store.update(renamed(deleted, "Deleted 2"), 1, false), IntegrationNotFoundException.class);
        Await.failure(store.update(takenOver, 1, false), IntegrationNotFoundException.class);

        assertEquals(theirs, load(theirs).orElseThrow());
        assertEquals(List.of(), all(tenant));
    }

    @Test
    void refusesToRenameIntoANameTakenInTheTenantAndChangesNothing() {
        inserted(apiKey(tenant, "Taken"));
        Integration current = inserted(apiKey(tenant, "Mine"));

        Await.failure(store.update(renamed(current, "TAKEN"), 1, false), NameTakenException.class);

        assertEquals(current, load(current).orElseThrow());
    }

    @Test
    void letsAnIntegrationChangeTheCaseOfItsOwnName() {
        Integration current = inserted(apiKey(tenant, "Acme DMS"));

        Await.result(store.update(renamed(current, "ACME dms"), 1, false));

        assertEquals("ACME dms", load(current).orElseThrow().name().value());
    }

    @Test
    void tellsAVersionConflictBeforeANameClash() {
        inserted(apiKey(tenant, "Taken"));
        Integration current = inserted(apiKey(tenant, "Mine"));
        Await.result(store.update(renamed(current, "Mine 2"), 1, false));

        Await.failure(store.update(renamed(current, "Taken"), 1, false), VersionConflictException.class);
    }

    @Test
    void ofConcurrentUpdatesFromOneVersionExactlyOneWins() {
        Integration current = inserted(apiKey(tenant, "Raced"));

        List<Outcome<Void>> outcomes = Race.of(Race.RUNNERS,
                runner -> store.update(renamed(current, "Runner " + runner), current.version(), false));

        assertEquals(1, Race.successes(outcomes));
        outcomes.stream().filter(o -> !o.succeeded())
                .forEach(o -> assertTrue(o.failure() instanceof VersionConflictException, o.failure().toString()));
        int winner = outcomes.indexOf(outcomes.stream().filter(Outcome::succeeded).findFirst().orElseThrow());
        assertEquals("Runner " + winner, load(current).orElseThrow().name().value());
    }

    @Test
    void ofConcurrentInsertsOfOneNameExactlyOneWins() {
        List<Outcome<Void>> outcomes = Race.of(Race.RUNNERS,
                runner -> store.insert(apiKey(tenant, runner % 2 == 0 ? "Same name" : "SAME NAME")));

        assertEquals(1, Race.successes(outcomes));
        outcomes.stream().filter(o -> !o.succeeded())
                .forEach(o -> assertTrue(o.failure() instanceof NameTakenException, o.failure().toString()));
        assertEquals(1, all(tenant).size());
    }

    // ---- deletion

    @Test
    void deletesOnlyTheTenantsOwnIntegrationAndSaysWhetherItDid() {
        Integration ours = inserted(apiKey(tenant, "Ours"));
        Integration theirs = inserted(apiKey(otherTenant, "Theirs"));

        assertFalse(Await.result(store.delete(tenant, theirs.id())));
        assertTrue(Await.result(store.delete(tenant, ours.id())));
        assertFalse(Await.result(store.delete(tenant, ours.id())));

        assertEquals(Optional.empty(), load(ours));
        assertEquals(theirs, load(theirs).orElseThrow());
    }

    // ---- listing

    @Test
    void listsByComparisonKeyInUtf16CodeUnitOrder() {
        // Code point order (a "C" collation on UTF-8) would put the emoji (U+1F600, surrogates D83D DE00) last;
        // UTF-16 puts it before U+E000 and the fullwidth Ａ (key ａ, U+FF41). Upper case sorts as lower case.
        List<String> expected = List.of("alpha", "eclair", "Zulu", "Éclair", "😀 Smile", "\uE000 private use", "Ａ");
        List<String> shuffled = List.of("Ａ", "Zulu", "😀 Smile", "Éclair", "alpha", "\uE000 private use", "eclair");
        shuffled.forEach(name -> inserted(apiKey(tenant, name)));

        assertEquals(expected, names(all(tenant)));
    }

    @Test
    void pagesThroughEveryIntegrationExactlyOnceWhateverThePageSize() {
        List<Integration> stored = new ArrayList<>();
        List<String> names = List.of("Alpha", "alpha beta", "a", "Zulu", "zèbre", "Éclair", "eclair", "Straße",
                "STRASSE", "가나다 문서", "나비", "ＡＢＣ 全角", "😀 Smile", "𝔘nicode", "\uE000 private use", "ﬁle", "İstanbul",
                "123", "_under", "~tilde", "Ω omega", "ω small", "日本語");
        for (int i = 0; i < names.size(); i++) {
            Integration integration = apiKey(tenant, names.get(i));
            stored.add(inserted(i % 3 == 0 ? disabled(integration) : integration));
        }
        inserted(apiKey(otherTenant, "Alpha"));

        for (Optional<IntegrationStatus> status : List.of(Optional.<IntegrationStatus>empty(),
                Optional.of(IntegrationStatus.ENABLED), Optional.of(IntegrationStatus.DISABLED))) {
            List<Integration> expected = stored.stream().filter(i -> status.map(s -> i.status() == s).orElse(true))
                    .sorted(Comparator.comparing((Integration i) -> i.name().comparisonKey())).toList();
            for (int pageSize : new int[] {1, 2, 5, 100}) {
                assertEquals(expected, pageThrough(status, pageSize), "status " + status + ", page size " + pageSize);
            }
        }
    }

    private Integration disabled(Integration integration) {
        return new Integration(integration.id(), integration.tenant(),
                integration.settings().withStatus(IntegrationStatus.DISABLED), 1, integration.createdAt(),
                integration.updatedAt());
    }

    /** Every page, each cursor made from the last item of the page before. */
    private List<Integration> pageThrough(Optional<IntegrationStatus> status, int pageSize) {
        List<Integration> seen = new ArrayList<>();
        Optional<PageCursor> cursor = Optional.empty();
        for (int pages = 0; pages < 1000; pages++) {
            List<Integration> page = list(tenant, status, cursor, pageSize);
            assertTrue(page.size() <= pageSize, "a page holds at most the limit");
            seen.addAll(page);
            if (page.size() < pageSize) {
                return seen;
            }
            cursor = Optional.of(PageCursor.after(page.get(page.size() - 1)));
        }
        throw new AssertionError("paging did not end");
    }

    @Test
    void continuesAfterACursorWhoseIntegrationWasDeletedOrRenamed() {
        List.of("a", "b", "c", "d", "e", "f").forEach(name -> inserted(apiKey(tenant, name)));
        List<Integration> firstPage = list(tenant, Optional.empty(), Optional.empty(), 2);
        PageCursor cursor = PageCursor.after(firstPage.get(1)); // after "b"

        Await.result(store.delete(tenant, firstPage.get(1).id()));
        Integration c = all(tenant).get(1);
        Await.result(store.update(renamed(c, "z"), c.version(), false)); // moves behind the end
        inserted(apiKey(tenant, "a2")); // before the cursor: not on later pages
        inserted(apiKey(tenant, "b2")); // after it: on the next page

        assertEquals(List.of("b2", "d", "e", "f", "z"), names(list(tenant, Optional.empty(), Optional.of(cursor), 10)));
    }

    @Test
    void listsNothingAfterTheLastIntegrationAndNothingForAnEmptyTenant() {
        Integration only = inserted(apiKey(tenant, "Only"));

        assertEquals(List.of(), list(tenant, Optional.empty(), Optional.of(PageCursor.after(only)), 10));
        assertEquals(List.of(), all(otherTenant));
    }

    @Test
    void listsEachIntegrationOfATenantOnceAsStored() {
        Integration a = inserted(oauth2(tenant, "A"));
        Integration b = inserted(apiKey(tenant, "B"));
        inserted(apiKey(otherTenant, "A in another tenant"));

        List<Integration> listed = all(tenant);

        assertEquals(List.of(a, b), listed);
        Set<IntegrationId> ids = new HashSet<>();
        listed.forEach(i -> assertTrue(ids.add(i.id())));
    }
}
