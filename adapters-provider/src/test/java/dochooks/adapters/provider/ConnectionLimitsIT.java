package dochooks.adapters.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dochooks.adapters.provider.egress.EgressPolicy;
import dochooks.adapters.provider.egress.EgressResolver;
import dochooks.adapters.provider.testing.Await;
import dochooks.application.error.ProviderBadResponseException;
import dochooks.application.error.ProviderBusyException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outbound client's configurable bounds, against a server on 127.0.0.1. */
class ConnectionLimitsIT {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static Vertx vertx;

    private final AtomicInteger received = new AtomicInteger();
    private HttpServer server;
    private OutboundHttpClient client;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() {
        Await.result(vertx.close());
    }

    @BeforeEach
    void serve() {
        server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0)).requestHandler(request -> {
            received.incrementAndGet();
            if (request.path().equals("/hang")) {
                request.pause(); // never answers
            } else {
                request.response().end(Buffer.buffer(new byte[Integer.parseInt(request.getParam("size"))]));
            }
        });
        Await.result(server.listen());
    }

    @AfterEach
    void stop() {
        if (client != null) {
            Await.result(client.close());
        }
        Await.result(server.close());
    }

    private OutboundHttpClient client(ConnectionLimits limits) {
        EgressResolver resolver = new EgressResolver(vertx, EgressPolicy.allowing("127.0.0.0/8"), name -> {
            throw new UnknownHostException(name);
        });
        client = new OutboundHttpClient(vertx, resolver, Duration.ofSeconds(30), null, limits);
        return client;
    }

    private OutboundRequest get(String pathAndQuery) {
        return OutboundRequest.of(HttpMethod.GET, "http://127.0.0.1:" + server.actualPort() + pathAndQuery);
    }

    @Test
    void aRequestFindingTheHostsConnectionsAndWaitersTakenIsBusyAtOnce() {
        OutboundHttpClient bounded = client(new ConnectionLimits(1024, 1, 1));
        Future<BufferedAnswer> hanging = bounded.exchange(get("/hang"));
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (received.get() < 1 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        assertEquals(1, received.get());
        Future<BufferedAnswer> waiting = bounded.exchange(get("/?size=1"));

        long started = System.nanoTime();
        ProviderBusyException busy = Await.failure(bounded.exchange(get("/?size=1")), ProviderBusyException.class, WAIT);
        assertTrue(System.nanoTime() - started < 2_000_000_000L, "refused at once");
        assertEquals(1, busy.retryAfterSeconds());
        assertEquals(1, received.get(), "neither the waiter nor the refused request was sent");
        assertTrue(!hanging.isComplete() && !waiting.isComplete());
    }

    @Test
    void readsAnswersUpToTheConfiguredSizeAndNoFurther() {
        OutboundHttpClient small = client(new ConnectionLimits(2048, 4, 4));
        assertEquals(2048, Await.result(small.exchange(get("/?size=2048")), WAIT).body().length());
        ProviderBadResponseException tooBig = Await.failure(small.exchange(get("/?size=2049")),
                ProviderBadResponseException.class, WAIT);
        assertEquals(200, tooBig.providerStatus());
    }
}
