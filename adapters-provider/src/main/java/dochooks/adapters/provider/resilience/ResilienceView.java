package dochooks.adapters.provider.resilience;

import dochooks.domain.integration.IntegrationId;
import java.util.List;
import java.util.Optional;

/** What the provider protections look like now, read-only, for metrics and health pages. */
public interface ResilienceView {

    /** Every integration called since the process started. */
    List<IntegrationResilience> integrations();

    /** One integration; empty when it was never called. */
    Optional<IntegrationResilience> integration(IntegrationId id);

    /** Byte streams (downloads, thumbnails, uploads) in flight over all integrations. */
    int streamsInFlight();
}
