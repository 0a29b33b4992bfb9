package dochooks.application.integration.service;

import dochooks.application.error.PreconditionFailedException;
import dochooks.application.error.VersionConflictException;
import dochooks.application.integration.port.in.IfMatch;
import io.vertx.core.Future;
import java.util.function.Supplier;

/**
 * Runs a read-modify-write again when another writer got in between. With an exact If-Match the client
 * asked for that version only, so the conflict is its 412; without one, the write is simply redone on
 * the fresh version, a bounded number of times.
 */
final class ConflictRetry {
    static final int MAX_ATTEMPTS = 3;

    private ConflictRetry() {
    }

    static <T> Future<T> run(IfMatch ifMatch, Supplier<Future<T>> attempt) {
        return run(ifMatch, attempt, 1);
    }

    private static <T> Future<T> run(IfMatch ifMatch, Supplier<Future<T>> attempt, int number) {
        return attempt.get().recover(failure -> {
            if (!(failure instanceof VersionConflictException)) {
                return Future.failedFuture(failure);
            }
            if (ifMatch.version().isPresent() || number >= MAX_ATTEMPTS) {
                return Future.failedFuture(new PreconditionFailedException("the integration changed meanwhile"));
            }
            return run(ifMatch, attempt, number + 1);
        });
    }
}
