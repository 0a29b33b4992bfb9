package dochooks.adapters.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dochooks.adapters.provider.egress.EgressPolicy;
import dochooks.adapters.provider.egress.EgressResolver;
import dochooks.adapters.provider.egress.HostLookup;
import dochooks.adapters.provider.testing.Await;
import dochooks.adapters.provider.testing.DigestWriteStream;
import dochooks.adapters.provider.testing.GeneratedContent;
import dochooks.adapters.provider.testing.GeneratedReadStream;
import dochooks.application.error.ProviderAddressBlockedException;
import dochooks.application.error.ProviderBadResponseException;
import dochooks.application.error.ProviderTimeoutException;
import dochooks.application.error.ProviderUnreachableException;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SelfSignedCertificate;
import java.net.InetAddress;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The outbound client against real servers on 127.0.0.1 (allowed by 127.0.0.0/8): names are resolved by a
 * fixed table, so no DNS query is made and no packet leaves loopback.
 */
class OutboundHttpClientIT {
    private static final Duration SHORT = Duration.ofMillis(300);
    private static Vertx vertx;

    private final List<String> lookups = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger closedConnections = new AtomicInteger();
    private final List<HttpServerRequest> received = new CopyOnWriteArrayList<>();
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

    /** Names of the table: provider.test and loopback.test are 127.0.0.1; nothing else exists. */
    private HostLookup table() {
        return name -> {
            lookups.add(name);
            if (name.equals("provider.test") || name.equals("loopback.test")) {
                return List.of(InetAddress.getByAddress(name, new byte[] {127, 0, 0, 1}));
            }
            throw new java.net.UnknownHostException(name);
        };
    }

    private OutboundHttpClient client(EgressPolicy policy, Duration timeout) {
        return new OutboundHttpClient(vertx, new EgressResolver(vertx, policy, table()), timeout);
    }

    private OutboundHttpClient loopbackClient(Duration timeout) {
        return client(EgressPolicy.allowing("127.0.0.0/8"), timeout);
    }

    private int serve(Handler<HttpServerRequest> handler) {
        return serve(new HttpServerOptions(), handler);
    }

    private int serve(HttpServerOptions options, Handler<HttpServerRequest> handler) {
        server = vertx.createHttpServer(options.setHost("127.0.0.1").setPort(0).setMaxInitialLineLength(20 * 1024));
        server.connectionHandler(connection -> {
            connections.incrementAndGet();
            connection.closeHandler(v -> closedConnections.incrementAndGet());
        });
        server.requestHandler(request -> {
            received.add(request);
            handler.handle(request);
        });
        return Await.result(server.listen()).actualPort();
    }

    private static void eventually(String what, Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 10 s: " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void connectsToTheCheckedAddressWhileKeepingTheHostName() {
        int port = serve(request -> request.response().end("host=" + request.getHeader("Host")));
        BufferedAnswer answer = Await.result(loopbackClient(Duration.ofSeconds(5))
                .exchange(OutboundRequest.of(HttpMethod.GET, "http://provider.test:" + port + "/api/files?parentId=%2F")));
        assertEquals(200, answer.status());
        assertEquals("host=provider.test:" + port, answer.body().toString());
        assertEquals(List.of("provider.test"), lookups, "exactly one lookup, no second one to rebind");
        assertEquals("/api/files?parentId=%2F", received.get(0).uri(), "the target is sent as encoded");
    }

    @Test
    void refusesABlockedAddressBeforeAnyConnection() {
        int port = serve(request -> request.response().end("reached"));
        OutboundHttpClient strict = client(EgressPolicy.strict(), Duration.ofSeconds(5));
        Await.failure(strict.exchange(OutboundRequest.of(HttpMethod.GET, "http://127.0.0.1:" + port + "/")),
                ProviderAddressBlockedException.class);
        Await.failure(strict.exchange(OutboundRequest.of(HttpMethod.GET, "http://loopback.test:" + port + "/")),
                ProviderAddressBlockedException.class);
        Await.failure(strict.open(OutboundRequest.of(HttpMethod.GET, "http://[::ffff:127.0.0.1]:" + port + "/")),
                ProviderAddressBlockedException.class);
        assertEquals(0, connections.get());
    }

    @Test
    void anUnknownNameOrARefusedConnectionIsUnreachable() {
        int port = serve(request -> request.response().end());
        Await.result(server.close());
        server = null;
        OutboundHttpClient client = loopbackClient(Duration.ofSeconds(5));
        Await.failure(client.exchange(OutboundRequest.of(HttpMethod.GET, "http://127.0.0.1:" + port + "/")),
                ProviderUnreachableException.class);
        Await.failure(client.exchange(OutboundRequest.of(HttpMethod.GET, "http://nowhere.test/")),
                ProviderUnreachableException.class);
    }

    @Test
    void neverFollowsRedirects() {
        int port = serve(request -> request.response().setStatusCode(302)
                .putHeader("Location", "/elsewhere").end());
        BufferedAnswer answer = Await.result(loopbackClient(Duration.ofSeconds(5))
                .exchange(OutboundRequest.of(HttpMethod.GET, "http://127.0.0.1:" + port + "/start")));
        assertEquals(302, answer.status());
        assertEquals(1, received.size());
        assertEquals("/start", received.get(0).path());
    }

    @Test
    void aDrippingAnswerCannotOutlastTheDeadline() {
        // a byte every 50 ms never leaves the connection idle for 300 ms, yet the whole answer takes 5 s
        int port = serve(request -> {
            request.response().putHeader("Content-Length", "100");
            vertx.setPeriodic(50, id -> {
                if (request.response().closed()) {
                    vertx.cancelTimer(id);
                } else {
                    request.response().write("x");
                }
            });
        });
        long start = System.nanoTime();
        Await.failure(loopbackClient(SHORT).exchange(OutboundRequest.of(HttpMethod.GET, "http://127.0.0.1:" + port + "/")),
                ProviderTimeoutException.class);
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertTrue(elapsedMs < 2000, "took " + elapsedMs + " ms");
        eventually("the connection is closed", () -> closedConnections.get() == 1);
    }

    @Test
    void aSilentProviderTimesOut() {
        int port = serve(request -> { /* never answers */ });
        OutboundHttpClient client = loopbackClient(SHORT);
        Await.failure(client.exchange(OutboundRequest.of(HttpMethod.GET, "http://127.0.0.1:" + port + "/")),
                ProviderTimeoutException.class);
        Await.failure(client.open(OutboundRequest.of(HttpMethod.GET, "http://127.0.0.1:" + port + "/")),
                ProviderTimeoutException.class);
    }

    @Test
    void readsAnswersUpToTheCapAndNoFurther() {
        int port = serve(request -> {
            int size = Integer.parseInt(request.getParam("size"));
            request.response().end(Buffer.buffer(new byte[size]));
        });
        OutboundHttpClient client = loopbackClient(Duration.ofSeconds(10));
        int cap = OutboundHttpClient.MAX_BUFFERED_BYTES;
        assertEquals(cap, Await.result(client.exchange(OutboundRequest.of(HttpMethod.GET,
                "http://127.0.0.1:" + port + "/?size=" + cap))).body().length());
        ProviderBadResponseException tooBig = Await.failure(client.exchange(OutboundRequest.of(HttpMethod.GET,
                "http://127.0.0.1:" + port + "/?size=" + (cap + 1))), ProviderBadResponseException.class);
        assertEquals(200, tooBig.providerStatus());
    }

    @Test
    void stopsReadingAnEndlessAnswerAndClosesTheConnection() {
        AtomicInteger sent = new AtomicInteger();
        int port = serve(request -> {
            var response = request.response().setChunked(true);
            Buffer chunk = Buffer.buffer(new byte[64 * 1024]);
            Runnable[] pump = new Runnable[1];
            pump[0] = () -> {
                while (!response.closed() && !response.writeQueueFull()) {
                    response.write(chunk);
                    sent.addAndGet(chunk.length());
                }
                if (!response.closed()) {
                    response.drainHandler(v -> pump[0].run());
                }
            };
            pump[0].run();
        });
        Await.failure(loopbackClient(Duration.ofSeconds(10)).exchange(
                OutboundRequest.of(HttpMethod.GET, "http://127.0.0.1:" + port + "/")), ProviderBadResponseException.class);
        eventually("the connection is closed", () -> closedConnections.get() == 1);
        assertTrue(sent.get() < 64 * 1024 * 1024, "sent " + sent.get() + " bytes before the client stopped");
    }

    @Test
    void refusesRequestLinesOver16KibButSendsLongOnes() {
        int port = serve(request -> request.response().end(Integer.toString(request.uri().length())));
        OutboundHttpClient client = loopbackClient(Duration.ofSeconds(5));
        String longTarget = "/x?id=" + "%ED%95%9C".repeat(1700); // 15 306 characters
        assertEquals(Integer.toString(longTarget.length()), Await.result(client.exchange(
                OutboundRequest.of(HttpMethod.GET, "http://127.0.0.1:" + port + longTarget))).body().toString());
        Await.failure(client.exchange(OutboundRequest.of(HttpMethod.GET,
                "http://127.0.0.1:" + port + "/x?id=" + "a".repeat(16 * 1024))), IllegalArgumentException.class);
        assertEquals(1, received.size());
    }

    @Test
    void streamsABodyWithBackPressureAndStopsTheClockWhileTheConsumerStalls() {
        GeneratedContent content = new GeneratedContent(8 * 1024 * 1024, 3);
        int port = serve(request -> {
            var response = request.response().putHeader("Content-Length", Long.toString(content.size()));
            long[] offset = {0};
            Runnable[] pump = new Runnable[1];
            pump[0] = () -> {
                while (offset[0] < content.size() && !response.writeQueueFull()) {
                    response.write(content.chunk(offset[0], 64 * 1024));
                    offset[0] += 64 * 1024;
                }
                if (offset[0] >= content.size()) {
                    response.end();
                } else {
                    response.drainHandler(v -> pump[0].run());
                }
            };
            pump[0].run();
        });
        // the consumer stalls 500 ms after every 2 MiB: longer than the 300 ms timeout, but it is not the provider's silence
        DigestWriteStream consumer = new DigestWriteStream(vertx, 2 * 1024 * 1024, 500);
        StreamedAnswer answer = Await.result(loopbackClient(SHORT)
                .open(OutboundRequest.of(HttpMethod.GET, "http://127.0.0.1:" + port + "/")));
        Await.result(answer.body().pipeTo(consumer));
        assertEquals(content.size(), consumer.bytes());
        assertEquals(content.sha256(), consumer.sha256());
    }

    @Test
    void silenceInTheMiddleOfAStreamFailsItWithATimeout() {
        int port = serve(request -> request.response().putHeader("Content-Length", "1000").write("only a start"));
        StreamedAnswer answer = Await.result(loopbackClient(SHORT)
                .open(OutboundRequest.of(HttpMethod.GET, "http://127.0.0.1:" + port + "/")));
        Await.failure(answer.body().pipeTo(new DigestWriteStream(vertx)), ProviderTimeoutException.class);
        eventually("the connection is closed", () -> closedConnections.get() == 1);
    }

    @Test
    void aStreamCutOffMidwayFailsAsABadResponse() {
        int port = serve(request -> {
            request.response().putHeader("Content-Length", "100000").write(Buffer.buffer(new byte[1000]));
            vertx.setTimer(50, id -> request.connection().close());
        });
        StreamedAnswer answer = Await.result(loopbackClient(Duration.ofSeconds(5))
                .open(OutboundRequest.of(HttpMethod.GET, "http://127.0.0.1:" + port + "/")));
        ProviderBadResponseException cut = Await.failure(answer.body().pipeTo(new DigestWriteStream(vertx)),
                ProviderBadResponseException.class);
        assertEquals(200, cut.providerStatus());
    }

    @Test
    void abortingAStreamClosesTheConnection() {
        int port = serve(request -> request.response().setChunked(true).write("endless, but never mind"));
        StreamedAnswer answer = Await.result(loopbackClient(Duration.ofSeconds(5))
                .open(OutboundRequest.of(HttpMethod.GET, "http://127.0.0.1:" + port + "/")));
        vertx.runOnContext(v -> answer.abort());
        eventually("the connection is closed", () -> closedConnections.get() == 1);
    }

    @Test
    void uploadsAStreamWithBackPressure() {
        GeneratedContent content = new GeneratedContent(32 * 1024 * 1024, 11);
        List<String> digests = new CopyOnWriteArrayList<>();
        int port = serve(request -> {
            MessageDigest digest = sha256();
            long[] size = {0};
            request.handler(chunk -> {
                digest.update(chunk.getBytes());
                size[0] += chunk.length();
            });
            request.endHandler(v -> {
                digests.add(HexFormat.of().formatHex(digest.digest()));
                request.response().end("{\"bytes\":" + size[0] + "}");
            });
        });
        OutboundHttpClient client = loopbackClient(Duration.ofSeconds(5));
        Context context = vertx.getOrCreateContext();
        BufferedAnswer answer = Await.result(onContext(context, () -> client.send(
                OutboundRequest.of(HttpMethod.PUT, "http://127.0.0.1:" + port + "/upload"),
                new GeneratedReadStream(context, content, -1), content.size())));
        assertEquals("{\"bytes\":" + content.size() + "}", answer.body().toString());
        assertEquals(List.of(content.sha256()), digests);
        assertEquals(Long.toString(content.size()), received.get(0).getHeader("Content-Length"));
    }

    @Test
    void aFailingSourceResetsTheUploadInsteadOfEndingIt() {
        AtomicInteger ended = new AtomicInteger();
        int port = serve(request -> {
            request.handler(chunk -> { });
            request.endHandler(v -> {
                ended.incrementAndGet();
                request.response().end("{\"result\":\"success\"}");
            });
        });
        OutboundHttpClient client = loopbackClient(Duration.ofSeconds(5));
        Context context = vertx.getOrCreateContext();
        GeneratedContent content = new GeneratedContent(4 * 1024 * 1024, 5);
        Throwable failure = Await.failure(onContext(context, () -> client.send(
                OutboundRequest.of(HttpMethod.PUT, "http://127.0.0.1:" + port + "/upload"),
                new GeneratedReadStream(context, content, 1024 * 1024), null)), java.io.IOException.class);
        assertTrue(failure.getMessage().contains("went away"), failure.getMessage());
        eventually("the connection is closed", () -> closedConnections.get() == 1);
        assertEquals(0, ended.get(), "the provider must never see a clean end of a partial upload");
    }

    @Test
    void tlsUsesTheUrlsHostForTheServerNameAndTheCertificate() throws Exception {
        SelfSignedCertificate certificate = SelfSignedCertificate.create("provider.test");
        List<String> serverNames = new CopyOnWriteArrayList<>();
        int port = serve(new HttpServerOptions().setSsl(true).setSni(true).setKeyCertOptions(certificate.keyCertOptions()),
                request -> {
                    serverNames.add(String.valueOf(request.connection().indicatedServerName()));
                    request.response().end("secure");
                });
        EgressResolver resolver = new EgressResolver(vertx, EgressPolicy.allowing("127.0.0.0/8"), table());
        OutboundHttpClient trusting = new OutboundHttpClient(vertx, resolver, Duration.ofSeconds(5),
                certificate.trustOptions());
        assertEquals("secure", Await.result(trusting.exchange(
                OutboundRequest.of(HttpMethod.GET, "https://provider.test:" + port + "/"))).body().toString());
        assertEquals(List.of("provider.test"), serverNames);
        // the same server under another name fails the certificate check; with the JVM's authorities, the trust
        Await.failure(trusting.exchange(OutboundRequest.of(HttpMethod.GET, "https://loopback.test:" + port + "/")),
                ProviderUnreachableException.class);
        Await.failure(loopbackClient(Duration.ofSeconds(5)).exchange(
                OutboundRequest.of(HttpMethod.GET, "https://provider.test:" + port + "/")), ProviderUnreachableException.class);
        assertEquals(1, received.size());
    }

    private static <T> Future<T> onContext(Context context, Supplier<Future<T>> call) {
        Promise<T> promise = Promise.promise();
        context.runOnContext(v -> call.get().onComplete(promise));
        return promise.future();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
