package dochooks.application.contract;

import dochooks.application.contract.Await.Outcome;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * Starts the same call from several threads at once, as several requests (or several dochooks processes) would,
 * and collects how each ended. The threads wait at one gate so that the calls really overlap.
 */
final class Race {
    static final int RUNNERS = 8;

    private Race() {
    }

    /** Runs {@code attempt.apply(i)} for i in 0..runners-1 at once; the outcomes in that order. */
    static <T> List<Outcome<T>> of(int runners, IntFunction<Future<T>> attempt) {
        ExecutorService threads = Executors.newFixedThreadPool(runners);
        try {
            CountDownLatch gate = new CountDownLatch(1);
            List<java.util.concurrent.Future<Future<T>>> started = new ArrayList<>();
            for (int i = 0; i < runners; i++) {
                int runner = i;
                started.add(threads.submit(() -> {
                    gate.await(Await.SECONDS, TimeUnit.SECONDS);
                    return attempt.apply(runner);
                }));
            }
            gate.countDown();
            List<Outcome<T>> outcomes = new ArrayList<>();
            for (java.util.concurrent.Future<Future<T>> call : started) {
                outcomes.add(Await.outcome(call.get(Await.SECONDS, TimeUnit.SECONDS)));
            }
            return outcomes;
        } catch (Exception e) {
            // an interrupted gate, or a call that threw instead of answering a (failed) Future
            throw new AssertionError("a racing call did not answer a Future: " + e, e);
        } finally {
            threads.shutdownNow();
        }
    }

    /** How many of {@code outcomes} succeeded. */
    static long successes(List<? extends Outcome<?>> outcomes) {
        return outcomes.stream().filter(Outcome::succeeded).count();
    }
}
