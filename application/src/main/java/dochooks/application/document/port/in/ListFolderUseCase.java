package dochooks.application.document.port.in;

import dochooks.application.Caller;
import dochooks.application.document.port.out.Page;
import dochooks.domain.document.Item;
import dochooks.domain.document.ProviderItemId;
import dochooks.domain.integration.IntegrationId;
import dochooks.domain.validation.Violations;
import io.vertx.core.Future;
import java.util.List;
import java.util.Objects;

/** Any user lists a provider folder's direct children through an integration ({@code GET files}). */
public interface ListFolderUseCase {

    /**
     * @param parentId the folder; null means the root folder {@code /}
     * @param max      passed to the provider when not null; non-negative
     * @param offset   passed to the provider when not null; non-negative
     */
    record ListFolderQuery(IntegrationId integrationId, String parentId, Long max, Long offset) {
        public ListFolderQuery {
            Objects.requireNonNull(integrationId, "integrationId");
            parentId = QueryRules.parentOrRoot(parentId);
            Violations violations = new Violations();
            QueryRules.itemId(violations, "parentId", parentId);
            QueryRules.nonNegative(violations, "max", max);
            QueryRules.nonNegative(violations, "offset", offset);
            violations.throwIfAny();
        }

        public ProviderItemId parent() {
            return new ProviderItemId(parentId);
        }

        public Page page() {
            return new Page(max, offset);
        }
    }

    /** The folder's children as the provider lists them (see the package documentation for failures). */
    Future<List<Item>> listFolder(Caller caller, ListFolderQuery query);
}
