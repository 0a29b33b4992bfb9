package dochooks.adapters.persistence;

import dochooks.domain.integration.ApiKeyStrategy;
import dochooks.domain.integration.ClientId;
import dochooks.domain.integration.Integration;
import dochooks.domain.integration.IntegrationName;
import dochooks.domain.integration.IntegrationSettings;
import dochooks.domain.integration.IntegrationStatus;
import dochooks.domain.integration.OAuth2Strategy;
import dochooks.domain.integration.ProviderUrl;
import dochooks.domain.integration.RequestParameters;
import dochooks.domain.integration.Secret;
import dochooks.domain.integration.UrlPolicy;
import dochooks.domain.tenancy.TenantId;
import java.time.Instant;

/** Valid integrations for tests, built through the domain's own constructors. */
final class Integrations {
    static final TenantId ACME = new TenantId("acme");
    static final TenantId GLOBEX = new TenantId("globex");
    static final String CLIENT_SECRET = "client-secret-7f3a9c1e-LONG-value-c0de";
    static final String API_KEY = "api-key-4b8d2e6f-QWERTY-value-9876";
    static final Instant CREATED = Instant.parse("2026-11-23T14:05:00.123Z");

    private Integrations() {
    }

    static IntegrationSettings oauth2Settings(String name) {
        UrlPolicy policy = UrlPolicy.HTTPS_ONLY;
        return new IntegrationSettings(new IntegrationName(name),
                ProviderUrl.baseApiUrl("https://dms.acme.example/api/v1/", policy),
                RequestParameters.parse("access_type=offline&scope=read%20write&plus=a%2Bb"),
                new OAuth2Strategy(ProviderUrl.endpoint("https://dms.acme.example/oauth/authorize?prompt=consent", policy),
                        ProviderUrl.endpoint("https://dms.acme.example/oauth/token/", policy),
                        new ClientId("wf-123"), Secret.of(CLIENT_SECRET)),
                IntegrationStatus.ENABLED);
    }

    static IntegrationSettings apiKeySettings(String name) {
        return new IntegrationSettings(new IntegrationName(name),
                ProviderUrl.baseApiUrl("https://files.example.org:8443/hooks", UrlPolicy.HTTPS_ONLY),
                RequestParameters.NONE, new ApiKeyStrategy(Secret.of(API_KEY)), IntegrationStatus.DISABLED);
    }

    static Integration oauth2(TenantId tenant, String name) {
        return Integration.register(tenant, oauth2Settings(name), CREATED);
    }

    static Integration apiKey(TenantId tenant, String name) {
        return Integration.register(tenant, apiKeySettings(name), CREATED);
    }
}
