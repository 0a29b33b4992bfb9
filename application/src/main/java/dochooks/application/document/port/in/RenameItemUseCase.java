package dochooks.application.document.port.in;

import dochooks.application.Caller;
import dochooks.domain.document.ProviderItemId;
import dochooks.domain.integration.IntegrationId;
import dochooks.domain.validation.Violations;
import io.vertx.core.Future;
import java.util.Objects;

/** Any user renames a provider file or folder through an integration ({@code POST rename}). */
public interface RenameItemUseCase {

    /**
     * @param id   the provider id of the file or folder; required
     * @param name the new name; required, 1–255 characters, no control characters
     */
    record RenameItemCommand(IntegrationId integrationId, String id, String name) {
        public RenameItemCommand {
            Objects.requireNonNull(integrationId, "integrationId");
            Violations violations = new Violations();
            QueryRules.itemId(violations, "id", id);
            QueryRules.text(violations, "name", name, QueryRules.MAX_NAME_LENGTH);
            violations.throwIfAny();
        }

        public ProviderItemId itemId() {
            return new ProviderItemId(id);
        }
    }

    /** Succeeds once the provider confirmed. Failures as in the package documentation. */
    Future<Void> rename(Caller caller, RenameItemCommand command);
}
