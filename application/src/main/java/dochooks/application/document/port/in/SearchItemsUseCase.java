package dochooks.application.document.port.in;

import dochooks.application.Caller;
import dochooks.application.document.port.out.Page;
import dochooks.application.document.port.out.SearchQuery;
import dochooks.domain.document.Item;
import dochooks.domain.integration.IntegrationId;
import dochooks.domain.validation.Violations;
import io.vertx.core.Future;
import java.util.List;
import java.util.Objects;

/** Any user searches a provider's files and folders through an integration ({@code GET search}). */
public interface SearchItemsUseCase {

    /**
     * @param query    the search text; required, 1–1024 characters, no control characters
     * @param parentId the folder the search starts from; null = not sent (the provider searches everywhere)
     * @param max      passed to the provider when not null; non-negative
     * @param offset   passed to the provider when not null; non-negative
     */
    record SearchItemsQuery(IntegrationId integrationId, String query, String parentId, Long max, Long offset) {
        public SearchItemsQuery {
            Objects.requireNonNull(integrationId, "integrationId");
            Violations violations = new Violations();
            QueryRules.text(violations, "query", query, QueryRules.MAX_SEARCH_TEXT_LENGTH);
            QueryRules.optionalItemId(violations, "parentId", parentId);
            QueryRules.nonNegative(violations, "max", max);
            QueryRules.nonNegative(violations, "offset", offset);
            violations.throwIfAny();
        }

        /** The search as the provider port takes it. */
        public SearchQuery toProviderQuery() {
            return new SearchQuery(query, QueryRules.optionalId(parentId), new Page(max, offset));
        }
    }

    /** The matching items, as the provider defines matching (see the package documentation for failures). */
    Future<List<Item>> search(Caller caller, SearchItemsQuery query);
}
