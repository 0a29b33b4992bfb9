package dochooks.application.document.port.out;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dochooks.domain.integration.Integration;
import dochooks.domain.integration.IntegrationForm;
import dochooks.domain.integration.IntegrationSettings;
import dochooks.domain.integration.Secret;
import dochooks.domain.integration.UrlPolicy;
import dochooks.domain.tenancy.TenantId;
import dochooks.domain.validation.InvalidValueException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProviderCallTest {

    private static Integration apiKeyIntegration() {
        return integration(new IntegrationForm("Acme", "https://dms.acme.example/api", null, "ApiKey", null, null,
                null, null, "key-0123456789", null));
    }

    private static Integration oauth2Integration() {
        return integration(new IntegrationForm("Acme", "https://dms.acme.example/api", null, "OAuth2",
                "https://dms.acme.example/authorize", "https://dms.acme.example/token", "client", "client-secret-1",
                null, null));
    }

    private static Integration integration(IntegrationForm form) {
        IntegrationSettings settings = IntegrationSettings.from(form, UrlPolicy.HTTPS_ONLY, null, List.of());
        return Integration.register(new TenantId("acme"), settings, Instant.now());
    }

    @Test
    void apiKeyCallsSendTheIntegrationsKeyForTheUser() {
        ProviderCall call = ProviderCall.apiKey(apiKeyIntegration(), "alice@acme.example");
        ProviderCredential.ApiKey credential = (ProviderCredential.ApiKey) call.credential();
        assertEquals("key-0123456789", credential.apiKey().reveal());
        assertEquals("alice@acme.example", credential.username());
    }

    @Test
    void refusesACredentialOfTheOtherAuthType() {
        assertThrows(IllegalArgumentException.class, () -> ProviderCall.apiKey(oauth2Integration(), "alice"));
        assertThrows(IllegalArgumentException.class,
                () -> ProviderCall.bearer(apiKeyIntegration(), Secret.of("token")));
    }

    @Test
    void refusesAUsernameThatCouldInjectHeaders() {
        assertThrows(InvalidValueException.class, () -> ProviderCall.apiKey(apiKeyIntegration(), "alice\r\nX-Evil: 1"));
        assertThrows(InvalidValueException.class, () -> ProviderCall.apiKey(apiKeyIntegration(), ""));
    }

    @Test
    void masksTheIntegrationSecretTheTokenAndAddedSecrets() {
        ProviderCall call = ProviderCall.bearer(oauth2Integration(), Secret.of("access-token"))
                .masking(Secret.of("refresh-token"));
        List<String> masked = call.secretsToMask().stream().map(Secret::reveal).toList();
        assertEquals(List.of("client-secret-1", "access-token", "refresh-token"), masked);
    }

    @Test
    void anAnonymousCallSendsNothingButStillMasksTheIntegrationSecret() {
        ProviderCall call = ProviderCall.bearer(oauth2Integration(), Secret.of("access-token")).withoutCredential();
        assertTrue(call.credential() instanceof ProviderCredential.None);
        assertFalse(call.credential().secret().isPresent());
        assertEquals(List.of("client-secret-1"), call.secretsToMask().stream().map(Secret::reveal).toList());
    }
}
