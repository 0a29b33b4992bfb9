package dochooks.adapters.provider.resilience;

import dochooks.adapters.provider.ResilienceSettings;
import dochooks.application.document.port.out.CustomActionRequest;
import dochooks.application.document.port.out.DocumentProviderPort;
import dochooks.application.document.port.out.Page;
import dochooks.application.document.port.out.ProviderBytes;
import dochooks.application.document.port.out.ProviderCall;
import dochooks.application.document.port.out.SearchQuery;
import dochooks.application.document.port.out.UploadTarget;
import dochooks.application.error.ProviderBusyException;
import dochooks.application.error.ProviderCircuitOpenException;
import dochooks.domain.document.Item;
import dochooks.domain.document.ItemKind;
import dochooks.domain.document.ProviderItemId;
import dochooks.domain.document.ServiceInfo;
import dochooks.domain.integration.IntegrationId;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiFunction;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link DocumentProviderPort} with each integration's protections around the protocol client, so that a
 * provider that hangs or fails costs its own integration's calls and nothing else:
 * <ol>
 *   <li>its <b>circuit breaker</b> is asked first: while open, calls fail at once with
 *       {@link ProviderCircuitOpenException} (no permit, no queue);</li>
 *   <li>its <b>bulkhead</b> gives a permit, maybe after a bounded wait, or fails with
 *       {@link ProviderBusyException}; byte streams also need one of the {@link StreamSlots} shared by all;</li>
 *   <li>reads are <b>retried</b> ({@link ReadRetries}) while the breaker stays closed; writes are sent once;</li>
 *   <li>the breaker learns the outcome of the whole call, retries included, once.</li>
 * </ol>
 * A download's or thumbnail's permit (and stream slot) is held until its stream ends, fails or is aborted;
 * an upload's until the upload's answer. The breaker judges a stream by the call that opens it.
 */
public final class ResilientDocumentProvider implements DocumentProviderPort, ResilienceView {
    private static final Logger LOG = LoggerFactory.getLogger(ResilientDocumentProvider.class);

    /** The shape of a call: whether it may be retried, and whether it is a byte stream. */
    private enum Shape {
        READ(true, false), BYTES(true, true), UPLOAD(false, true), WRITE(false, false);

        final boolean retried;
        final boolean stream;

        Shape(boolean retried, boolean stream) {
            this.retried = retried;
            this.stream = stream;
        }
    }

    private final Vertx vertx;
    private final DocumentProviderPort delegate;
    private final ResilienceSettings settings;
    private final LongSupplier nanoClock;
    private final long probeLeaseMs;
    private final ReadRetries retries;
    private final StreamSlots streams;
    private final ConcurrentHashMap<IntegrationId, IntegrationGuard> guards = new ConcurrentHashMap<>();

    /**
     * @param delegate        the protocol client
     * @param providerTimeout the client's timeout: a provider's {@code Retry-After} is honoured up to half of it
     *                        (and up to {@link ResilienceSettings#maxRetryAfter()})
     */
    public ResilientDocumentProvider(Vertx vertx, DocumentProviderPort delegate, ResilienceSettings settings,
            Duration providerTimeout) {
        this(vertx, delegate, settings, providerTimeout, System::nanoTime, () -> ThreadLocalRandom.current().nextDouble());
    }

    ResilientDocumentProvider(Vertx vertx, DocumentProviderPort delegate, ResilienceSettings settings,
            Duration providerTimeout, LongSupplier nanoClock, DoubleSupplier random) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.nanoClock = nanoClock;
        this.probeLeaseMs = providerTimeout.toMillis();
        long maxRetryAfterMs = Math.min(settings.maxRetryAfter().toMillis(), providerTimeout.toMillis() / 2);
        this.retries = new ReadRetries(vertx, settings.maxRetries(), settings.retryBaseDelay().toMillis(),
                maxRetryAfterMs, random);
        this.streams = new StreamSlots(settings.maxConcurrentStreams());
    }

    @Override
    public Future<List<Item>> files(ProviderCall call, ProviderItemId parentId, Page page) {
        return guarded(call, Shape.READ, () -> delegate.files(call, parentId, page), null);
    }

    @Override
    public Future<Item> metadata(ProviderCall call, ProviderItemId id) {
        return guarded(call, Shape.READ, () -> delegate.metadata(call, id), null);
    }

    @Override
    public Future<List<Item>> search(ProviderCall call, SearchQuery query) {
        return guarded(call, Shape.READ, () -> delegate.search(call, query), null);
    }

    @Override
    public Future<ProviderBytes> download(ProviderCall call, ProviderItemId id) {
        return guarded(call, Shape.BYTES, () -> delegate.download(call, id), ResilientDocumentProvider::holding);
    }

    @Override
    public Future<ProviderBytes> thumbnail(ProviderCall call, ProviderItemId id, Long size) {
        return guarded(call, Shape.BYTES, () -> delegate.thumbnail(call, id, size), ResilientDocumentProvider::holding);
    }

    @Override
    public Future<Item> uploadInit(ProviderCall call, UploadTarget target) {
        return guarded(call, Shape.WRITE, () -> delegate.uploadInit(call, target), null);
    }

    @Override
    public Future<Void> upload(ProviderCall call, ProviderItemId id, ReadStream<Buffer> content, Long length) {
        return guarded(call, Shape.UPLOAD, () -> delegate.upload(call, id, content, length), null);
    }

    @Override
    public Future<Optional<Item>> createFolder(ProviderCall call, ProviderItemId parentId, String name) {
        return guarded(call, Shape.WRITE, () -> delegate.createFolder(call, parentId, name), null);
    }

    @Override
    public Future<Void> rename(ProviderCall call, ProviderItemId id, String name) {
        return guarded(call, Shape.WRITE, () -> delegate.rename(call, id, name), null);
    }

    @Override
    public Future<Void> delete(ProviderCall call, ProviderItemId id, ItemKind kind) {
        return guarded(call, Shape.WRITE, () -> delegate.delete(call, id, kind), null);
    }

    @Override
    public Future<ServiceInfo> serviceInfo(ProviderCall call) {
        return guarded(call, Shape.READ, () -> delegate.serviceInfo(call), null);
    }

    @Override
    public Future<Void> customAction(ProviderCall call, CustomActionRequest request) {
        return guarded(call, Shape.WRITE, () -> delegate.customAction(call, request), null);
    }

    @Override
    public List<IntegrationResilience> integrations() {
        return guards.values().stream().map(IntegrationGuard::snapshot)
                .sorted(Comparator.comparing(state -> state.integration().value()))
                .toList();
    }

    @Override
    public Optional<IntegrationResilience> integration(IntegrationId id) {
        return Optional.ofNullable(guards.get(id)).map(IntegrationGuard::snapshot);
    }

    @Override
    public int streamsInFlight() {
        return streams.inUse();
    }

    /**
     * Runs {@code operation} within the integration's protections. {@code hold} (null: none) keeps the permit
     * with a successful result that outlives the call (a stream); otherwise the permit goes back when the call
     * completes.
     */
    private <T> Future<T> guarded(ProviderCall call, Shape shape, Supplier<Future<T>> operation,
            BiFunction<T, Permit, T> hold) {
        IntegrationGuard guard = guardOf(call.integration().id());
        long refusedFor = guard.breaker.refusal();
        if (refusedFor > 0) {
            return Future.failedFuture(new ProviderCircuitOpenException(refusedFor));
        }
        return guard.bulkhead.acquire().compose(permit -> run(guard, shape, operation, hold, permit));
    }

    private <T> Future<T> run(IntegrationGuard guard, Shape shape, Supplier<Future<T>> operation,
            BiFunction<T, Permit, T> hold, Permit permit) {
        Permit held = permit;
        if (shape.stream) {
            Permit slot = streams.tryAcquire();
            if (slot == null) {
                permit.release();
                return Future.failedFuture(new ProviderBusyException("too many byte streams to providers are in flight",
                        Bulkhead.BUSY_RETRY_AFTER_SECONDS));
            }
            held = permit.and(slot);
        }
        CircuitBreaker.Admission admission = guard.breaker.admit();
        if (admission == null) {
            held.release();
            return Future.failedFuture(new ProviderCircuitOpenException(guard.breaker.retryAfterSeconds()));
        }
        Future<T> outcome = shape.retried
                ? retries.run(operation, guard.breaker::isClosed, guard::countRetry)
                : Attempts.start(operation);
        Permit release = held;
        return outcome.transform(done -> {
            record(guard, admission, done.failed() && ProviderFaults.isProviderFault(done.cause()));
            if (done.succeeded() && hold != null) {
                return Future.succeededFuture(hold.apply(done.result(), release));
            }
            release.release();
            return done.succeeded() ? Future.succeededFuture(done.result()) : Future.failedFuture(done.cause());
        });
    }

    private void record(IntegrationGuard guard, CircuitBreaker.Admission admission, boolean providerFault) {
        BreakerState changedTo = guard.breaker.record(admission, providerFault);
        if (changedTo == BreakerState.OPEN) {
            LOG.warn("provider circuit of integration {} opened for {} ms after provider failures",
                    guard.id, settings.breakerOpenDuration().toMillis());
        } else if (changedTo == BreakerState.CLOSED) {
            LOG.info("provider circuit of integration {} closed: the provider answered again", guard.id);
        }
    }

    private IntegrationGuard guardOf(IntegrationId id) {
        return guards.computeIfAbsent(id, key -> new IntegrationGuard(key,
                new Bulkhead(vertx, settings.maxConcurrentCalls(), settings.maxQueuedCalls(),
                        settings.maxQueueWait().toMillis()),
                new CircuitBreaker(settings.breakerFailureThreshold(), settings.breakerOpenDuration().toMillis(),
                        probeLeaseMs, nanoClock)));
    }

    /** The bytes with a stream that releases {@code permit} when it ends or fails, and an abort that does too. */
    private static ProviderBytes holding(ProviderBytes bytes, Permit permit) {
        ReleasingStream content = new ReleasingStream(bytes.content(), permit);
        return new ProviderBytes(bytes.contentType(), bytes.contentLength(), bytes.fileName(), content, () -> {
            bytes.abort();
            permit.release();
        });
    }
}
