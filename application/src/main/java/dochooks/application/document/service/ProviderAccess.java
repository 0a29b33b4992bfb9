package dochooks.application.document.service;

import dochooks.application.Caller;
import dochooks.application.connection.port.out.AccessToken;
import dochooks.application.connection.port.out.ConnectionToken;
import dochooks.application.connection.port.out.UserAccessTokenPort;
import dochooks.application.document.port.out.ProviderCall;
import dochooks.application.error.ConnectionRequiredException;
import dochooks.application.error.IntegrationDisabledException;
import dochooks.application.error.IntegrationNotFoundException;
import dochooks.application.error.ProviderForbiddenException;
import dochooks.application.error.ReauthorizationRequiredException;
import dochooks.application.integration.port.out.LoadIntegrationPort;
import dochooks.domain.integration.ApiKeyStrategy;
import dochooks.domain.integration.Integration;
import dochooks.domain.integration.IntegrationId;
import io.vertx.core.Future;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The rules every document operation shares: which integration the caller may use, and with which
 * credential, including the one retry api.md section 5 allows after an OAuth2 provider refused a token.
 */
final class ProviderAccess {
    private final LoadIntegrationPort load;
    private final UserAccessTokenPort tokens;

    ProviderAccess(LoadIntegrationPort load, UserAccessTokenPort tokens) {
        this.load = load;
        this.tokens = tokens;
    }

    /**
     * The integration, if the caller may use it: missing, another tenant's, or disabled for a non-admin is
     * "not found"; disabled for an admin is "disabled" (they can see it, but not use it).
     */
    static Future<Integration> loadUsable(LoadIntegrationPort load, Caller caller, IntegrationId id) {
        return load.load(caller.tenant(), id).compose(found -> {
            if (found.isEmpty() || (!found.get().isEnabled() && !caller.isAdmin())) {
                return Future.failedFuture(new IntegrationNotFoundException("no integration " + id));
            }
            if (!found.get().isEnabled()) {
                return Future.failedFuture(new IntegrationDisabledException("integration " + id + " is disabled"));
            }
            return Future.succeededFuture(found.get());
        });
    }

    /** Loads the integration for the caller, then runs {@code operation} as {@link #withCredentials} does. */
    <T> Future<T> call(Caller caller, IntegrationId id, Function<ProviderCall, Future<T>> operation) {
        return loadUsable(load, caller, id).compose(integration -> withCredentials(caller, integration, operation));
    }

    /**
     * Runs {@code operation} with the caller's credential. ApiKey: the integration's key with the caller's
     * username; a refusal is final. OAuth2: the caller's access token (refreshed first when it is about to
     * expire, see {@link UserAccessTokenPort#usableToken}); when the provider refuses it
     * (401 or 403), the operation runs once more, with a refreshed token if the stored one is still the refused
     * one, else with the stored one (another request refreshed it meanwhile). A second refusal is final
     * ({@link ProviderForbiddenException}); a refused refresh is {@link ReauthorizationRequiredException}.
     *
     * <p>{@code operation} may thus run twice: it must be a single provider call that a refusal left undone.
     */
    <T> Future<T> withCredentials(Caller caller, Integration integration, Function<ProviderCall, Future<T>> operation) {
        if (integration.settings().auth() instanceof ApiKeyStrategy) {
            return attempt(operation, () -> ProviderCall.apiKey(integration, caller.username()));
        }
        return tokens.usableToken(caller, integration)
                .compose(ProviderAccess::usable)
                .compose(token -> attempt(operation, () -> bearer(integration, token))
                        .recover(failure -> failure instanceof ProviderForbiddenException
                                ? tokenForRetry(caller, integration, token)
                                        .compose(next -> attempt(operation, () -> bearer(integration, next)))
                                : Future.failedFuture(failure)));
    }

    /** The token to retry with after {@code refused} was refused: refreshed only if nobody did it meanwhile. */
    private Future<AccessToken> tokenForRetry(Caller caller, Integration integration, AccessToken refused) {
        return tokens.currentToken(caller, integration)
                .compose(ProviderAccess::usable)
                .compose(stored -> stored.sameValueAs(refused)
                        ? tokens.refreshAfterRefusal(caller, integration, refused).compose(ProviderAccess::usable)
                        : Future.succeededFuture(stored));
    }

    /** A call with {@code token}, masking its refresh token too in anything the provider says back. */
    static ProviderCall bearer(Integration integration, AccessToken token) {
        ProviderCall call = ProviderCall.bearer(integration, token.value());
        return token.refreshToken() == null ? call : call.masking(token.refreshToken());
    }

    /** The token of a usable connection, or the failure that tells the user what to do. */
    static Future<AccessToken> usable(ConnectionToken state) {
        if (state instanceof ConnectionToken.Connected connected) {
            return Future.succeededFuture(connected.token());
        }
        if (state instanceof ConnectionToken.ReauthorizationRequired) {
            return Future.failedFuture(new ReauthorizationRequiredException(
                    "the provider refused to refresh the connection; connect again"));
        }
        return Future.failedFuture(new ConnectionRequiredException("connect to the integration first"));
    }

    /** Runs {@code operation}, turning anything thrown while building or starting the call into a failure. */
    private static <T> Future<T> attempt(Function<ProviderCall, Future<T>> operation, Supplier<ProviderCall> call) {
        try {
            return operation.apply(call.get());
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
    }
}
