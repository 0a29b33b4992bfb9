package dochooks.application.connection.port.in;

import dochooks.application.Caller;
import dochooks.domain.integration.IntegrationId;
import dochooks.domain.validation.ValidationException;
import dochooks.domain.validation.Rule;
import io.vertx.core.Future;
import java.util.Objects;

/**
 * The user who started an authorization confirms it
 * ({@code POST /api/v1/integrations/{id}/connection/confirm} with {@code {"confirmation": "..."}}): only then is
 * the code redeemed at the token endpoint and the tokens stored, encrypted. The confirmation is used up by the
 * first attempt, whatever its outcome.
 */
public interface ConfirmConnectionUseCase {

    /** {@code confirmation} is required ({@code validation-failed} on field {@code confirmation} otherwise). */
    record ConfirmConnectionCommand(IntegrationId integrationId, String confirmation) {
        public ConfirmConnectionCommand {
            Objects.requireNonNull(integrationId, "integrationId");
            if (confirmation == null) {
                throw ValidationException.of("confirmation", Rule.REQUIRED);
            }
        }

        @Override
        public String toString() {
            return "ConfirmConnectionCommand[integrationId=" + integrationId + ", confirmation=****]";
        }
    }

    /**
     * The new connection ({@code CONNECTED}). Besides the package's failures:
     * {@link dochooks.application.error.ForbiddenException} when the confirmation is another user's (the
     * pending authorization is then discarded, nothing stored);
     * {@link dochooks.application.error.OAuthCallbackRejectedException} for an unknown, used or expired
     * confirmation, or one made for another integration; the provider failures of the token endpoint
     * ({@link dochooks.application.error.ProviderErrorException} also when it refused the code,
     * {@link dochooks.application.error.ProviderTimeoutException}, ...).
     */
    Future<ConnectionStatus> confirm(Caller caller, ConfirmConnectionCommand command);
}
