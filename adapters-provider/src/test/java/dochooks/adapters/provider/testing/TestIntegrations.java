package dochooks.adapters.provider.testing;

import dochooks.domain.integration.Integration;
import dochooks.domain.integration.IntegrationForm;
import dochooks.domain.integration.IntegrationSettings;
import dochooks.domain.integration.UrlPolicy;
import dochooks.domain.tenancy.TenantId;
import java.time.Instant;
import java.util.List;

/** Integrations pointing at a test provider (plain http allowed, as with DOCHOOKS_ALLOW_HTTP_PROVIDERS). */
public final class TestIntegrations {
    public static final String API_KEY = "api-key-0123456789abcdef";
    public static final String CLIENT_SECRET = "client-secret-0123456789";

    private TestIntegrations() {
    }

    public static Integration apiKey(String baseUrl) {
        return apiKey(baseUrl, null);
    }

    public static Integration apiKey(String baseUrl, String requestParameters) {
        return register(new IntegrationForm("Test provider", baseUrl, requestParameters, "ApiKey", null, null, null,
                null, API_KEY, null));
    }

    public static Integration oauth2(String baseUrl) {
        return oauth2(baseUrl, null);
    }

    public static Integration oauth2(String baseUrl, String requestParameters) {
        return register(new IntegrationForm("Test provider", baseUrl, requestParameters, "OAuth2",
                baseUrl + "/authorize", baseUrl + "/token", "test-client", CLIENT_SECRET, null, null));
    }

    /**
     * An OAuth2 integration of a test provider ({@code baseUrl}) whose users authorize at a {@link TestOAuth2Server}:
     * its endpoints, client id and secret.
     */
    public static Integration oauth2(String baseUrl, TestOAuth2Server authorizationServer, String requestParameters) {
        return register(new IntegrationForm("Test provider", baseUrl, requestParameters, "OAuth2",
                authorizationServer.authorizationUrl(), authorizationServer.tokenUrl(), TestOAuth2Server.CLIENT_ID,
                TestOAuth2Server.CLIENT_SECRET, null, null));
    }

    private static Integration register(IntegrationForm form) {
        IntegrationSettings settings = IntegrationSettings.from(form, new UrlPolicy(true), null, List.of());
        return Integration.register(new TenantId("test-tenant"), settings, Instant.now());
    }
}
