package dochooks.application.connection.port.out;

import dochooks.domain.integration.Secret;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.Optional;

/**
 * Authorizations users started, between the three steps of api.md section 4 (start, callback, confirm), so
 * that the callback and the confirmation may land on any dochooks process. Verifier and code are encrypted at
 * rest; state and confirmation are stored only as digests. Each consumption is a single atomic step: of two
 * concurrent callers, exactly one gets the pending authorization. Futures fail with
 * {@link dochooks.application.error.DatabaseUnavailableException} when storage does not answer.
 */
public interface PendingAuthorizationPort {

    /**
     * Stores a new pending authorization (without code) under the digest of its {@code state}; pending
     * authorizations that expired before {@code now} may be removed on the way.
     */
    Future<Void> save(PendingAuthorization pending, Sha256Digest state, Instant now);

    /**
     * Uses up a state: answers the pending authorization the first time (expired or not: the caller decides),
     * and empty for an unknown or already used state, forever after.
     */
    Future<Optional<PendingAuthorization>> consumeState(Sha256Digest state);

    /**
     * Keeps the authorization {@code code} with {@code consumed}, a pending authorization whose state was just
     * consumed, under a new confirmation digest, until {@code expiresAt}; false when it is gone (or already has a
     * code).
     */
    Future<Boolean> awaitConfirmation(PendingAuthorization consumed, Secret code, Sha256Digest confirmation,
            Instant expiresAt);

    /**
     * Uses up a confirmation: deletes the pending authorization it belongs to and answers it (with its code),
     * whoever presents it and whether it expired or not; empty for an unknown or already used confirmation.
     */
    Future<Optional<PendingAuthorization>> consumeConfirmation(Sha256Digest confirmation);

    /** Deletes a pending authorization, if it is still there. */
    Future<Void> discard(PendingAuthorization pending);
}
