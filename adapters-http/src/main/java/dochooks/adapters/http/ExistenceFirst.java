package dochooks.adapters.http;

import dochooks.application.Caller;
import dochooks.application.integration.port.in.GetIntegrationUseCase;
import dochooks.domain.integration.IntegrationId;
import dochooks.domain.validation.ValidationException;
import io.vertx.core.Future;
import java.util.function.Supplier;

/**
 * Builds a use case's input that validates itself, keeping api.md's order of checks: a request whose input
 * does not validate is answered "validation failed" only once the integration is known to exist for the
 * caller; otherwise the integration's own failure (not found, database unavailable) answers.
 */
final class ExistenceFirst {
    private final GetIntegrationUseCase integrations;

    ExistenceFirst(GetIntegrationUseCase integrations) {
        this.integrations = integrations;
    }

    <T> Future<T> build(Caller caller, IntegrationId id, Supplier<T> input) {
        try {
            return Future.succeededFuture(input.get());
        } catch (ValidationException invalid) {
            return integrations.get(caller, id).compose(visible -> Future.failedFuture(invalid));
        }
    }
}
