package dochooks.application.document.port.in;

import dochooks.application.Caller;
import dochooks.domain.document.Item;
import dochooks.domain.document.ProviderItemId;
import dochooks.domain.integration.IntegrationId;
import dochooks.domain.validation.Violations;
import io.vertx.core.Future;
import java.util.Objects;

/** Any user creates a folder at a provider through an integration ({@code POST createFolder}). */
public interface CreateFolderUseCase {

    /**
     * @param parentId the folder to create it in; required (api.md lists it without a default)
     * @param name     the new folder's name; required, 1–255 characters, no control characters
     */
    record CreateFolderCommand(IntegrationId integrationId, String parentId, String name) {
        public CreateFolderCommand {
            Objects.requireNonNull(integrationId, "integrationId");
            Violations violations = new Violations();
            QueryRules.itemId(violations, "parentId", parentId);
            QueryRules.text(violations, "name", name, QueryRules.MAX_NAME_LENGTH);
            violations.throwIfAny();
        }

        public ProviderItemId parent() {
            return new ProviderItemId(parentId);
        }
    }

    /**
     * The new folder's item. A provider that answers only {@code {"status":"success"}} is asked for the parent's
     * children, and the folder of exactly that title is answered (the most recently modified one, should there
     * be several). When it is not among them, the Future fails with
     * {@link dochooks.application.error.ProviderBadResponseException}: an item without an id cannot be answered,
     * though the provider did create the folder. Other failures as in the package documentation.
     */
    Future<Item> createFolder(Caller caller, CreateFolderCommand command);
}
