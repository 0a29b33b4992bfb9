package dochooks.domain.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dochooks.domain.tenancy.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IntegrationTest {
    private static final TenantId TENANT = new TenantId("acme");
    private static final Instant CREATED = Instant.parse("2026-11-23T14:05:00.123456789Z");
    private static final Instant LATER = Instant.parse("2026-11-23T15:00:00.987654Z");

    private static IntegrationSettings settings(FormBuilder form) {
        return IntegrationSettings.from(form.build(), UrlPolicy.HTTPS_ONLY, null, List.of());
    }

    private static Integration registered(FormBuilder form) {
        return Integration.register(TENANT, settings(form), CREATED);
    }

    @Test
    void registersAtVersionOneWithTimesInMilliseconds() {
        Integration integration = registered(FormBuilder.oauth2());

        assertEquals(1, integration.version());
        assertEquals(Instant.parse("2026-11-23T14:05:00.123Z"), integration.createdAt());
        assertEquals(integration.createdAt(), integration.updatedAt());
        assertEquals(TENANT, integration.tenant());
        assertNotEquals(integration.id(), registered(FormBuilder.oauth2()).id());
    }

    @Test
    void staysTheSameInstanceWhenNothingChanges() {
        Integration integration = registered(FormBuilder.oauth2());

        assertSame(integration, integration.replacedBy(integration.settings(), LATER));
        assertSame(integration, integration.replacedBy(settings(FormBuilder.oauth2()), LATER)); // equal, not same
    }

    @Test
    void growsTheVersionByOneOnARealChange() {
        Integration integration = registered(FormBuilder.oauth2());

        Integration renamed = integration.replacedBy(settings(FormBuilder.oauth2().name("Acme DMS 2")), LATER);

        assertEquals(2, renamed.version());
        assertEquals("Acme DMS 2", renamed.name().value());
        assertEquals(Instant.parse("2026-11-23T15:00:00.987Z"), renamed.updatedAt());
        assertEquals(integration.createdAt(), renamed.createdAt());
        assertEquals(integration.id(), renamed.id());
        assertEquals(integration.tenant(), renamed.tenant());
        assertEquals(3, renamed.replacedBy(settings(FormBuilder.oauth2().name("Acme DMS 3")), LATER).version());
    }

    @Test
    void aNewSecretIsAChange() {
        Integration integration = registered(FormBuilder.apiKey());

        assertEquals(2, integration.replacedBy(settings(FormBuilder.apiKey().apiKey("another-key")), LATER).version());
    }

    @Test
    void changesStatusOnlyWhenItDiffers() {
        Integration integration = registered(FormBuilder.oauth2());

        assertSame(integration, integration.withStatus(IntegrationStatus.ENABLED, LATER));
        Integration disabled = integration.withStatus(IntegrationStatus.DISABLED, LATER);
        assertEquals(2, disabled.version());
        assertFalse(disabled.isEnabled());
        assertEquals(IntegrationStatus.DISABLED, disabled.status());
        assertSame(disabled, disabled.withStatus(IntegrationStatus.DISABLED, LATER.plusSeconds(1)));
        assertTrue(disabled.withStatus(IntegrationStatus.ENABLED, LATER).isEnabled());
    }

    @Test
    void refusesAVersionBelowOne() {
        Integration integration = registered(FormBuilder.apiKey());

        assertThrows(IllegalArgumentException.class, () -> new Integration(integration.id(), TENANT,
                integration.settings(), 0, CREATED, CREATED));
    }

    static Stream<Arguments> changesThatKeepConnections() {
        return Stream.of(
                Arguments.of("name", (UnaryOperator<FormBuilder>) f -> f.name("Other name")),
                Arguments.of("base path", (UnaryOperator<FormBuilder>) f -> f.baseApiUrl("https://dms.acme.example/v2")),
                Arguments.of("auth path", (UnaryOperator<FormBuilder>) f -> f.authenticationUrl("https://DMS.acme.example:443/login")),
                Arguments.of("token path", (UnaryOperator<FormBuilder>) f -> f.tokenEndpointUrl("https://dms.acme.example/token?x=1")),
                Arguments.of("client secret", (UnaryOperator<FormBuilder>) f -> f.clientSecret("rotated")),
                Arguments.of("request parameters", (UnaryOperator<FormBuilder>) f -> f.requestParameters("a=1")),
                Arguments.of("status", (UnaryOperator<FormBuilder>) f -> f.status("DISABLED")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changesThatKeepConnections")
    void keepsConnectionsUnderChangesThatDoNotMoveTokens(String change, UnaryOperator<FormBuilder> edit) {
        Integration integration = registered(FormBuilder.oauth2());

        assertTrue(integration.keepsConnectionsUnder(settings(edit.apply(FormBuilder.oauth2()))));
    }

    static Stream<Arguments> changesThatDropConnections() {
        return Stream.of(
                Arguments.of("auth type", (UnaryOperator<FormBuilder>) f -> FormBuilder.apiKey()),
                Arguments.of("client id", (UnaryOperator<FormBuilder>) f -> f.clientId("wf-124")),
                Arguments.of("client id case", (UnaryOperator<FormBuilder>) f -> f.clientId("WF-123")),
                Arguments.of("base host", (UnaryOperator<FormBuilder>) f -> f.baseApiUrl("https://files.acme.example/api/v1")),
                Arguments.of("base port", (UnaryOperator<FormBuilder>) f -> f.baseApiUrl("https://dms.acme.example:8443/api/v1")),
                Arguments.of("auth host", (UnaryOperator<FormBuilder>) f -> f.authenticationUrl("https://login.acme.example/oauth/authorize")),
                Arguments.of("auth port", (UnaryOperator<FormBuilder>) f -> f.authenticationUrl("https://dms.acme.example:444/oauth/authorize")),
                Arguments.of("token host", (UnaryOperator<FormBuilder>) f -> f.tokenEndpointUrl("https://login.acme.example/oauth/token")),
                Arguments.of("token port", (UnaryOperator<FormBuilder>) f -> f.tokenEndpointUrl("https://dms.acme.example:444/oauth/token")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changesThatDropConnections")
    void dropsConnectionsWhenAuthTypeClientIdOrAnOriginChanges(String change, UnaryOperator<FormBuilder> edit) {
        Integration integration = registered(FormBuilder.oauth2());

        assertFalse(integration.keepsConnectionsUnder(settings(edit.apply(FormBuilder.oauth2()))));
    }

    @Test
    void dropsConnectionsWhenApiKeyBecomesOAuth2() {
        assertFalse(registered(FormBuilder.apiKey()).keepsConnectionsUnder(settings(FormBuilder.oauth2())));
    }

    @Test
    void apiKeyIntegrationsKeepConnectionsUnlessTheBaseOriginChanges() {
        Integration integration = registered(FormBuilder.apiKey());

        assertTrue(integration.keepsConnectionsUnder(settings(FormBuilder.apiKey().apiKey("new-key-0000"))));
        assertTrue(integration.keepsConnectionsUnder(settings(FormBuilder.apiKey().baseApiUrl("https://dms.acme.example/v9"))));
        assertFalse(integration.keepsConnectionsUnder(settings(FormBuilder.apiKey().baseApiUrl("https://x.acme.example/v1"))));
    }

    @Test
    void exposesNameStatusAndAuthType() {
        Integration integration = registered(FormBuilder.apiKey().name("Files").status("DISABLED"));

        assertEquals("Files", integration.name().value());
        assertEquals(IntegrationStatus.DISABLED, integration.status());
        assertEquals(AuthType.API_KEY, integration.authType());
        assertEquals("ApiKey", integration.authType().apiName());
    }
}
