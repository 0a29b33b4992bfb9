package dochooks.adapters.provider;

import dochooks.adapters.provider.egress.EgressResolver;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.net.TrustOptions;
import io.vertx.core.streams.ReadStream;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The one HTTP client for everything dochooks sends out (provider API, reachability checks, token endpoint).
 * Every request: the host is resolved and checked by the {@link EgressResolver} and the connection goes to
 * exactly the checked address (the URL's host stays in {@code Host}, TLS server name and certificate check);
 * redirects are never followed (a 3xx is just an answer); request lines may be up to 16 KiB.
 *
 * <p>Three shapes of call, all failing with application exceptions
 * ({@link dochooks.application.error.ProviderTimeoutException}, {@code ProviderUnreachableException},
 * {@code ProviderBadResponseException}, {@code ProviderAddressBlockedException}) — HTTP error statuses are
 * answers, not failures:
 * <ul>
 *   <li>{@link #exchange}: the whole answer in memory, within a total deadline of the timeout and at most
 *       {@link ConnectionLimits#maxJsonBytes()} (more: bad response, reading stops and the connection is
 *       closed);</li>
 *   <li>{@link #open}: the answer body as a stream with back-pressure; the timeout bounds connecting and
 *       every silence, not the whole transfer;</li>
 *   <li>{@link #send}: a request body streamed from a {@link ReadStream}, the answer read as by exchange.</li>
 * </ul>
 * A call that finds its host's connection pool and its waiters full fails at once with
 * {@link dochooks.application.error.ProviderBusyException}.
 *
 * <p>One connection pool per host for all event loops, on purpose: {@link ConnectionLimits} bounds the
 * connections to a host as a whole. The price is that a pooled connection may belong to another event loop than
 * the caller's, and its answer then crosses over to the caller's loop (a large share of the calls under load). A
 * client per event loop would avoid that crossing but would split the limit: each loop's pool would either get
 * the whole limit (up to one limit per event loop in total) or a share of it (calls waiting, or refused as busy,
 * on one loop while another has idle connections, and no share at all for limits below the number of loops).
 */
public final class OutboundHttpClient {
    /** The largest answer read into memory by default: 16 MiB ({@link ConnectionLimits#DEFAULTS}). */
    public static final int MAX_BUFFERED_BYTES = 16 * 1024 * 1024;
    /** The longest request line sent (method, target, version): 16 KiB. */
    public static final int MAX_REQUEST_LINE_BYTES = 16 * 1024;

    private final Vertx vertx;
    private final HttpClientAgent client;
    private final Connector connector;
    private final int maxBufferedBytes;

    /** A client trusting the JVM's default certificate authorities. */
    public OutboundHttpClient(Vertx vertx, EgressResolver resolver, Duration timeout) {
        this(vertx, resolver, timeout, null);
    }

    /**
     * @param timeout connect timeout, idle timeout of streams, and total deadline of whole answers
     * @param trust   the certificate authorities to trust, or null for the JVM's defaults
     */
    public OutboundHttpClient(Vertx vertx, EgressResolver resolver, Duration timeout, TrustOptions trust) {
        this(vertx, resolver, timeout, trust, ConnectionLimits.DEFAULTS);
    }

    /**
     * @param timeout connect timeout, idle timeout of streams, and total deadline of whole answers
     * @param trust   the certificate authorities to trust, or null for the JVM's defaults
     * @param limits  the largest answer read into memory, connections and waiters per host
     */
    public OutboundHttpClient(Vertx vertx, EgressResolver resolver, Duration timeout, TrustOptions trust,
            ConnectionLimits limits) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        long timeoutMs = timeout.toMillis();
        if (timeoutMs < 1 || timeoutMs > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("the timeout must be 1 to " + Integer.MAX_VALUE + " ms, was " + timeoutMs);
        }
        HttpClientOptions options = new HttpClientOptions()
                .setConnectTimeout((int) timeoutMs)
                .setSslHandshakeTimeout(timeoutMs)
                .setSslHandshakeTimeoutUnit(TimeUnit.MILLISECONDS)
                .setVerifyHost(true)
                .setMaxInitialLineLength(MAX_REQUEST_LINE_BYTES)
                .setMaxHeaderSize(16 * 1024)
                .setDecompressionSupported(false);
        if (trust != null) {
            options.setTrustOptions(trust);
        }
        this.maxBufferedBytes = limits.maxJsonBytes();
        this.client = vertx.createHttpClient(options, new PoolOptions()
                .setHttp1MaxSize(limits.maxConnectionsPerHost())
                .setMaxWaitQueueSize(limits.maxPoolWaiters()));
        this.connector = new Connector(vertx, resolver, client, timeoutMs);
    }

    /** Sends {@code request} without a body and reads its whole answer (see the class comment). */
    public Future<BufferedAnswer> exchange(OutboundRequest request) {
        return exchange(request, null);
    }

    /** Sends {@code request} with {@code body} (null for none) and reads its whole answer. */
    public Future<BufferedAnswer> exchange(OutboundRequest request, Buffer body) {
        return onContext(promise -> new BufferedExchange(connector, request, body, maxBufferedBytes, promise).start());
    }

    /** Sends {@code request} without a body; the answer's body is handed over paused, as a stream. */
    public Future<StreamedAnswer> open(OutboundRequest request) {
        return onContext(promise -> new StreamedExchange(connector, request, promise).start());
    }

    /**
     * Streams {@code content} as the body of {@code request} ({@code Content-Length} when {@code length} is
     * known, else chunked) and reads the whole answer. Pass {@code content} paused if it may already flow. If it
     * fails, the request is reset and the Future fails with the content's own failure.
     */
    public Future<BufferedAnswer> send(OutboundRequest request, ReadStream<Buffer> content, Long length) {
        Objects.requireNonNull(content, "content");
        content.pause();
        return onContext(promise -> new UploadExchange(connector, request, content, length, maxBufferedBytes,
                promise).start());
    }

    public Future<Void> close() {
        return client.close();
    }

    /** Runs a call on a Vert.x context: the caller's when it has one, so that its state stays single-threaded. */
    private <T> Future<T> onContext(Consumer<Promise<T>> call) {
        Promise<T> promise = Promise.promise();
        Context current = Vertx.currentContext();
        if (current != null) {
            call.accept(promise);
        } else {
            vertx.getOrCreateContext().runOnContext(v -> call.accept(promise));
        }
        return promise.future();
    }
}
