package dochooks.application.integration.port.in;

import dochooks.application.Caller;
import dochooks.domain.integration.Integration;
import dochooks.domain.integration.IntegrationForm;
import dochooks.domain.validation.FieldViolation;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;

/** An admin registers a new custom integration for their company. */
public interface RegisterIntegrationUseCase {

    /**
     * @param form             the editable fields as sent
     * @param readOnlyEchoes   read-only fields the client sent with a value (field name to value as text)
     * @param earlierViolations faults the adapter found in the input's shape (unknown fields, wrong types)
     */
    record RegisterIntegrationCommand(IntegrationForm form, Map<String, String> readOnlyEchoes,
            List<FieldViolation> earlierViolations) {
        public RegisterIntegrationCommand {
            readOnlyEchoes = Map.copyOf(readOnlyEchoes);
            earlierViolations = List.copyOf(earlierViolations);
        }
    }

    /**
     * The stored integration at version 1. Fails with ForbiddenException (not an admin),
     * ValidationException, NameTakenException or DatabaseUnavailableException.
     */
    Future<Integration> register(Caller caller, RegisterIntegrationCommand command);
}
