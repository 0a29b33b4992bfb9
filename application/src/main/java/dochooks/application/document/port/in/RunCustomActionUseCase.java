package dochooks.application.document.port.in;

import dochooks.application.Caller;
import dochooks.application.document.port.out.CustomActionRequest;
import dochooks.domain.integration.IntegrationId;
import dochooks.domain.validation.Violations;
import io.vertx.core.Future;
import java.util.Objects;

/** Any user runs one of a provider's custom actions through an integration ({@code POST customAction}). */
public interface RunCustomActionUseCase {

    /**
     * @param name              the action, one of the provider's {@code serviceInfo} custom actions; required,
     *                          1–255 characters, no control characters
     * @param documentId        dochooks' document id, sent when not null; 1–255 characters
     * @param documentVersionId dochooks' document-version id, sent when not null; 1–255 characters
     */
    record CustomActionCommand(IntegrationId integrationId, String name, String documentId, String documentVersionId) {
        public CustomActionCommand {
            Objects.requireNonNull(integrationId, "integrationId");
            Violations violations = new Violations();
            QueryRules.text(violations, "name", name, QueryRules.MAX_NAME_LENGTH);
            QueryRules.optionalText(violations, "documentId", documentId, QueryRules.MAX_DOCUMENT_ID_LENGTH);
            QueryRules.optionalText(violations, "documentVersionId", documentVersionId,
                    QueryRules.MAX_DOCUMENT_ID_LENGTH);
            violations.throwIfAny();
        }

        /** The action as the provider port takes it. */
        public CustomActionRequest request() {
            return new CustomActionRequest(name, documentId, documentVersionId);
        }
    }

    /** Succeeds once the provider confirmed. Failures as in the package documentation. */
    Future<Void> customAction(Caller caller, CustomActionCommand command);
}
