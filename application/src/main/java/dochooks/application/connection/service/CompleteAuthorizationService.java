package dochooks.application.connection.service;

import dochooks.application.connection.port.in.CompleteAuthorizationUseCase;
import dochooks.application.connection.port.out.PendingAuthorization;
import dochooks.application.connection.port.out.PendingAuthorizationPort;
import dochooks.application.connection.port.out.Sha256Digest;
import dochooks.application.error.OAuthCallbackRejectedException;
import dochooks.domain.integration.Secret;
import dochooks.domain.validation.InvalidValueException;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;

/**
 * {@link CompleteAuthorizationUseCase}: the state is consumed first, so that it is used up whatever follows;
 * a rejected callback then discards its pending authorization, so nothing of it stays stored.
 */
public final class CompleteAuthorizationService implements CompleteAuthorizationUseCase {
    /** No state dochooks makes is longer (43 characters); a longer one is not looked up at all. */
    static final int MAX_STATE_LENGTH = 256;

    private final PendingAuthorizationPort pending;
    private final Clock clock;

    public CompleteAuthorizationService(PendingAuthorizationPort pending, Clock clock) {
        this.pending = pending;
        this.clock = clock;
    }

    @Override
    public Future<AuthorizedCallback> complete(AuthorizationCallback callback) {
        String state = callback.state();
        if (state == null || state.isEmpty() || state.length() > MAX_STATE_LENGTH) {
            return rejected("the callback has no state dochooks issued");
        }
        return pending.consumeState(Sha256Digest.of(state)).compose(found -> {
            if (found.isEmpty()) {
                return rejected("the state is unknown or was already used");
            }
            PendingAuthorization authorization = found.get();
            Instant now = clock.instant();
            String refusal = refusal(authorization, callback, now);
            if (refusal != null) {
                // whether or not the discard succeeds, the callback is refused: the state is used up already
                return pending.discard(authorization).compose(discarded -> rejected(refusal), failed -> rejected(refusal));
            }
            String confirmation = OneTimeValues.random();
            return pending.awaitConfirmation(authorization, Secret.issued(callback.code()),
                            Sha256Digest.of(confirmation), now.plus(ConnectionLifetimes.CONFIRMATION))
                    .compose(kept -> kept
                            ? Future.succeededFuture(new AuthorizedCallback(authorization.key().integration(), confirmation))
                            : rejected("the authorization is gone"));
        });
    }

    /** Why the callback cannot go on, or null when it can. */
    private static String refusal(PendingAuthorization authorization, AuthorizationCallback callback, Instant now) {
        if (authorization.isExpired(now)) {
            return "the state has expired";
        }
        if (callback.error() != null) {
            return "the provider did not authorize (it answered with an error)";
        }
        if (callback.code() == null) {
            return "the callback has no code";
        }
        try {
            Secret.issued(callback.code());
        } catch (InvalidValueException unusable) {
            return "the code is empty, too long or has control characters";
        }
        return null;
    }

    private static <T> Future<T> rejected(String why) {
        return Future.failedFuture(new OAuthCallbackRejectedException(why));
    }
}
