package dochooks.application.document.port.in;

import dochooks.application.Caller;
import dochooks.application.document.port.out.ProviderBytes;
import dochooks.domain.document.ProviderItemId;
import dochooks.domain.integration.IntegrationId;
import dochooks.domain.validation.Violations;
import io.vertx.core.Future;
import java.util.Objects;

/** Any user downloads a provider document's bytes through an integration ({@code GET download}). */
public interface DownloadDocumentUseCase {

    /** @param id the provider id of the document; required */
    record DownloadQuery(IntegrationId integrationId, String id) {
        public DownloadQuery {
            Objects.requireNonNull(integrationId, "integrationId");
            Violations violations = new Violations();
            QueryRules.itemId(violations, "id", id);
            violations.throwIfAny();
        }

        public ProviderItemId itemId() {
            return new ProviderItemId(id);
        }
    }

    /**
     * The provider's answer once its status and headers arrived; the bytes are still to be relayed (paused,
     * see {@link ProviderBytes}). Failures as in the package documentation.
     */
    Future<ProviderBytes> download(Caller caller, DownloadQuery query);
}
