package dochooks.adapters.provider.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dochooks.adapters.provider.ProviderAdapter;
import dochooks.adapters.provider.ProviderSettings;
import dochooks.adapters.provider.ResilienceSettings;
import dochooks.adapters.provider.egress.EgressPolicy;
import dochooks.adapters.provider.egress.HostLookup;
import dochooks.adapters.provider.testing.Await;
import dochooks.adapters.provider.testing.Fault;
import dochooks.adapters.provider.testing.GeneratedContent;
import dochooks.adapters.provider.testing.GeneratedReadStream;
import dochooks.adapters.provider.testing.TestDocumentProvider;
import dochooks.adapters.provider.testing.TestIntegrations;
import dochooks.application.document.port.out.CustomActionRequest;
import dochooks.application.document.port.out.DocumentProviderPort;
import dochooks.application.document.port.out.Page;
import dochooks.application.document.port.out.ProviderBytes;
import dochooks.application.document.port.out.ProviderCall;
import dochooks.application.document.port.out.SearchQuery;
import dochooks.application.document.port.out.UploadTarget;
import dochooks.application.error.ProviderBadResponseException;
import dochooks.application.error.ProviderBusyException;
import dochooks.application.error.ProviderCircuitOpenException;
import dochooks.application.error.ProviderErrorException;
import dochooks.application.error.ProviderForbiddenException;
import dochooks.application.error.ProviderNotFoundException;
import dochooks.application.error.ProviderTimeoutException;
import dochooks.application.error.ProviderUnreachableException;
import dochooks.domain.document.Item;
import dochooks.domain.document.ItemKind;
import dochooks.domain.document.ProviderEndpoint;
import dochooks.domain.document.ProviderItemId;
import dochooks.domain.integration.Integration;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.streams.ReadStream;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bulkheads, circuit breakers and retries through {@link ProviderAdapter}, against two test providers over
 * real HTTP on 127.0.0.1. Waits are bounded; timing assertions use generous bounds and counts of requests.
 */
class ResilientDocumentProviderIT {
    static final Duration WAIT = Duration.ofSeconds(10);
    static final String USERNAME = "alice@acme.example";
    static final ProviderItemId FILE = new ProviderItemId("file-1");

    static Vertx vertx;
    static TestDocumentProvider providerA;
    static TestDocumentProvider providerB;

    ProviderAdapter adapter;
    DocumentProviderPort documents;
    ResilienceView view;
    Integration integrationA;
    Integration integrationB;
    ProviderCall callA;
    ProviderCall callB;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        providerA = TestDocumentProvider.start(vertx);
        providerB = TestDocumentProvider.start(vertx);
    }

    @AfterAll
    static void stop() {
        Await.result(providerA.close());
        Await.result(providerB.close());
        Await.result(vertx.close());
    }

    @BeforeEach
    void fill() {
        for (TestDocumentProvider provider : List.of(providerA, providerB)) {
            provider.reset();
            provider.requireApiKey(TestIntegrations.API_KEY);
            provider.addFolder("/", "folder-a", "Folder A");
            provider.addFile("/", "file-1", "Report.txt", "text/plain", "hello".getBytes(StandardCharsets.UTF_8));
        }
        integrationA = TestIntegrations.apiKey(providerA.baseUrl());
        integrationB = TestIntegrations.apiKey(providerB.baseUrl());
        callA = ProviderCall.apiKey(integrationA, USERNAME);
        callB = ProviderCall.apiKey(integrationB, USERNAME);
    }

    @AfterEach
    void closeAdapter() {
        if (adapter != null) {
            Await.result(adapter.close()); // fails whatever still hangs
        }
    }

    /** Protections for a test: short retry waits, a Retry-After cap of 1 s (half the 2 s timeout). */
    static ResilienceSettings settings(int calls, int queued, long queueWaitMs, int streams, int threshold,
            long openMs, int retries) {
        return new ResilienceSettings(calls, queued, Duration.ofMillis(queueWaitMs), streams, threshold,
                Duration.ofMillis(openMs), retries, Duration.ofMillis(10), Duration.ofSeconds(1));
    }

    void use(ResilienceSettings resilience, Duration timeout) {
        HostLookup noNames = name -> {
            throw new UnknownHostException(name);
        };
        ProviderSettings settings = new ProviderSettings(EgressPolicy.allowing("127.0.0.0/8"), timeout)
                .withResilience(resilience);
        adapter = ProviderAdapter.create(vertx, settings, noNames, null);
        documents = adapter.documents();
        view = adapter.resilience();
    }

    IntegrationResilience stateOf(Integration integration) {
        return view.integration(integration.id()).orElseThrow();
    }

    static void waitUntil(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + WAIT + ": " + what);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    static <T> Future<T> onContext(Context context, Supplier<Future<T>> action) {
        Promise<T> promise = Promise.promise();
        context.runOnContext(v -> action.get().onComplete(promise));
        return promise.future();
    }

    static Buffer readAll(ProviderBytes bytes) {
        return Await.result(reading(bytes), WAIT);
    }

    /** All of the bytes, read without blocking. */
    static Future<Buffer> reading(ProviderBytes bytes) {
        Buffer all = Buffer.buffer();
        Promise<Buffer> done = Promise.promise();
        bytes.content().handler(all::appendBuffer);
        bytes.content().exceptionHandler(done::tryFail);
        bytes.content().endHandler(v -> done.tryComplete(all));
        bytes.content().resume();
        return done.future();
    }

    static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    @Nested
    class Bulkheads {

        /** Four calls hang at provider A, two more wait in its queue. */
        void fillIntegrationA() {
            providerA.fault(ProviderEndpoint.FILES, Fault.hang());
            for (int i = 0; i < 6; i++) {
                documents.files(callA, ProviderItemId.ROOT, Page.ALL);
            }
            waitUntil("4 calls at provider A", () -> providerA.requestsTo(ProviderEndpoint.FILES).size() == 4);
            waitUntil("2 calls queued", () -> stateOf(integrationA).callsQueued() == 2);
        }

        @Test
        void beyondItsCallsAndQueueAnIntegrationIsBusyAtOnceWithRetryAfter() {
            use(settings(4, 2, 60_000, 16, 100, 30_000, 2), Duration.ofSeconds(30));
            fillIntegrationA();

            long started = System.nanoTime();
            ProviderBusyException busy = Await.failure(documents.files(callA, ProviderItemId.ROOT, Page.ALL),
                    ProviderBusyException.class, WAIT);
            assertTrue(millisSince(started) < 2_000, "refused at once, not after a wait");
            assertEquals(1, busy.retryAfterSeconds());
            assertEquals(4, providerA.requestsTo(ProviderEndpoint.FILES).size(), "queued calls were not sent");
            IntegrationResilience state = stateOf(integrationA);
            assertEquals(4, state.callsInFlight());
            assertEquals(2, state.callsQueued());
            assertEquals(1, state.refusedAsBusy());
            assertEquals(BreakerState.CLOSED, state.breaker());
        }

        @Test
        void aHangingIntegrationDoesNotSlowAHealthyOne() {
            use(settings(4, 2, 60_000, 16, 100, 30_000, 2), Duration.ofSeconds(30));
            fillIntegrationA();

            long started = System.nanoTime();
            long slowest = 0;
            for (int i = 0; i < 40; i++) {
                long callStarted = System.nanoTime();
                List<Item> items = Await.result(documents.files(callB, ProviderItemId.ROOT, Page.ALL), WAIT);
                slowest = Math.max(slowest, millisSince(callStarted));
                assertEquals(2, items.size());
            }
            Await.result(documents.metadata(callB, FILE), WAIT);
            readAll(Await.result(documents.download(callB, FILE), WAIT));
            assertTrue(slowest < 1_000, "the slowest healthy call took " + slowest + " ms");
            assertTrue(millisSince(started) < 5_000, "42 healthy calls took " + millisSince(started) + " ms");
            assertEquals(4, stateOf(integrationA).callsInFlight(), "A's permits stayed held all along");
            assertEquals(2, stateOf(integrationA).callsQueued());
            assertEquals(0, stateOf(integrationB).callsInFlight());
            assertEquals(0, stateOf(integrationB).refusedAsBusy());
        }

        @Test
        void queuedCallsRunAsPermitsComeBack() {
            use(settings(4, 2, 60_000, 16, 100, 30_000, 2), Duration.ofMillis(1_000));
            providerA.fault(ProviderEndpoint.FILES, Fault.hang(), 4);
            List<Future<List<Item>>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(documents.files(callA, ProviderItemId.ROOT, Page.ALL));
            }
            for (int i = 0; i < 4; i++) {
                Await.failure(calls.get(i), ProviderTimeoutException.class, WAIT);
            }
            assertEquals(2, Await.result(calls.get(4), WAIT).size());
            assertEquals(2, Await.result(calls.get(5), WAIT).size());
            assertEquals(6, providerA.requestsTo(ProviderEndpoint.FILES).size(), "timeouts are not retried");
            waitUntil("every permit back", () -> stateOf(integrationA).callsInFlight() == 0);
        }

        @Test
        void aQueuedCallGivesUpAsBusyAfterTheLongestWait() {
            use(settings(1, 1, 200, 16, 100, 30_000, 2), Duration.ofSeconds(30));
            providerA.fault(ProviderEndpoint.FILES, Fault.hang());
            documents.files(callA, ProviderItemId.ROOT, Page.ALL);
            waitUntil("1 call at provider A", () -> providerA.requestsTo(ProviderEndpoint.FILES).size() == 1);

            long started = System.nanoTime();
            Await.failure(documents.metadata(callA, FILE), ProviderBusyException.class, WAIT);
            assertTrue(millisSince(started) >= 150, "it waited in the queue first");
            assertTrue(providerA.requestsTo(ProviderEndpoint.METADATA).isEmpty());
            assertEquals(0, stateOf(integrationA).callsQueued());
        }
    }

    @Nested
    class Streams {

        @ParameterizedTest
        @ValueSource(booleans = {true, false})
        void aByteStreamHoldsItsPermitUntilItEnds(boolean thumbnail) {
            use(settings(1, 1, 60_000, 16, 100, 30_000, 2), Duration.ofSeconds(10));
            ProviderBytes bytes = Await.result(thumbnail ? documents.thumbnail(callA, FILE, 64L)
                    : documents.download(callA, FILE), WAIT);
            assertEquals(1, stateOf(integrationA).callsInFlight());
            assertEquals(1, view.streamsInFlight());

            Future<Item> waiting = documents.metadata(callA, FILE);
            waitUntil("metadata queued", () -> stateOf(integrationA).callsQueued() == 1);
            assertTrue(providerA.requestsTo(ProviderEndpoint.METADATA).isEmpty());

            Buffer content = readAll(bytes);
            assertEquals(thumbnail ? TestDocumentProvider.THUMBNAIL.length : 5, content.length());
            assertEquals("file-1", Await.result(waiting, WAIT).id().value());
            waitUntil("permits back", () -> stateOf(integrationA).callsInFlight() == 0);
            assertEquals(0, view.streamsInFlight());
        }

        @Test
        void anAbortedStreamGivesItsPermitBack() {
            use(settings(1, 0, 60_000, 16, 100, 30_000, 2), Duration.ofSeconds(10));
            ProviderBytes bytes = Await.result(documents.download(callA, FILE), WAIT);
            Await.failure(documents.metadata(callA, FILE), ProviderBusyException.class, WAIT);

            bytes.abort();
            waitUntil("permit back", () -> stateOf(integrationA).callsInFlight() == 0);
            assertEquals(0, view.streamsInFlight());
            assertEquals("file-1", Await.result(documents.metadata(callA, FILE), WAIT).id().value());
            bytes.abort();
            assertEquals(0, stateOf(integrationA).callsInFlight(), "a second abort releases nothing more");
        }

        @Test
        void aStreamFailingMidwayGivesItsPermitBackAndIsNotRetried() {
            use(settings(1, 0, 60_000, 16, 100, 30_000, 2), Duration.ofSeconds(10));
            providerA.fault(ProviderEndpoint.DOWNLOAD, Fault.resetMidBody(1_000));
            ProviderBytes bytes = Await.result(documents.download(callA, FILE), WAIT);
            Promise<Void> ended = Promise.promise();
            bytes.content().handler(chunk -> { });
            bytes.content().endHandler(ended::tryComplete);
            bytes.content().exceptionHandler(ended::tryFail);
            bytes.content().resume();
            Await.failure(ended.future(), ProviderBadResponseException.class, WAIT);

            waitUntil("permit back", () -> stateOf(integrationA).callsInFlight() == 0);
            assertEquals(0, view.streamsInFlight());
            assertEquals(1, providerA.requestsTo(ProviderEndpoint.DOWNLOAD).size(),
                    "bytes were handed over: no retry");
            assertEquals(0, stateOf(integrationA).retries());
        }

        @Test
        void anUploadHoldsItsPermitUntilItsAnswer() {
            use(settings(1, 0, 60_000, 16, 100, 30_000, 2), Duration.ofSeconds(10));
            Item created = Await.result(documents.uploadInit(callA, new UploadTarget(ProviderItemId.ROOT, "a.bin", null,
                    null)), WAIT);
            Context context = vertx.getOrCreateContext();
            GatedStream content = new GatedStream(context,
                    new GeneratedReadStream(context, new GeneratedContent(200_000, 3), -1));
            Future<Void> upload = onContext(context, () -> documents.upload(callA, created.id(), content, 200_000L));
            waitUntil("upload started", () -> view.streamsInFlight() == 1);
            assertEquals(1, stateOf(integrationA).callsInFlight());
            Await.failure(documents.metadata(callA, FILE), ProviderBusyException.class, WAIT);

            content.open();
            Await.result(upload, WAIT);
            waitUntil("permit back", () -> stateOf(integrationA).callsInFlight() == 0);
            assertEquals(0, view.streamsInFlight());
            assertEquals(200_000, providerA.upload(created.id().value()).orElseThrow().size());
        }

        @Test
        void streamsAreCappedOverAllIntegrationsWithoutAQueue() {
            use(settings(8, 8, 60_000, 1, 100, 30_000, 2), Duration.ofSeconds(10));
            ProviderBytes held = Await.result(documents.download(callA, FILE), WAIT);

            ProviderBusyException busy = Await.failure(documents.download(callB, FILE), ProviderBusyException.class,
                    WAIT);
            assertEquals(1, busy.retryAfterSeconds());
            assertTrue(providerB.requestsTo(ProviderEndpoint.DOWNLOAD).isEmpty());
            assertEquals(0, stateOf(integrationB).callsInFlight(), "the refused stream gave its permit back");
            assertEquals(2, Await.result(documents.files(callB, ProviderItemId.ROOT, Page.ALL), WAIT).size(),
                    "JSON calls need no stream slot");

            readAll(held);
            waitUntil("slot back", () -> view.streamsInFlight() == 0);
            assertEquals(5, readAll(Await.result(documents.download(callB, FILE), WAIT)).length());
        }
    }

    @Nested
    class Breakers {

        /** The faults that say a provider is down; each call here fails with one. */
        enum DownFault {
            BAD_GATEWAY(Fault.status(502)), UNAVAILABLE(Fault.status(503)), GATEWAY_TIMEOUT(Fault.status(504)),
            HANG(Fault.hang());

            final Fault fault;

            DownFault(Fault fault) {
                this.fault = fault;
            }
        }

        @ParameterizedTest
        @EnumSource(DownFault.class)
        void opensAfterConsecutiveProviderFaultsThenFailsFast(DownFault down) {
            use(settings(8, 8, 60_000, 16, 3, 30_000, 0), Duration.ofMillis(300));
            providerA.fault(ProviderEndpoint.METADATA, down.fault);
            for (int i = 0; i < 3; i++) {
                Future<Item> failing = documents.metadata(callA, FILE);
                Throwable failure = Await.failure(failing, RuntimeException.class, WAIT);
                assertTrue(ProviderFaults.isProviderFault(failure), failure.toString());
            }
            assertEquals(BreakerState.OPEN, stateOf(integrationA).breaker());

            long started = System.nanoTime();
            ProviderCircuitOpenException open = Await.failure(documents.files(callA, ProviderItemId.ROOT, Page.ALL),
                    ProviderCircuitOpenException.class, WAIT);
            assertTrue(millisSince(started) < 1_000);
            assertTrue(open.retryAfterSeconds() >= 29 && open.retryAfterSeconds() <= 30, open.toString());
            assertEquals(3, providerA.requests().size(), "nothing reached the provider once open");
            Await.failure(documents.createFolder(callA, ProviderItemId.ROOT, "x"), ProviderCircuitOpenException.class,
                    WAIT);
            assertEquals(1, stateOf(integrationA).timesOpened());
            assertEquals(2, stateOf(integrationA).refusedByBreaker());
        }

        @Test
        void anUnreachableProviderOpensIt() {
            use(settings(8, 8, 60_000, 16, 3, 30_000, 0), Duration.ofSeconds(2));
            TestDocumentProvider gone = TestDocumentProvider.start(vertx);
            String baseUrl = gone.baseUrl();
            Await.result(gone.close());
            ProviderCall call = ProviderCall.apiKey(TestIntegrations.apiKey(baseUrl), USERNAME);
            for (int i = 0; i < 3; i++) {
                Await.failure(documents.files(call, ProviderItemId.ROOT, Page.ALL), ProviderUnreachableException.class,
                        WAIT);
            }
            Await.failure(documents.files(call, ProviderItemId.ROOT, Page.ALL), ProviderCircuitOpenException.class,
                    WAIT);
        }

        @ParameterizedTest
        @ValueSource(ints = {400, 401, 403, 404, 409, 429, 500})
        void oneUsersBadRequestsNeverOpenIt(int status) {
            use(settings(8, 8, 60_000, 16, 3, 30_000, 2), Duration.ofSeconds(2));
            providerA.fault(ProviderEndpoint.METADATA, Fault.answer(status,
                    "{\"status\":\"error\",\"error\":\"no such thing\"}"));
            for (int i = 0; i < 10; i++) {
                Throwable failure = Await.failure(documents.metadata(callA, new ProviderItemId("bad-" + i)),
                        RuntimeException.class, WAIT);
                assertTrue(failure instanceof ProviderErrorException || failure instanceof ProviderForbiddenException
                        || failure instanceof ProviderNotFoundException, failure.toString());
            }
            assertEquals(BreakerState.CLOSED, stateOf(integrationA).breaker());
            assertEquals(0, stateOf(integrationA).consecutiveFailures());
            assertEquals(10, providerA.requestsTo(ProviderEndpoint.METADATA).size(), "and none was retried");
            assertEquals(2, Await.result(documents.files(callA, ProviderItemId.ROOT, Page.ALL), WAIT).size());
        }

        @Test
        void countsOnlyFaultsInARow() {
            use(settings(8, 8, 60_000, 16, 3, 30_000, 0), Duration.ofSeconds(2));
            providerA.fault(ProviderEndpoint.METADATA, Fault.status(503));
            for (int round = 0; round < 3; round++) {
                Await.failure(documents.metadata(callA, FILE), ProviderErrorException.class, WAIT);
                Await.failure(documents.metadata(callA, FILE), ProviderErrorException.class, WAIT);
                Await.result(documents.files(callA, ProviderItemId.ROOT, Page.ALL), WAIT);
            }
            assertEquals(BreakerState.CLOSED, stateOf(integrationA).breaker());
            assertEquals(0, stateOf(integrationA).consecutiveFailures());
        }

        /** Three 503s open A's breaker for {@code openMs}. */
        void tripA(long openMs, Duration timeout) {
            use(settings(8, 8, 60_000, 16, 3, openMs, 0), timeout);
            providerA.fault(ProviderEndpoint.FILES, Fault.status(503));
            for (int i = 0; i < 3; i++) {
                Await.failure(documents.files(callA, ProviderItemId.ROOT, Page.ALL), ProviderErrorException.class, WAIT);
            }
            assertEquals(BreakerState.OPEN, stateOf(integrationA).breaker());
        }

        @Test
        void afterTheOpenTimeASuccessfulProbeClosesIt() {
            tripA(500, Duration.ofSeconds(2));
            providerA.clearFaults();
            Await.failure(documents.files(callA, ProviderItemId.ROOT, Page.ALL), ProviderCircuitOpenException.class,
                    WAIT);
            waitUntil("half-open", () -> stateOf(integrationA).breaker() == BreakerState.HALF_OPEN);

            assertEquals(2, Await.result(documents.files(callA, ProviderItemId.ROOT, Page.ALL), WAIT).size());
            assertEquals(BreakerState.CLOSED, stateOf(integrationA).breaker());
            assertEquals(4, providerA.requestsTo(ProviderEndpoint.FILES).size());
            Await.result(documents.metadata(callA, FILE), WAIT);
        }

        @Test
        void aFailedProbeOpensItAgain() {
            tripA(500, Duration.ofSeconds(2));
            waitUntil("half-open", () -> stateOf(integrationA).breaker() == BreakerState.HALF_OPEN);

            Await.failure(documents.files(callA, ProviderItemId.ROOT, Page.ALL), ProviderErrorException.class, WAIT);
            assertEquals(4, providerA.requestsTo(ProviderEndpoint.FILES).size());
            assertEquals(BreakerState.OPEN, stateOf(integrationA).breaker());
            assertEquals(2, stateOf(integrationA).timesOpened());
            Await.failure(documents.files(callA, ProviderItemId.ROOT, Page.ALL), ProviderCircuitOpenException.class,
                    WAIT);
            assertEquals(4, providerA.requestsTo(ProviderEndpoint.FILES).size());
        }

        @Test
        void whileTheProbeRunsOtherCallsFailFast() {
            tripA(300, Duration.ofMillis(1_000));
            providerA.fault(ProviderEndpoint.FILES, Fault.hang());
            waitUntil("half-open", () -> stateOf(integrationA).breaker() == BreakerState.HALF_OPEN);
            Future<List<Item>> probe = documents.files(callA, ProviderItemId.ROOT, Page.ALL);
            waitUntil("probe at the provider", () -> providerA.requestsTo(ProviderEndpoint.FILES).size() == 4);

            ProviderCircuitOpenException refused = Await.failure(documents.metadata(callA, FILE),
                    ProviderCircuitOpenException.class, WAIT);
            assertEquals(1, refused.retryAfterSeconds());
            assertTrue(providerA.requestsTo(ProviderEndpoint.METADATA).isEmpty());
            Await.failure(probe, ProviderTimeoutException.class, WAIT);
            assertEquals(BreakerState.OPEN, stateOf(integrationA).breaker(), "a timed-out probe opens it again");
        }

        @Test
        void oneIntegrationsOpenCircuitLeavesAnotherOnTheSameProviderAlone() {
            tripA(30_000, Duration.ofSeconds(2));
            providerA.clearFaults();
            Integration sameProvider = TestIntegrations.apiKey(providerA.baseUrl());
            ProviderCall other = ProviderCall.apiKey(sameProvider, USERNAME);

            assertEquals(2, Await.result(documents.files(other, ProviderItemId.ROOT, Page.ALL), WAIT).size());
            Await.failure(documents.files(callA, ProviderItemId.ROOT, Page.ALL), ProviderCircuitOpenException.class,
                    WAIT);
            assertEquals(BreakerState.CLOSED, stateOf(sameProvider).breaker());
        }

        @Test
        void aCallCountsOnceWhateverItsRetries() {
            use(settings(8, 8, 60_000, 16, 3, 30_000, 2), Duration.ofSeconds(2));
            providerA.fault(ProviderEndpoint.FILES, Fault.status(503));
            Await.failure(documents.files(callA, ProviderItemId.ROOT, Page.ALL), ProviderErrorException.class, WAIT);
            Await.failure(documents.files(callA, ProviderItemId.ROOT, Page.ALL), ProviderErrorException.class, WAIT);
            assertEquals(6, providerA.requestsTo(ProviderEndpoint.FILES).size());
            assertEquals(BreakerState.CLOSED, stateOf(integrationA).breaker());
            assertEquals(2, stateOf(integrationA).consecutiveFailures());

            providerA.fault(ProviderEndpoint.FILES, Fault.status(503), 2);
            Await.result(documents.files(callA, ProviderItemId.ROOT, Page.ALL), WAIT);
            assertEquals(0, stateOf(integrationA).consecutiveFailures(), "a call whose retry succeeded is a success");
        }
    }

    @Nested
    class Retries {

        /** Every read, each with a call that succeeds on a healthy provider. */
        enum Read {
            FILES(ProviderEndpoint.FILES, (d, c) -> d.files(c, ProviderItemId.ROOT, Page.ALL)),
            METADATA(ProviderEndpoint.METADATA, (d, c) -> d.metadata(c, FILE)),
            SEARCH(ProviderEndpoint.SEARCH, (d, c) -> d.search(c, new SearchQuery("Report", null, Page.ALL))),
            SERVICE_INFO(ProviderEndpoint.SERVICE_INFO, (d, c) -> d.serviceInfo(c)),
            DOWNLOAD(ProviderEndpoint.DOWNLOAD, (d, c) -> d.download(c, FILE).compose(ResilientDocumentProviderIT::reading)),
            THUMBNAIL(ProviderEndpoint.THUMBNAIL, (d, c) -> d.thumbnail(c, FILE, null)
                    .compose(ResilientDocumentProviderIT::reading));

            final ProviderEndpoint endpoint;
            final java.util.function.BiFunction<DocumentProviderPort, ProviderCall, Future<?>> call;

            Read(ProviderEndpoint endpoint, java.util.function.BiFunction<DocumentProviderPort, ProviderCall, Future<?>> call) {
                this.endpoint = endpoint;
                this.call = call;
            }
        }

        /** Every write, each with a call that succeeds on a healthy provider. */
        enum Write {
            UPLOAD_INIT(ProviderEndpoint.UPLOAD_INIT,
                    d -> c -> d.uploadInit(c, new UploadTarget(ProviderItemId.ROOT, "new.txt", null, null))),
            UPLOAD(ProviderEndpoint.UPLOAD, d -> c -> onContext(vertx.getOrCreateContext(), () -> d.upload(c, FILE,
                    new GeneratedReadStream(Vertx.currentContext(), new GeneratedContent(10, 1), -1), 10L))),
            CREATE_FOLDER(ProviderEndpoint.CREATE_FOLDER, d -> c -> d.createFolder(c, ProviderItemId.ROOT, "New")),
            RENAME(ProviderEndpoint.RENAME, d -> c -> d.rename(c, FILE, "Renamed.txt")),
            DELETE(ProviderEndpoint.DELETE, d -> c -> d.delete(c, FILE, ItemKind.FILE)),
            CUSTOM_ACTION(ProviderEndpoint.CUSTOM_ACTION,
                    d -> c -> d.customAction(c, new CustomActionRequest("archive", "file-1", null)));

            final ProviderEndpoint endpoint;
            final Function<DocumentProviderPort, Function<ProviderCall, Future<?>>> call;

            Write(ProviderEndpoint endpoint, Function<DocumentProviderPort, Function<ProviderCall, Future<?>>> call) {
                this.endpoint = endpoint;
                this.call = call;
            }
        }

        @BeforeEach
        void protections() {
            use(settings(8, 8, 60_000, 16, 100, 30_000, 2), Duration.ofSeconds(2));
        }

        @ParameterizedTest
        @EnumSource(Read.class)
        void aReadIsRetriedTwiceOnUnavailableAnswers(Read read) {
            providerA.fault(read.endpoint, Fault.status(503), 2);
            Await.result(read.call.apply(documents, callA), WAIT);
            assertEquals(3, providerA.requestsTo(read.endpoint).size());
            assertEquals(2, stateOf(integrationA).retries());
        }

        @ParameterizedTest
        @ValueSource(ints = {502, 504})
        void gatewayFailuresAreRetriedToo(int status) {
            providerA.fault(ProviderEndpoint.FILES, Fault.status(status), 1);
            Await.result(documents.files(callA, ProviderItemId.ROOT, Page.ALL), WAIT);
            assertEquals(2, providerA.requestsTo(ProviderEndpoint.FILES).size());
        }

        @Test
        void aReadFailingThreeTimesFailsWithTheLastAnswer() {
            providerA.fault(ProviderEndpoint.METADATA, Fault.answer(503, "{\"error\":\"maintenance\"}"));
            ProviderErrorException failed = Await.failure(documents.metadata(callA, FILE), ProviderErrorException.class,
                    WAIT);
            assertEquals(503, failed.providerStatus());
            assertEquals("maintenance", failed.providerText());
            assertEquals(3, providerA.requestsTo(ProviderEndpoint.METADATA).size());
        }

        @ParameterizedTest
        @EnumSource(Write.class)
        void aWriteIsNeverRetried(Write write) {
            providerA.fault(write.endpoint, Fault.status(503), 1);
            ProviderErrorException failed = Await.failure(write.call.apply(documents).apply(callA),
                    ProviderErrorException.class, WAIT);
            assertEquals(503, failed.providerStatus());
            assertEquals(1, providerA.requestsTo(write.endpoint).size());
            assertEquals(0, stateOf(integrationA).retries());
            Await.result(write.call.apply(documents).apply(callA), WAIT); // the fault was a single one
        }

        @ParameterizedTest
        @ValueSource(ints = {500, 404, 403, 429})
        void otherAnswersAreNotRetried(int status) {
            providerA.fault(ProviderEndpoint.FILES, Fault.status(status), 1);
            Await.failure(documents.files(callA, ProviderItemId.ROOT, Page.ALL), RuntimeException.class, WAIT);
            assertEquals(1, providerA.requestsTo(ProviderEndpoint.FILES).size());
        }

        @Test
        void aTimeoutIsNotRetried() {
            use(settings(8, 8, 60_000, 16, 100, 30_000, 2), Duration.ofMillis(300));
            providerA.fault(ProviderEndpoint.FILES, Fault.hang(), 1);
            Await.failure(documents.files(callA, ProviderItemId.ROOT, Page.ALL), ProviderTimeoutException.class, WAIT);
            assertEquals(1, providerA.requestsTo(ProviderEndpoint.FILES).size());
        }

        @Test
        void aConnectionClosedBeforeTheAnswerIsRetried() {
            AtomicInteger received = new AtomicInteger();
            HttpServer closing = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
                    .requestHandler(request -> {
                        if (received.incrementAndGet() <= 2) {
                            request.connection().close();
                        } else {
                            request.response().putHeader("Content-Type", "application/json").end("[]");
                        }
                    });
            Await.result(closing.listen());
            try {
                ProviderCall call = ProviderCall.apiKey(TestIntegrations.apiKey(
                        "http://127.0.0.1:" + closing.actualPort() + "/api"), USERNAME);
                assertEquals(List.of(), Await.result(documents.files(call, ProviderItemId.ROOT, Page.ALL), WAIT));
                assertEquals(3, received.get());
            } finally {
                Await.result(closing.close());
            }
        }

        @Test
        void theProvidersRetryAfterIsHonoured() {
            providerA.fault(ProviderEndpoint.FILES, new Fault.Answer(503, Map.of("Retry-After", "1"), ""), 1);
            long started = System.nanoTime();
            Await.result(documents.files(callA, ProviderItemId.ROOT, Page.ALL), WAIT);
            assertTrue(millisSince(started) >= 950, "waited " + millisSince(started) + " ms, the backoff alone is 10");
            assertEquals(2, providerA.requestsTo(ProviderEndpoint.FILES).size());
        }

        @Test
        void aRetryAfterBeyondTheCapIsNotWaitedFor() {
            providerA.fault(ProviderEndpoint.FILES, new Fault.Answer(503, Map.of("Retry-After", "120"), ""));
            long started = System.nanoTime();
            ProviderErrorException failed = Await.failure(documents.files(callA, ProviderItemId.ROOT, Page.ALL),
                    ProviderErrorException.class, WAIT);
            assertTrue(millisSince(started) < 900, "failed after " + millisSince(started) + " ms");
            assertEquals(Duration.ofSeconds(120), failed.retryAfter().orElseThrow());
            assertEquals(1, providerA.requestsTo(ProviderEndpoint.FILES).size());
        }
    }

    /** A content stream that emits nothing until {@link #open()}: an upload that is still under way. */
    static final class GatedStream implements ReadStream<Buffer> {
        private final Context context;
        private final ReadStream<Buffer> inner;
        private boolean open;
        private long demand;

        GatedStream(Context context, ReadStream<Buffer> inner) {
            this.context = context;
            this.inner = inner;
        }

        void open() {
            context.runOnContext(v -> {
                open = true;
                if (demand > 0) {
                    inner.fetch(demand);
                }
            });
        }

        @Override
        public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
            inner.exceptionHandler(handler);
            return this;
        }

        @Override
        public ReadStream<Buffer> handler(Handler<Buffer> handler) {
            inner.handler(handler);
            return this;
        }

        @Override
        public ReadStream<Buffer> pause() {
            demand = 0;
            inner.pause();
            return this;
        }

        @Override
        public ReadStream<Buffer> resume() {
            return fetch(Long.MAX_VALUE);
        }

        @Override
        public ReadStream<Buffer> fetch(long amount) {
            if (open) {
                inner.fetch(amount);
            } else {
                demand = Long.MAX_VALUE - demand < amount ? Long.MAX_VALUE : demand + amount;
            }
            return this;
        }

        @Override
        public ReadStream<Buffer> endHandler(Handler<Void> handler) {
            inner.endHandler(handler);
            return this;
        }
    }
}
