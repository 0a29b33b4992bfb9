package dochooks.adapters.http;

import dochooks.application.connection.port.in.ConfirmConnectionUseCase.ConfirmConnectionCommand;
import dochooks.domain.integration.IntegrationId;
import dochooks.domain.validation.FieldViolation;
import dochooks.domain.validation.Rule;
import dochooks.domain.validation.ValidationException;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /api/v1/integrations/{id}/connection/confirm}: {@code {"confirmation": "..."}}. Every
 * fault is listed at once, in body order: a field other than {@code confirmation} ({@code UNKNOWN_FIELD}), a
 * confirmation that is not a string, then a missing (or {@code null}) confirmation.
 */
final class ConfirmationInput {
    static final String FIELD = "confirmation";

    private ConfirmationInput() {
    }

    /** The command, or a {@link ValidationException} naming every field at fault. */
    static ConfirmConnectionCommand command(IntegrationId integration, JsonObject body) {
        List<FieldViolation> violations = new ArrayList<>();
        String confirmation = null;
        boolean reported = false;
        for (Map.Entry<String, Object> field : body) {
            if (!FIELD.equals(field.getKey())) {
                violations.add(FieldViolation.of(field.getKey(), Rule.UNKNOWN_FIELD));
            } else if (field.getValue() instanceof String text) {
                confirmation = text;
            } else if (field.getValue() != null) {
                violations.add(FieldViolation.of(FIELD, Rule.NOT_A_STRING));
                reported = true;
            }
        }
        if (confirmation == null && !reported) {
            violations.add(FieldViolation.of(FIELD, Rule.REQUIRED));
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return new ConfirmConnectionCommand(integration, confirmation);
    }
}
