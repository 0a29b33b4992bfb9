package dochooks.adapters.persistence;

import static dochooks.adapters.persistence.Integrations.ACME;
import static dochooks.adapters.persistence.Integrations.GLOBEX;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dochooks.application.error.DatabaseUnavailableException;
import dochooks.application.integration.port.out.LoadIntegrationPort;
import dochooks.domain.integration.Integration;
import dochooks.domain.integration.IntegrationId;
import dochooks.domain.integration.IntegrationStatus;
import dochooks.domain.tenancy.TenantId;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The cache's rules on their own, in front of a scripted store whose answers the test releases: what is kept, for
 * how long, and what a change during a load does. The database behind it is exercised in {@link IntegrationCacheIT}.
 */
class IntegrationCacheTest {
    private static final Duration TTL = Duration.ofSeconds(30);

    private final ScriptedStore store = new ScriptedStore();
    private final AtomicBoolean listening = new AtomicBoolean(true);
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private IntegrationCache cache = new IntegrationCache(store, listening::get, TTL, 10, nanos::get);

    private final Integration acmeDms = Integrations.oauth2(ACME, "Acme DMS");

    @Test
    void aSecondLoadIsServedFromMemory() {
        store.put(acmeDms);

        assertEquals(Optional.of(acmeDms), loaded(cache.load(ACME, acmeDms.id())));
        assertEquals(Optional.of(acmeDms), loaded(cache.load(ACME, acmeDms.id())));

        assertEquals(1, store.queries);
    }

    @Test
    void anEntryIsServedForThirtySecondsAtMost() {
        store.put(acmeDms);
        loaded(cache.load(ACME, acmeDms.id()));
        Integration disabled = acmeDms.withStatus(IntegrationStatus.DISABLED, Instant.now());
        store.put(disabled); // a change nobody was told about

        nanos.addAndGet(TTL.toNanos() - 1);
        assertEquals(Optional.of(acmeDms), loaded(cache.load(ACME, acmeDms.id())));
        nanos.addAndGet(1);
        assertEquals(Optional.of(disabled), loaded(cache.load(ACME, acmeDms.id())));
        assertEquals(2, store.queries);
    }

    @Test
    void whileNotListeningEveryLoadReadsTheStoreAndNothingIsKept() {
        store.put(acmeDms);
        loaded(cache.load(ACME, acmeDms.id()));
        assertEquals(1, cache.size());

        listening.set(false);
        loaded(cache.load(ACME, acmeDms.id()));
        loaded(cache.load(ACME, acmeDms.id()));
        assertEquals(3, store.queries);
        assertEquals(0, cache.size(), "what was kept may have missed changes: it is dropped");

        listening.set(true);
        loaded(cache.load(ACME, acmeDms.id()));
        assertEquals(4, store.queries, "nothing from before the outage is served");
    }

    @Test
    void aLoadUnderWayWhenItsKeyIsEvictedAnswersButIsNotKept() {
        store.put(acmeDms);
        store.holdAnswers();
        Future<Optional<Integration>> underWay = cache.load(ACME, acmeDms.id());

        cache.evict(ACME, acmeDms.id()); // the row changed after that query read it
        store.releaseNext();

        assertEquals(Optional.of(acmeDms), loaded(underWay), "its caller asked before the change");
        store.answerAtOnce();
        loaded(cache.load(ACME, acmeDms.id()));
        assertEquals(2, store.queries, "the answer read before the change was not kept");
    }

    @Test
    void aLoadUnderWayWhenEverythingIsClearedIsNotKept() {
        store.put(acmeDms);
        store.holdAnswers();
        Future<Optional<Integration>> underWay = cache.load(ACME, acmeDms.id());

        cache.clear(); // a resubscription: notifications may have been missed
        store.releaseNext();
        loaded(underWay);

        assertEquals(0, cache.size());
    }

    @Test
    void concurrentLoadsOfOneIntegrationShareOneQuery() {
        store.put(acmeDms);
        store.holdAnswers();
        Future<Optional<Integration>> first = cache.load(ACME, acmeDms.id());
        Future<Optional<Integration>> second = cache.load(ACME, acmeDms.id());

        store.releaseNext();

        assertSame(loaded(first).orElseThrow(), loaded(second).orElseThrow());
        assertEquals(1, store.queries);
    }

    @Test
    void anUnknownIntegrationAndAFailureAreNotKept() {
        IntegrationId unknown = IntegrationId.random();
        assertEquals(Optional.empty(), loaded(cache.load(ACME, unknown)));
        assertEquals(Optional.empty(), loaded(cache.load(ACME, unknown)));
        assertEquals(2, store.queries);

        store.put(acmeDms);
        store.failNext();
        assertTrue(cache.load(ACME, acmeDms.id()).failed());
        assertEquals(Optional.of(acmeDms), loaded(cache.load(ACME, acmeDms.id())), "the failure was not kept");
        assertEquals(1, cache.size());
    }

    @Test
    void keysAreTenantAndIdSoOneTenantNeverGetsAnothersEntry() {
        store.put(acmeDms);
        assertTrue(loaded(cache.load(ACME, acmeDms.id())).isPresent());

        assertEquals(Optional.empty(), loaded(cache.load(GLOBEX, acmeDms.id())));

        cache.evict(GLOBEX, acmeDms.id());
        loaded(cache.load(ACME, acmeDms.id()));
        assertEquals(2, store.queries, "evicting another tenant's key left acme's entry alone");
    }

    @Test
    void theLeastRecentlyUsedGoesWhenTheCacheIsFull() {
        cache = new IntegrationCache(store, listening::get, TTL, 2, nanos::get);
        Integration a = Integrations.oauth2(ACME, "A");
        Integration b = Integrations.oauth2(ACME, "B");
        Integration c = Integrations.oauth2(ACME, "C");
        store.put(a);
        store.put(b);
        store.put(c);
        loaded(cache.load(ACME, a.id()));
        loaded(cache.load(ACME, b.id()));
        loaded(cache.load(ACME, a.id())); // a is now more recent than b
        loaded(cache.load(ACME, c.id()));
        assertEquals(2, cache.size());
        assertEquals(3, store.queries);

        loaded(cache.load(ACME, a.id()));
        assertEquals(3, store.queries, "a was kept");
        loaded(cache.load(ACME, b.id()));
        assertEquals(4, store.queries, "b went first");
    }

    private static Optional<Integration> loaded(Future<Optional<Integration>> future) {
        assertTrue(future.isComplete(), "the scripted store answers synchronously once released");
        assertFalse(future.failed(), () -> "failed: " + future.cause());
        return future.result();
    }

    /** Answers from a map, at once or when the test releases the answer; counts the queries it got. */
    private static final class ScriptedStore implements LoadIntegrationPort {
        private final Map<IntegrationId, Integration> rows = new HashMap<>();
        private final Queue<Runnable> held = new ArrayDeque<>();
        private boolean holding;
        private boolean failNext;
        int queries;

        void put(Integration integration) {
            rows.put(integration.id(), integration);
        }

        void holdAnswers() {
            holding = true;
        }

        void answerAtOnce() {
            holding = false;
        }

        void releaseNext() {
            held.remove().run();
        }

        void failNext() {
            failNext = true;
        }

        @Override
        public Future<Optional<Integration>> load(TenantId tenant, IntegrationId id) {
            queries++;
            if (failNext) {
                failNext = false;
                return Future.failedFuture(new DatabaseUnavailableException("scripted outage"));
            }
            // read now, as a query would: the answer reflects the rows as they were when it was asked
            Optional<Integration> answer = Optional.ofNullable(rows.get(id)).filter(i -> i.tenant().equals(tenant));
            if (!holding) {
                return Future.succeededFuture(answer);
            }
            Promise<Optional<Integration>> promise = Promise.promise();
            held.add(() -> promise.complete(answer));
            return promise.future();
        }
    }
}
