package dochooks.domain.integration;

import static dochooks.domain.validation.Refusals.assertViolations;
import static dochooks.domain.validation.Refusals.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dochooks.domain.tenancy.TenantId;
import dochooks.domain.validation.FieldViolation;
import dochooks.domain.validation.Rule;
import dochooks.domain.validation.ValidationException;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class IntegrationSettingsTest {
    private static final UrlPolicy HTTPS_ONLY = UrlPolicy.HTTPS_ONLY;
    private static final TenantId TENANT = new TenantId("acme");
    private static final Instant NOW = Instant.parse("2026-11-23T14:05:00.123Z");

    private static IntegrationSettings create(FormBuilder form) {
        return IntegrationSettings.from(form.build(), HTTPS_ONLY, null, List.of());
    }

    private static IntegrationSettings replace(Integration current, FormBuilder form) {
        return IntegrationSettings.from(form.build(), HTTPS_ONLY, current, List.of());
    }

    private static Integration stored(FormBuilder form) {
        return Integration.register(TENANT, create(form), NOW);
    }

    @Nested
    class OnCreate {

        @Test
        void acceptsACompleteOAuth2Form() {
            IntegrationSettings settings = create(FormBuilder.oauth2().requestParameters("access_type=offline"));

            assertEquals("Acme DMS", settings.name().value());
            assertEquals("https://dms.acme.example/api/v1", settings.baseApiUrl().value());
            assertEquals("access_type=offline", settings.requestParameters().encoded());
            assertEquals(IntegrationStatus.ENABLED, settings.status());
            OAuth2Strategy auth = assertInstanceOf(OAuth2Strategy.class, settings.auth());
            assertEquals("https://dms.acme.example/oauth/authorize", auth.authenticationUrl().value());
            assertEquals("https://dms.acme.example/oauth/token", auth.tokenEndpointUrl().value());
            assertEquals("wf-123", auth.clientId().value());
            assertEquals(FormBuilder.CLIENT_SECRET, auth.clientSecret().reveal());
        }

        @Test
        void acceptsACompleteApiKeyForm() {
            IntegrationSettings settings = create(FormBuilder.apiKey());

            ApiKeyStrategy auth = assertInstanceOf(ApiKeyStrategy.class, settings.auth());
            assertEquals(FormBuilder.API_KEY, auth.apiKey().reveal());
            assertEquals(AuthType.API_KEY, settings.auth().type());
            assertEquals("", settings.requestParameters().encoded());
        }

        @Test
        void storesTheNormalizedFormsOfNameUrlAndParameters() {
            IntegrationSettings settings = create(FormBuilder.apiKey().name("  Cafe\u0301 DMS\u3000")
                    .baseApiUrl("https://dms.acme.example/api/").requestParameters("scope=read write&tag=a+b"));

            assertEquals("Caf\u00E9 DMS", settings.name().value());
            assertEquals("https://dms.acme.example/api", settings.baseApiUrl().value());
            assertEquals("scope=read%20write&tag=a%2Bb", settings.requestParameters().encoded());
        }

        @Test
        void isDisabledWhenTheFormSaysSo() {
            assertEquals(IntegrationStatus.DISABLED, create(FormBuilder.apiKey().status("DISABLED")).status());
            assertEquals(IntegrationStatus.ENABLED, create(FormBuilder.apiKey().status("ENABLED")).status());
        }

        @ParameterizedTest
        @ValueSource(strings = {"enabled", "Disabled", "ACTIVE", ""})
        void refusesAnUnknownStatus(String status) {
            assertViolations(() -> create(FormBuilder.apiKey().status(status)), at("status", Rule.ONE_OF));
        }

        @Test
        void requiresNameBaseUrlAndAuthType() {
            assertViolations(() -> create(FormBuilder.apiKey().name(null).baseApiUrl(null).authType(null).apiKey(null)),
                    at("name", Rule.REQUIRED), at("baseApiUrl", Rule.REQUIRED), at("authType", Rule.REQUIRED));
        }

        @ParameterizedTest
        @ValueSource(strings = {"oauth2", "OAUTH2", "apikey", "Basic", ""})
        void refusesAnAuthTypeThatIsNotExactlyOAuth2OrApiKey(String authType) {
            ValidationException failed = assertViolations(() -> create(FormBuilder.apiKey().authType(authType)),
                    at("authType", Rule.ONE_OF));
            assertEquals("must be one of OAuth2, ApiKey", failed.violations().get(0).message());
        }

        @Test
        void requiresEveryOAuth2FieldOnCreate() {
            assertViolations(() -> create(FormBuilder.oauth2().authenticationUrl(null).tokenEndpointUrl(null)
                            .clientId(null).clientSecret(null)),
                    at("authenticationUrl", Rule.REQUIRED), at("tokenEndpointUrl", Rule.REQUIRED),
                    at("clientId", Rule.REQUIRED), at("clientSecret", Rule.REQUIRED));
        }

        @Test
        void requiresTheApiKeyOnCreate() {
            assertViolations(() -> create(FormBuilder.apiKey().apiKey(null)), at("apiKey", Rule.REQUIRED));
        }

        @Test
        void rejectsApiKeyFieldsOnOAuth2() {
            ValidationException failed = assertViolations(() -> create(FormBuilder.oauth2().apiKey("some-key")),
                    at("apiKey", Rule.NOT_ALLOWED_FOR_AUTH_TYPE));
            assertEquals("is not allowed when authType is OAuth2", failed.violations().get(0).message());
        }

        @Test
        void rejectsOAuth2FieldsOnApiKey() {
            ValidationException failed = assertViolations(() -> create(FormBuilder.apiKey()
                            .authenticationUrl("https://dms.acme.example/oauth/authorize")
                            .tokenEndpointUrl("https://dms.acme.example/oauth/token")
                            .clientId("wf-123").clientSecret("secret")),
                    at("authenticationUrl", Rule.NOT_ALLOWED_FOR_AUTH_TYPE),
                    at("tokenEndpointUrl", Rule.NOT_ALLOWED_FOR_AUTH_TYPE),
                    at("clientId", Rule.NOT_ALLOWED_FOR_AUTH_TYPE),
                    at("clientSecret", Rule.NOT_ALLOWED_FOR_AUTH_TYPE));
            assertEquals("is not allowed when authType is ApiKey", failed.violations().get(3).message());
        }

        @Test
        void rejectsEvenEmptyFieldsOfTheOtherAuthType() {
            assertViolations(() -> create(FormBuilder.apiKey().clientId("")),
                    at("clientId", Rule.NOT_ALLOWED_FOR_AUTH_TYPE));
        }

        @Test
        void listsEveryFailingFieldAtOnceInFormOrder() {
            ValidationException failed = assertViolations(() -> create(FormBuilder.oauth2()
                            .status("PAUSED")
                            .apiKey("not-for-oauth2")
                            .clientSecret("bad\nsecret")
                            .clientId("")
                            .tokenEndpointUrl(null)
                            .authenticationUrl("ftp://dms.acme.example/authorize")
                            .requestParameters("state=x")
                            .baseApiUrl("https://dms.acme.example/api?x=1")
                            .name("Acme\u202EDMS")),
                    at("name", Rule.BIDI_CONTROL_CHARACTERS),
                    at("baseApiUrl", Rule.URL_QUERY),
                    at("requestParameters", Rule.PARAMETERS_RESERVED),
                    at("authenticationUrl", Rule.URL_SCHEME),
                    at("tokenEndpointUrl", Rule.REQUIRED),
                    at("clientId", Rule.LENGTH),
                    at("clientSecret", Rule.CONTROL_CHARACTERS),
                    at("apiKey", Rule.NOT_ALLOWED_FOR_AUTH_TYPE),
                    at("status", Rule.ONE_OF));
            assertEquals(List.of("state"), failed.violations().get(2).args());
        }

        @Test
        void listsOneEntryPerFieldEvenWhenAFieldBreaksSeveralRules() {
            assertViolations(() -> create(FormBuilder.apiKey().name("\u0000".repeat(200))),
                    at("name", Rule.LENGTH));
        }

        @Test
        void stillChecksTheAuthFieldsSentWhenTheAuthTypeIsUnknown() {
            assertViolations(() -> create(FormBuilder.oauth2().authType("Basic")
                            .authenticationUrl("not a url").clientId("").clientSecret("x\u0000").apiKey("")),
                    at("authType", Rule.ONE_OF),
                    at("authenticationUrl", Rule.URL_NOT_ABSOLUTE),
                    at("clientId", Rule.LENGTH),
                    at("clientSecret", Rule.CONTROL_CHARACTERS),
                    at("apiKey", Rule.LENGTH));
        }

        @Test
        void reportsEarlierViolationsFirstAndDoesNotCheckTheirFieldsAgain() {
            List<FieldViolation> earlier = List.of(FieldViolation.of("nickname", Rule.UNKNOWN_FIELD),
                    FieldViolation.of("name", Rule.NOT_A_STRING), FieldViolation.of("version", Rule.READ_ONLY));

            assertViolations(() -> IntegrationSettings.from(FormBuilder.apiKey().name(null).apiKey("").build(),
                            HTTPS_ONLY, null, earlier),
                    at("nickname", Rule.UNKNOWN_FIELD), at("name", Rule.NOT_A_STRING), at("version", Rule.READ_ONLY),
                    at("apiKey", Rule.LENGTH));
        }

        @Test
        void failsOnEarlierViolationsAloneWhenTheFormIsValid() {
            assertViolations(() -> IntegrationSettings.from(FormBuilder.apiKey().build(), HTTPS_ONLY, null,
                    List.of(FieldViolation.of("colour", Rule.UNKNOWN_FIELD))), at("colour", Rule.UNKNOWN_FIELD));
        }

        @Test
        void allowsAQueryOnEndpointUrlsButNotOnTheBaseUrl() {
            IntegrationSettings settings = create(FormBuilder.oauth2()
                    .authenticationUrl("https://login.acme.example/authorize?prompt=consent")
                    .tokenEndpointUrl("https://login.acme.example/token?v=2"));

            OAuth2Strategy auth = (OAuth2Strategy) settings.auth();
            assertEquals("https://login.acme.example/authorize?prompt=consent", auth.authenticationUrl().value());
            assertEquals("https://login.acme.example/token?v=2", auth.tokenEndpointUrl().value());
        }

        @Test
        void appliesTheHttpPolicyToEveryUrl() {
            FormBuilder plainHttp = FormBuilder.oauth2().baseApiUrl("http://dms.acme.example/api")
                    .authenticationUrl("http://dms.acme.example/authorize")
                    .tokenEndpointUrl("http://dms.acme.example/token");

            assertViolations(() -> create(plainHttp), at("baseApiUrl", Rule.URL_SCHEME),
                    at("authenticationUrl", Rule.URL_SCHEME), at("tokenEndpointUrl", Rule.URL_SCHEME));
            assertEquals("http://dms.acme.example/api",
                    IntegrationSettings.from(plainHttp.build(), new UrlPolicy(true), null, List.of()).baseApiUrl().value());
        }

        @Test
        void checksClientIdLengthInCodePoints() {
            assertEquals("가".repeat(255), ((OAuth2Strategy) create(FormBuilder.oauth2().clientId("가".repeat(255)))
                    .auth()).clientId().value());
            assertViolations(() -> create(FormBuilder.oauth2().clientId("가".repeat(256))), at("clientId", Rule.LENGTH));
            assertViolations(() -> create(FormBuilder.oauth2().clientId("wf\t123")),
                    at("clientId", Rule.CONTROL_CHARACTERS));
        }

        @Test
        void checksSecretLengths() {
            assertViolations(() -> create(FormBuilder.oauth2().clientSecret("s".repeat(2049))),
                    at("clientSecret", Rule.LENGTH));
            assertViolations(() -> create(FormBuilder.apiKey().apiKey("k".repeat(2049))), at("apiKey", Rule.LENGTH));
            assertViolations(() -> create(FormBuilder.apiKey().apiKey("key\r\nX-Injected: 1")),
                    at("apiKey", Rule.CONTROL_CHARACTERS));
        }
    }

    @Nested
    class OnReplace {

        @Test
        void keepsTheOmittedClientSecretWhenTypeAndOriginsAreUnchanged() {
            Integration current = stored(FormBuilder.oauth2());

            IntegrationSettings next = replace(current, FormBuilder.oauth2().clientSecret(null)
                    .baseApiUrl("https://dms.acme.example/api/v2")
                    .authenticationUrl("https://dms.acme.example/oauth2/authorize?prompt=login")
                    .tokenEndpointUrl("https://dms.acme.example/oauth2/token"));

            assertEquals(FormBuilder.CLIENT_SECRET, ((OAuth2Strategy) next.auth()).clientSecret().reveal());
        }

        @Test
        void keepsTheOmittedApiKeyWhenTheBaseOriginIsUnchanged() {
            Integration current = stored(FormBuilder.apiKey());

            IntegrationSettings next = replace(current, FormBuilder.apiKey().apiKey(null)
                    .baseApiUrl("https://DMS.acme.example:443/other"));

            assertEquals(FormBuilder.API_KEY, ((ApiKeyStrategy) next.auth()).apiKey().reveal());
        }

        @Test
        void treatsTheSameOriginSpelledDifferentlyAsUnchanged() {
            Integration current = stored(FormBuilder.oauth2());

            IntegrationSettings next = replace(current, FormBuilder.oauth2().clientSecret(null)
                    .baseApiUrl("HTTPS://Dms.Acme.Example:443/api/v1")
                    .authenticationUrl("https://DMS.ACME.EXAMPLE/oauth/authorize")
                    .tokenEndpointUrl("https://dms.acme.example:443/oauth/token"));

            assertEquals(FormBuilder.CLIENT_SECRET, next.auth().secret().reveal());
        }

        static Stream<Arguments> originChanges() {
            return Stream.of(
                    Arguments.of("baseApiUrl host", (UnaryOperator<FormBuilder>) f -> f.baseApiUrl("https://evil.example/api/v1")),
                    Arguments.of("baseApiUrl port", (UnaryOperator<FormBuilder>) f -> f.baseApiUrl("https://dms.acme.example:8443/api/v1")),
                    Arguments.of("authenticationUrl host", (UnaryOperator<FormBuilder>) f -> f.authenticationUrl("https://evil.example/oauth/authorize")),
                    Arguments.of("authenticationUrl port", (UnaryOperator<FormBuilder>) f -> f.authenticationUrl("https://dms.acme.example:444/oauth/authorize")),
                    Arguments.of("tokenEndpointUrl host", (UnaryOperator<FormBuilder>) f -> f.tokenEndpointUrl("https://evil.example/oauth/token")),
                    Arguments.of("tokenEndpointUrl port", (UnaryOperator<FormBuilder>) f -> f.tokenEndpointUrl("https://dms.acme.example:9443/oauth/token")));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("originChanges")
        void demandsTheClientSecretAgainWhenAnOriginChanges(String change, UnaryOperator<FormBuilder> edit) {
            Integration current = stored(FormBuilder.oauth2());

            ValidationException failed = assertViolations(
                    () -> replace(current, edit.apply(FormBuilder.oauth2().clientSecret(null))),
                    at("clientSecret", Rule.SECRET_REQUIRED_AGAIN));
            assertEquals("must be sent again because the authentication type or the origin of a URL changed",
                    failed.violations().get(0).message());
        }

        @Test
        void demandsTheClientSecretAgainWhenTheSchemeChanges() {
            Integration current = Integration.register(TENANT, IntegrationSettings.from(FormBuilder.oauth2().build(),
                    new UrlPolicy(true), null, List.of()), NOW);

            assertViolations(() -> IntegrationSettings.from(FormBuilder.oauth2().clientSecret(null)
                            .tokenEndpointUrl("http://dms.acme.example/oauth/token").build(), new UrlPolicy(true),
                            current, List.of()),
                    at("clientSecret", Rule.SECRET_REQUIRED_AGAIN));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("originChanges")
        void acceptsANewClientSecretWithAnOriginChange(String change, UnaryOperator<FormBuilder> edit) {
            Integration current = stored(FormBuilder.oauth2());

            IntegrationSettings next = replace(current, edit.apply(FormBuilder.oauth2().clientSecret("new-secret")));

            assertEquals("new-secret", next.auth().secret().reveal());
        }

        @Test
        void demandsTheApiKeyAgainWhenTheBaseOriginChanges() {
            Integration current = stored(FormBuilder.apiKey());

            assertViolations(() -> replace(current, FormBuilder.apiKey().apiKey(null)
                    .baseApiUrl("https://files.acme.example/api/v1")), at("apiKey", Rule.SECRET_REQUIRED_AGAIN));
        }

        @Test
        void demandsTheApiKeyWhenOAuth2BecomesApiKey() {
            Integration current = stored(FormBuilder.oauth2());

            assertViolations(() -> replace(current, FormBuilder.apiKey().apiKey(null)),
                    at("apiKey", Rule.SECRET_REQUIRED_AGAIN));
        }

        @Test
        void demandsTheClientSecretWhenApiKeyBecomesOAuth2() {
            Integration current = stored(FormBuilder.apiKey());

            assertViolations(() -> replace(current, FormBuilder.oauth2().clientSecret(null)),
                    at("clientSecret", Rule.SECRET_REQUIRED_AGAIN));
        }

        @Test
        void replacesTheSecretWhenOneIsSent() {
            Integration current = stored(FormBuilder.oauth2());

            assertEquals("rotated-secret",
                    replace(current, FormBuilder.oauth2().clientSecret("rotated-secret")).auth().secret().reveal());
        }

        @Test
        void keepsTheCurrentStatusWhenTheFormHasNone() {
            Integration disabled = stored(FormBuilder.apiKey().status("DISABLED"));

            assertEquals(IntegrationStatus.DISABLED, replace(disabled, FormBuilder.apiKey()).status());
            assertEquals(IntegrationStatus.ENABLED, replace(disabled, FormBuilder.apiKey().status("ENABLED")).status());
        }

        @Test
        void clearsRequestParametersThatTheFormOmits() {
            Integration current = stored(FormBuilder.apiKey().requestParameters("access_type=offline"));

            assertEquals("", replace(current, FormBuilder.apiKey()).requestParameters().encoded());
        }

        @Test
        void givesSettingsEqualToTheCurrentOnesWhenTheSameFormIsSentWithoutTheSecret() {
            Integration current = stored(FormBuilder.oauth2().requestParameters("a=b c"));

            assertEquals(current.settings(), replace(current, FormBuilder.oauth2().requestParameters("a=b%20c")
                    .clientSecret(null)));
        }

        @Test
        void listsEveryFaultAtOnceOnReplaceToo() {
            Integration current = stored(FormBuilder.oauth2());

            assertViolations(() -> replace(current, FormBuilder.oauth2().clientSecret(null).name("")
                            .baseApiUrl("https://elsewhere.example/api")),
                    at("name", Rule.REQUIRED), at("clientSecret", Rule.SECRET_REQUIRED_AGAIN));
        }

        @Test
        void doesNotAddASecretFaultWhenAUrlIsAlreadyAtFault() {
            Integration current = stored(FormBuilder.oauth2());

            assertViolations(() -> replace(current, FormBuilder.oauth2().clientSecret(null).tokenEndpointUrl("nope")),
                    at("tokenEndpointUrl", Rule.URL_NOT_ABSOLUTE));
        }
    }

    @Test
    void withStatusChangesOnlyTheStatus() {
        IntegrationSettings settings = create(FormBuilder.oauth2());

        IntegrationSettings disabled = settings.withStatus(IntegrationStatus.DISABLED);

        assertEquals(IntegrationStatus.DISABLED, disabled.status());
        assertEquals(settings, disabled.withStatus(IntegrationStatus.ENABLED));
    }
}
