package dochooks.application.testing;

import dochooks.domain.integration.Integration;
import dochooks.domain.integration.IntegrationSettings;
import dochooks.domain.integration.UrlPolicy;
import dochooks.domain.tenancy.TenantId;
import java.time.Instant;
import java.util.List;

/** Puts integrations straight into a store, for tests of the use cases that read or change them. */
public final class Seeds {
    private Seeds() {
    }

    /** Registers {@code form} for {@code tenant} at {@code now} and stores it; returns the stored integration. */
    public static Integration stored(InMemoryIntegrationStore store, TenantId tenant, IntegrationForms form,
            Instant now) {
        Integration integration = Integration.register(tenant,
                IntegrationSettings.from(form.build(), UrlPolicy.HTTPS_ONLY, null, List.of()), now);
        Futures.succeeded(store.insert(integration));
        return integration;
    }
}
