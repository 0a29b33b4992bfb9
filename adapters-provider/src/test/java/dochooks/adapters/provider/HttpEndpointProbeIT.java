package dochooks.adapters.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dochooks.adapters.provider.egress.EgressPolicy;
import dochooks.adapters.provider.egress.HostLookup;
import dochooks.adapters.provider.testing.Await;
import dochooks.adapters.provider.testing.Fault;
import dochooks.adapters.provider.testing.RecordedRequest;
import dochooks.adapters.provider.testing.TestDocumentProvider;
import dochooks.application.error.ProviderAddressBlockedException;
import dochooks.application.error.ProviderTimeoutException;
import dochooks.application.error.ProviderUnreachableException;
import dochooks.domain.document.ProviderEndpoint;
import dochooks.domain.integration.ProviderUrl;
import dochooks.domain.integration.UrlPolicy;
import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The connection test's reachability check: one plain GET, any status is an answer. */
class HttpEndpointProbeIT {
    static final HostLookup NO_NAMES = name -> {
        throw new UnknownHostException(name);
    };
    static Vertx vertx;
    static TestDocumentProvider provider;
    static ProviderAdapter adapter;
    static ProviderAdapter impatient;
    static ProviderAdapter strict;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        provider = TestDocumentProvider.start(vertx);
        adapter = ProviderAdapter.create(vertx, new ProviderSettings(EgressPolicy.allowing("127.0.0.0/8"),
                Duration.ofSeconds(10)), NO_NAMES, null);
        impatient = ProviderAdapter.create(vertx, new ProviderSettings(EgressPolicy.allowing("127.0.0.0/8"),
                Duration.ofMillis(300)), NO_NAMES, null);
        strict = ProviderAdapter.create(vertx, new ProviderSettings(EgressPolicy.strict(), Duration.ofSeconds(10)),
                NO_NAMES, null);
    }

    @AfterAll
    static void stop() {
        Await.result(adapter.close());
        Await.result(impatient.close());
        Await.result(strict.close());
        Await.result(provider.close());
        Await.result(vertx.close());
    }

    @BeforeEach
    void reset() {
        provider.reset();
    }

    private static ProviderUrl url(String raw) {
        return ProviderUrl.endpoint(raw, new UrlPolicy(true));
    }

    @Test
    void anyStatusIsAnAnswerAndTheUrlIsSentAsRegisteredWithoutCredentials() {
        provider.fault(ProviderEndpoint.FILES, Fault.status(405));

        int status = Await.result(adapter.endpointProbe().probe(url(provider.baseUrl() + "/files?prompt=consent")));

        assertEquals(405, status);
        RecordedRequest request = provider.lastRequest();
        assertEquals("GET", request.method());
        assertEquals("prompt=consent", request.rawQuery());
        assertTrue(request.header("Authorization") == null && request.header("apiKey") == null);
        assertEquals(404, Await.result(adapter.endpointProbe().probe(url(provider.baseUrl() + "/nothing-here"))));
    }

    @Test
    void theBodyIsNotRead() {
        provider.fault(ProviderEndpoint.FILES, Fault.endlessJson());

        assertEquals(200, Await.result(adapter.endpointProbe().probe(url(provider.baseUrl() + "/files"))));
        assertTrue(provider.endlessBytesSent() < 64L * 1024 * 1024, "stopped early: " + provider.endlessBytesSent());
    }

    @Test
    void silenceIsATimeout() {
        provider.fault(ProviderEndpoint.FILES, Fault.hang());

        Await.failure(impatient.endpointProbe().probe(url(provider.baseUrl() + "/files")), ProviderTimeoutException.class);
    }

    @Test
    void aClosedPortIsUnreachable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        Await.failure(adapter.endpointProbe().probe(url("http://127.0.0.1:" + closedPort + "/authorize")),
                ProviderUnreachableException.class);
    }

    @Test
    void theEgressPolicyApplies() {
        Await.failure(strict.endpointProbe().probe(url(provider.baseUrl() + "/files")),
                ProviderAddressBlockedException.class);
        assertTrue(provider.requests().isEmpty());
    }
}
