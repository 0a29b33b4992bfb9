package dochooks.application.document.port.in;

import dochooks.application.Caller;
import dochooks.domain.document.ItemKind;
import dochooks.domain.document.ProviderItemId;
import dochooks.domain.integration.IntegrationId;
import dochooks.domain.validation.Rule;
import dochooks.domain.validation.Violations;
import io.vertx.core.Future;
import java.util.Objects;

/** Any user deletes a provider file, or a folder with its content, through an integration ({@code POST delete}). */
public interface DeleteItemUseCase {

    /**
     * Exactly one of the two ids: {@code documentId} deletes a file, {@code folderId} a folder. Neither or both
     * is one violation on {@code documentId} ({@link Rule#EXACTLY_ONE_OF}).
     */
    record DeleteItemCommand(IntegrationId integrationId, String documentId, String folderId) {
        static final String ONE_OF = "documentId, folderId";

        public DeleteItemCommand {
            Objects.requireNonNull(integrationId, "integrationId");
            Violations violations = new Violations();
            if ((documentId == null) == (folderId == null)) {
                violations.add("documentId", Rule.EXACTLY_ONE_OF, ONE_OF);
            } else {
                QueryRules.optionalItemId(violations, "documentId", documentId);
                QueryRules.optionalItemId(violations, "folderId", folderId);
            }
            violations.throwIfAny();
        }

        /** The provider id of what is deleted. */
        public ProviderItemId target() {
            return new ProviderItemId(documentId != null ? documentId : folderId);
        }

        /** A file when {@code documentId} was given, a folder when {@code folderId} was. */
        public ItemKind kind() {
            return documentId != null ? ItemKind.FILE : ItemKind.FOLDER;
        }
    }

    /** Succeeds once the provider confirmed. Failures as in the package documentation. */
    Future<Void> delete(Caller caller, DeleteItemCommand command);
}
