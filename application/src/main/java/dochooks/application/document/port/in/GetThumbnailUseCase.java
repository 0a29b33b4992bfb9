package dochooks.application.document.port.in;

import dochooks.application.Caller;
import dochooks.application.document.port.out.ProviderBytes;
import dochooks.domain.document.ProviderItemId;
import dochooks.domain.integration.IntegrationId;
import dochooks.domain.validation.Violations;
import io.vertx.core.Future;
import java.util.Objects;

/** Any user fetches a provider document's thumbnail through an integration ({@code GET thumbnail}). */
public interface GetThumbnailUseCase {

    /**
     * @param id   the provider id of the document; required
     * @param size the wanted width, passed to the provider when not null; positive
     */
    record ThumbnailQuery(IntegrationId integrationId, String id, Long size) {
        public ThumbnailQuery {
            Objects.requireNonNull(integrationId, "integrationId");
            Violations violations = new Violations();
            QueryRules.itemId(violations, "id", id);
            QueryRules.positive(violations, "size", size);
            violations.throwIfAny();
        }

        public ProviderItemId itemId() {
            return new ProviderItemId(id);
        }
    }

    /** The thumbnail's bytes, paused (see {@link ProviderBytes}). Failures as in the package documentation. */
    Future<ProviderBytes> thumbnail(Caller caller, ThumbnailQuery query);
}
