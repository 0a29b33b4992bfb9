package dochooks.application.contract;

import dochooks.application.connection.port.out.ConnectionKey;
import dochooks.application.connection.port.out.TokenSet;
import dochooks.application.connection.port.out.UserConnection;
import dochooks.domain.connection.TokenLifetime;
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
import dochooks.domain.tenancy.UserId;
import java.time.Instant;
import java.util.UUID;

/**
 * Values the kits store, built through the domain's own constructors. Every kit test runs on a tenant of its
 * own ({@link #newTenant()}), so an implementation may share one storage between tests. Instants are whole
 * milliseconds: a storage may keep no finer precision (the API shows none).
 */
final class ContractData {
    static final Instant CREATED = Instant.parse("2026-11-23T14:05:00.123Z");
    static final Instant CONNECTED = Instant.parse("2026-11-23T14:10:00.456Z");

    private ContractData() {
    }

    static TenantId newTenant() {
        return new TenantId("contract-" + UUID.randomUUID());
    }

    static UserId user(String name) {
        return new UserId(name);
    }

    /**
     * A secret that storage must give back unchanged: surrounding spaces, quotes and backslashes, accents, CJK,
     * characters beyond U+FFFF, and the longest a secret may be (2048 code points), with {@code tag} first so
     * that two of them differ.
     */
    static Secret awkwardSecret(String tag) {
        StringBuilder value = new StringBuilder(" ").append(tag).append(" 'quote' \"dq\" \\ % _ é ünï 中文 🔑 𝄞");
        while (value.codePointCount(0, value.length()) < Secret.MAX_LENGTH - 1) {
            value.append(value.codePointCount(0, value.length()) % 7 == 0 ? "𝄞" : "x");
        }
        return Secret.of(value.append(' ').toString());
    }

    static IntegrationSettings apiKeySettings(String name, Secret apiKey) {
        return new IntegrationSettings(new IntegrationName(name),
                ProviderUrl.baseApiUrl("https://files.example.org:8443/hooks", UrlPolicy.HTTPS_ONLY),
                RequestParameters.NONE, new ApiKeyStrategy(apiKey), IntegrationStatus.ENABLED);
    }

    static IntegrationSettings oauth2Settings(String name, Secret clientSecret) {
        UrlPolicy policy = UrlPolicy.HTTPS_ONLY;
        return new IntegrationSettings(new IntegrationName(name),
                ProviderUrl.baseApiUrl("https://dms.acme.example/api/v1/", policy),
                RequestParameters.parse("access_type=offline&scope=read%20write&plus=a%2Bb&empty="),
                new OAuth2Strategy(ProviderUrl.endpoint("https://dms.acme.example/oauth/authorize?prompt=consent", policy),
                        ProviderUrl.endpoint("https://login.acme.example:8443/oauth/token", policy),
                        new ClientId("wf-123 ünï"), clientSecret),
                IntegrationStatus.ENABLED);
    }

    static Integration apiKey(TenantId tenant, String name) {
        return Integration.register(tenant, apiKeySettings(name, Secret.of("api-key-" + UUID.randomUUID())), CREATED);
    }

    static Integration oauth2(TenantId tenant, String name) {
        return Integration.register(tenant, oauth2Settings(name, Secret.of("client-secret-" + UUID.randomUUID())),
                CREATED);
    }

    /** {@code integration} with another name: the next version. */
    static Integration renamed(Integration integration, String name) {
        IntegrationSettings settings = integration.settings();
        return integration.replacedBy(new IntegrationSettings(new IntegrationName(name), settings.baseApiUrl(),
                settings.requestParameters(), settings.auth(), settings.status()), CREATED.plusSeconds(60));
    }

    static TokenSet tokens(String access, String refresh, Long expiresInSeconds) {
        return new TokenSet(Secret.of(access), refresh == null ? null : Secret.of(refresh),
                TokenLifetime.of(CONNECTED, expiresInSeconds));
    }

    static UserConnection connected(ConnectionKey key, String access, String refresh) {
        return UserConnection.connected(key, tokens(access, refresh, 3600L), CONNECTED);
    }
}
