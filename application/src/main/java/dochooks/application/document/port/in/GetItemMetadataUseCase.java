package dochooks.application.document.port.in;

import dochooks.application.Caller;
import dochooks.domain.document.Item;
import dochooks.domain.document.ProviderItemId;
import dochooks.domain.integration.IntegrationId;
import dochooks.domain.validation.Violations;
import io.vertx.core.Future;
import java.util.Objects;

/** Any user reads one provider file's or folder's metadata through an integration ({@code GET metadata}). */
public interface GetItemMetadataUseCase {

    /** @param id the provider item id; required */
    record ItemMetadataQuery(IntegrationId integrationId, String id) {
        public ItemMetadataQuery {
            Objects.requireNonNull(integrationId, "integrationId");
            Violations violations = new Violations();
            QueryRules.itemId(violations, "id", id);
            violations.throwIfAny();
        }

        public ProviderItemId itemId() {
            return new ProviderItemId(id);
        }
    }

    /** The item (see the package documentation for failures). */
    Future<Item> metadata(Caller caller, ItemMetadataQuery query);
}
