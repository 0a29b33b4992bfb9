package dochooks.adapters.provider.observation;

import dochooks.domain.integration.IntegrationId;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * Times a provider call, writes its log line (integration id, endpoint, outcome, provider status when known,
 * duration; never a URL, parameter, credential or anything the provider answered) and tells the observer.
 */
final class CallRecorder {
    private static final Logger LOG = LoggerFactory.getLogger("dochooks.provider.calls");

    private final ProviderCallObserver observer;

    CallRecorder(ProviderCallObserver observer) {
        this.observer = Objects.requireNonNull(observer, "observer");
    }

    /** Runs {@code call}; a success's outcome is {@code successOutcome} of its result. */
    <T> Future<T> record(IntegrationId integration, String endpoint, Supplier<Future<T>> call,
            Function<T, String> successOutcome) {
        long started = System.nanoTime();
        Future<T> answer;
        try {
            answer = call.get();
        } catch (RuntimeException thrown) {
            answer = Future.failedFuture(thrown);
        }
        return answer.andThen(done -> {
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            String outcome = done.succeeded() ? successOutcome.apply(done.result()) : CallOutcome.of(done.cause());
            int status = done.succeeded() ? 0 : CallOutcome.providerStatus(done.cause());
            log(integration, endpoint, outcome, status, took);
            try {
                observer.observe(new ObservedProviderCall(integration, endpoint, outcome, took));
            } catch (RuntimeException observerFailure) {
                // metrics must never fail a call
                LOG.warn("the provider call observer failed: {}", observerFailure.getClass().getName());
            }
        });
    }

    <T> Future<T> record(IntegrationId integration, String endpoint, Supplier<Future<T>> call) {
        return record(integration, endpoint, call, result -> CallOutcome.OK);
    }

    private static void log(IntegrationId integration, String endpoint, String outcome, int status, Duration took) {
        LoggingEventBuilder line = (CallOutcome.OK.equals(outcome) ? LOG.atInfo() : LOG.atWarn())
                .addKeyValue("integrationId", integration.toString())
                .addKeyValue("endpoint", endpoint)
                .addKeyValue("outcome", outcome);
        if (status != 0) {
            line = line.addKeyValue("providerStatus", status);
        }
        line.addKeyValue("durationMs", took.toMillis()).log("provider call");
    }
}
