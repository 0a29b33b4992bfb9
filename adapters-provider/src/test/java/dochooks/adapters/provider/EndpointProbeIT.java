package dochooks.adapters.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dochooks.adapters.provider.egress.EgressPolicy;
import dochooks.adapters.provider.egress.EgressResolver;
import dochooks.adapters.provider.egress.HostLookup;
import dochooks.adapters.provider.testing.Await;
import dochooks.application.error.ProviderAddressBlockedException;
import dochooks.application.error.ProviderTimeoutException;
import dochooks.application.error.ProviderUnreachableException;
import dochooks.domain.integration.ProviderUrl;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The connection test's reachability check of OAuth2 endpoints against real servers on 127.0.0.1: any status
 * is an answer, the URL goes as registered, redirects are not followed, the body is not read, and the egress
 * policy and the timeout apply. No name is ever looked up.
 */
class EndpointProbeIT {
    private static final Duration TIMEOUT = Duration.ofMillis(500);
    private static final HostLookup NO_NAMES = name -> {
        throw new UnknownHostException(name);
    };
    private static Vertx vertx;

    private final List<HttpServerRequest> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger closedConnections = new AtomicInteger();
    private HttpServer server;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() {
        Await.result(vertx.close());
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            Await.result(server.close());
        }
    }

    private int serve(Consumer<HttpServerRequest> answer) {
        server = vertx.createHttpServer().requestHandler(request -> {
            received.add(request);
            answer.accept(request);
        });
        server.connectionHandler(connection -> connection.closeHandler(v -> closedConnections.incrementAndGet()));
        return Await.result(server.listen(0, "127.0.0.1")).actualPort();
    }

    private static EndpointProbe probe(String allowedCidrs) {
        EgressResolver resolver = new EgressResolver(vertx, EgressPolicy.allowing(allowedCidrs), NO_NAMES);
        return new EndpointProbe(new OutboundHttpClient(vertx, resolver, TIMEOUT));
    }

    @Test
    void anyStatusMeansReachableAndTheUrlGoesAsRegistered() {
        int port = serve(request -> request.response().setStatusCode(405).end());

        int status = Await.result(probe("127.0.0.0/8").probe(
                new ProviderUrl("http://127.0.0.1:" + port + "/oauth/authorize?tenant=acme")));

        assertEquals(405, status);
        assertEquals(1, received.size());
        HttpServerRequest request = received.get(0);
        assertEquals("GET", request.method().name());
        assertEquals("/oauth/authorize?tenant=acme", request.uri());
        assertEquals(null, request.getHeader("Authorization"));
    }

    @Test
    void aRedirectIsAnAnswerNotFollowed() {
        int port = serve(request -> request.response().setStatusCode(302)
                .putHeader("Location", "/elsewhere").end());

        int status = Await.result(probe("127.0.0.0/8").probe(new ProviderUrl("http://127.0.0.1:" + port + "/token")));

        assertEquals(302, status);
        assertEquals(List.of("/token"), received.stream().map(HttpServerRequest::path).toList());
    }

    @Test
    void anEndlessBodyIsNotReadTheConnectionIsClosedOnceTheStatusIsKnown() {
        int port = serve(request -> {
            request.response().setChunked(true).setStatusCode(200);
            Buffer chunk = Buffer.buffer(new byte[64 * 1024]);
            long timer = vertx.setPeriodic(5, id -> {
                if (!request.response().closed() && !request.response().writeQueueFull()) {
                    request.response().write(chunk);
                }
            });
            request.response().closeHandler(v -> vertx.cancelTimer(timer));
        });

        int status = Await.result(probe("127.0.0.0/8").probe(new ProviderUrl("http://127.0.0.1:" + port + "/authorize")));

        assertEquals(200, status);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (closedConnections.get() == 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(1, closedConnections.get(), "the probe closes the connection instead of reading on");
    }

    @Test
    void aClosedPortIsUnreachable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        Await.failure(probe("127.0.0.0/8").probe(new ProviderUrl("http://127.0.0.1:" + closedPort + "/token")),
                ProviderUnreachableException.class);
    }

    @Test
    void anUnknownNameIsUnreachable() {
        Await.failure(probe("127.0.0.0/8").probe(new ProviderUrl("https://no-such-host.test/token")),
                ProviderUnreachableException.class);
    }

    @Test
    void anAddressTheEgressPolicyRefusesIsBlockedWithoutConnecting() {
        int port = serve(request -> request.response().end());

        Await.failure(probe("").probe(new ProviderUrl("http://127.0.0.1:" + port + "/token")),
                ProviderAddressBlockedException.class);
        Await.failure(probe("").probe(new ProviderUrl("http://[::ffff:127.0.0.1]:" + port + "/token")),
                ProviderAddressBlockedException.class);

        assertTrue(received.isEmpty(), "nothing was sent");
    }

    @Test
    void aSilentEndpointTimesOut() {
        int port = serve(request -> request.pause()); // never answers

        long started = System.nanoTime();
        Await.failure(probe("127.0.0.0/8").probe(new ProviderUrl("http://127.0.0.1:" + port + "/token")),
                ProviderTimeoutException.class);

        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(5)) < 0);
    }
}
