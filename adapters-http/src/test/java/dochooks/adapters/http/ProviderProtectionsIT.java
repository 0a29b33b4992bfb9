package dochooks.adapters.http;

import static dochooks.adapters.http.DocumentsApi.documents;
import static dochooks.adapters.http.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dochooks.adapters.provider.ResilienceSettings;
import dochooks.adapters.provider.testing.Fault;
import dochooks.domain.document.ProviderEndpoint;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * dochooks' own protections of a provider answer 503 with {@code Retry-After} (api.md 1): {@code provider-busy}
 * when an integration has too many calls in flight, {@code provider-circuit-open} after repeated provider
 * failures. Nothing is sent to the provider in either case.
 */
class ProviderProtectionsIT {
    /** One call in flight per integration, none waiting; the circuit opens at the first failure, for 30 s. */
    private static final ResilienceSettings TIGHT = new ResilienceSettings(1, 0, Duration.ofMillis(100), 16, 1,
            Duration.ofSeconds(30), 0, Duration.ofMillis(50), Duration.ZERO);
    private static DocumentsApi docs;
    private String tenant;
    private String id;
    private String bob;

    @BeforeAll
    static void start() throws Exception {
        // long enough that the call holding the only slot is surely still in flight on a busy machine
        docs = DocumentsApi.start(TIGHT, Duration.ofSeconds(6));
    }

    @AfterAll
    static void stop() throws Exception {
        docs.close();
    }

    @BeforeEach
    void integration() {
        docs.provider.reset();
        tenant = TestApi.newTenant();
        id = docs.registerApiKey(tenant);
        bob = Tokens.user(tenant, "bob");
    }

    @Test
    void aCallWhileTheIntegrationsOnlySlotIsTakenIsBusy() throws Exception {
        docs.provider.fault(ProviderEndpoint.FILES, Fault.hang(), 1);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        CompletableFuture<HttpResponse<String>> hanging = client.sendAsync(
                docs.api.request(documents(id, "files"), bob).GET().build(), HttpResponse.BodyHandlers.ofString());
        awaitProviderRequests(1);

        Answer busy = docs.api.send(docs.api.request(documents(id, "metadata?id=file-1"), bob)
                .header("Accept-Language", "ko").GET().build());

        assertProblem(busy, 503, "provider-busy");
        assertEquals("공급자 호출 과다", busy.json().getString("title"));
        assertTrue(Long.parseLong(busy.header("Retry-After")) >= 1, busy::toString);
        assertEquals(1, docs.provider.requests().size(), "the refused call sent nothing");
        assertEquals(504, hanging.get(20, TimeUnit.SECONDS).statusCode(), "the hanging call timed out");
    }

    @Test
    void afterAProviderFailureTheCircuitIsOpenAndSaysWhenToRetry() {
        docs.provider.fault(ProviderEndpoint.FILES, Fault.status(503), 1);
        assertProblem(docs.get(documents(id, "files"), bob), 502, "provider-error");

        Answer open = docs.get(documents(id, "files"), bob);

        assertProblem(open, 503, "provider-circuit-open");
        long retryAfter = Long.parseLong(open.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 30, open::toString);
        assertEquals(1, docs.provider.requests().size(), "the paused call sent nothing");
    }

    private static void awaitProviderRequests(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (docs.provider.requests().size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the provider saw " + docs.provider.requests().size() + " requests");
            }
            Thread.sleep(10);
        }
    }
}
