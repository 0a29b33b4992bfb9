package dochooks.application.integration.service;

import static dochooks.application.testing.Futures.failed;
import static dochooks.application.testing.Futures.succeeded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dochooks.application.error.ForbiddenException;
import dochooks.application.error.IntegrationNotFoundException;
import dochooks.application.error.NameTakenException;
import dochooks.application.error.PreconditionFailedException;
import dochooks.application.integration.port.in.IfMatch;
import dochooks.application.integration.port.in.ReplaceIntegrationUseCase.ReplaceIntegrationCommand;
import dochooks.application.integration.port.out.LoadIntegrationPort;
import dochooks.application.testing.Callers;
import dochooks.application.testing.Futures;
import dochooks.application.testing.InMemoryIntegrationStore;
import dochooks.application.testing.IntegrationForms;
import dochooks.application.testing.Seeds;
import dochooks.application.testing.TestClock;
import dochooks.domain.integration.ApiKeyStrategy;
import dochooks.domain.integration.Integration;
import dochooks.domain.integration.IntegrationId;
import dochooks.domain.integration.IntegrationSettings;
import dochooks.domain.integration.IntegrationStatus;
import dochooks.domain.integration.OAuth2Strategy;
import dochooks.domain.integration.RedirectUri;
import dochooks.domain.integration.UrlPolicy;
import dochooks.domain.tenancy.TenantId;
import dochooks.domain.validation.FieldViolation;
import dochooks.domain.validation.Rule;
import dochooks.domain.validation.ValidationException;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReplaceIntegrationServiceTest {
    private static final TenantId ACME = new TenantId("acme");
    private static final TenantId GLOBEX = new TenantId("globex");
    private static final Instant START = Instant.parse("2026-11-23T14:05:00Z");
    private static final Duration LATER = Duration.ofMinutes(55);
    /** RFC 3339 in UTC with milliseconds, as the API renders times (Instant.toString drops ".000"). */
    private static final DateTimeFormatter API_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final RedirectUri REDIRECT = RedirectUri.under("https://dochooks.acme.example/");

    private final InMemoryIntegrationStore store = new InMemoryIntegrationStore();
    private final TestClock clock = new TestClock(START);
    private final ReplaceIntegrationService service = serviceLoadingThrough(store);

    private ReplaceIntegrationService serviceLoadingThrough(LoadIntegrationPort load) {
        return new ReplaceIntegrationService(load, store, UrlPolicy.HTTPS_ONLY, REDIRECT, clock);
    }

    private Integration seed(IntegrationForms form) {
        Integration integration = Seeds.stored(store, ACME, form, clock.instant());
        clock.advance(LATER);
        return integration;
    }

    private Integration stored(Integration integration) {
        return succeeded(store.load(integration.tenant(), integration.id())).orElseThrow();
    }

    private static ReplaceIntegrationCommand put(Integration target, IfMatch ifMatch, IntegrationForms form) {
        return new ReplaceIntegrationCommand(target.id(), ifMatch, form.build(), Map.of(), List.of());
    }

    private static ReplaceIntegrationCommand put(Integration target, IntegrationForms form) {
        return put(target, IfMatch.version(target.version()), form);
    }

    private static ReplaceIntegrationCommand putWithEchoes(Integration target, IntegrationForms form,
            Map<String, String> echoes) {
        return new ReplaceIntegrationCommand(target.id(), IfMatch.ANY, form.build(), echoes, List.of());
    }

    /** The read-only fields as a GET shows them, the way a client would send them back. */
    private Map<String, String> echoesOf(Integration integration) {
        Map<String, String> echoes = new LinkedHashMap<>();
        echoes.put("id", integration.id().toString());
        echoes.put("version", Long.toString(integration.version()));
        echoes.put("createdAt", API_TIME.format(integration.createdAt()));
        echoes.put("updatedAt", API_TIME.format(integration.updatedAt()));
        if (integration.settings().auth() instanceof OAuth2Strategy oauth2) {
            echoes.put("redirectUri", REDIRECT.value());
            echoes.put("clientSecretHint", oauth2.clientSecret().hint());
        } else {
            echoes.put("apiKeyHint", integration.settings().auth().secret().hint());
        }
        return echoes;
    }

    @Test
    void replacesTheEditableFieldsAsTheNextVersion() {
        Integration current = seed(IntegrationForms.oauth2().requestParameters("a=1"));

        Integration replaced = succeeded(service.replace(Callers.admin(ACME), put(current,
                IntegrationForms.oauth2().name("Acme DMS v2").baseApiUrl("https://dms.acme.example/api/v2/")
                        .clientSecret(null))));

        assertEquals(2, replaced.version());
        assertEquals("Acme DMS v2", replaced.name().value());
        assertEquals("https://dms.acme.example/api/v2", replaced.settings().baseApiUrl().value());
        assertEquals("", replaced.settings().requestParameters().encoded()); // full replacement: omitted = none
        assertEquals(current.createdAt(), replaced.createdAt());
        assertEquals(START.plus(LATER), replaced.updatedAt());
        assertEquals(replaced, stored(current));
    }

    @Test
    void makesNoNewVersionWhenNothingChanges() {
        Integration current = seed(IntegrationForms.oauth2().requestParameters("scope=a b"));

        Integration withoutSecret = succeeded(service.replace(Callers.admin(ACME), put(current,
                IntegrationForms.oauth2().requestParameters("scope=a%20b").clientSecret(null))));
        Integration withSameSecret = succeeded(service.replace(Callers.admin(ACME), put(current,
                IntegrationForms.oauth2().requestParameters("scope=a b"))));

        assertEquals(current, withoutSecret);
        assertEquals(current, withSameSecret);
        assertEquals(current, stored(current));
        assertEquals(START, stored(current).updatedAt());
    }

    @Test
    void forbidsNonAdminsBeforeAnythingElse() {
        Integration current = seed(IntegrationForms.oauth2());

        failed(service.replace(Callers.user(ACME), put(current, IntegrationForms.oauth2().name("Mine"))),
                ForbiddenException.class);
        failed(service.replace(Callers.user(ACME), new ReplaceIntegrationCommand(IntegrationId.random(),
                IfMatch.version(42), IntegrationForms.oauth2().name(null).build(), Map.of("id", "x"), List.of())),
                ForbiddenException.class);
        assertEquals(current, stored(current));
    }

    @Test
    void findsNeitherUnknownNorAnotherTenantsIntegrations() {
        Integration theirs = Seeds.stored(store, GLOBEX, IntegrationForms.apiKey(), START);

        failed(service.replace(Callers.admin(ACME), put(theirs, IntegrationForms.apiKey().name("Taken over"))),
                IntegrationNotFoundException.class);
        failed(service.replace(Callers.admin(ACME), new ReplaceIntegrationCommand(IntegrationId.random(),
                IfMatch.version(42), IntegrationForms.apiKey().name(null).build(), Map.of(), List.of())),
                IntegrationNotFoundException.class);
        assertEquals(theirs, stored(theirs));
    }

    @Test
    void replacesADisabledIntegrationAndKeepsItDisabledWhenTheStatusIsOmitted() {
        Integration current = seed(IntegrationForms.apiKey().status("DISABLED"));

        Integration replaced = succeeded(service.replace(Callers.admin(ACME),
                put(current, IntegrationForms.apiKey().name("Renamed").apiKey(null))));

        assertEquals(IntegrationStatus.DISABLED, replaced.status());
        assertEquals("Renamed", replaced.name().value());
    }

    @Test
    void changesTheStatusWhenTheFormHasOne() {
        Integration current = seed(IntegrationForms.apiKey());

        Integration replaced = succeeded(service.replace(Callers.admin(ACME),
                put(current, IntegrationForms.apiKey().status("DISABLED"))));

        assertEquals(IntegrationStatus.DISABLED, replaced.status());
        assertEquals(2, replaced.version());
    }

    @Test
    void refusesAStaleIfMatchAndChangesNothing() {
        Integration current = seed(IntegrationForms.apiKey());
        Integration renamed = succeeded(service.replace(Callers.admin(ACME), put(current,
                IntegrationForms.apiKey().name("Second"))));

        failed(service.replace(Callers.admin(ACME), put(current, IntegrationForms.apiKey().name("Third"))),
                PreconditionFailedException.class);
        assertEquals(renamed, stored(current));
    }

    @Test
    void acceptsTheCurrentVersionOrAnyVersion() {
        Integration current = seed(IntegrationForms.apiKey());

        Integration second = succeeded(service.replace(Callers.admin(ACME),
                put(current, IfMatch.version(1), IntegrationForms.apiKey().name("Second"))));
        Integration third = succeeded(service.replace(Callers.admin(ACME),
                put(current, IfMatch.ANY, IntegrationForms.apiKey().name("Third"))));

        assertEquals(2, second.version());
        assertEquals(3, third.version());
    }

    @Test
    void checksExistenceThenIfMatchThenValidation() {
        Integration current = seed(IntegrationForms.apiKey());
        IntegrationForms invalid = IntegrationForms.apiKey().name("");

        failed(service.replace(Callers.admin(ACME), new ReplaceIntegrationCommand(IntegrationId.random(),
                IfMatch.version(9), invalid.build(), Map.of(), List.of())), IntegrationNotFoundException.class);
        failed(service.replace(Callers.admin(ACME), put(current, IfMatch.version(9), invalid)),
                PreconditionFailedException.class);
        failed(service.replace(Callers.admin(ACME), put(current, IfMatch.version(1), invalid)),
                ValidationException.class);
        assertEquals(current, stored(current));
    }

    @Test
    void refusesAnInvalidFormListingEveryFieldAndChangesNothing() {
        Integration current = seed(IntegrationForms.oauth2());

        ValidationException failure = failed(service.replace(Callers.admin(ACME), new ReplaceIntegrationCommand(
                current.id(), IfMatch.ANY, IntegrationForms.oauth2().name("\u0007bell").clientId(null).build(),
                Map.of(), List.of(FieldViolation.of("nickname", Rule.UNKNOWN_FIELD)))), ValidationException.class);

        assertEquals(List.of("nickname:UNKNOWN_FIELD", "name:CONTROL_CHARACTERS", "clientId:REQUIRED"),
                failure.violations().stream().map(v -> v.field() + ":" + v.rule()).toList());
        assertEquals(current, stored(current));
    }

    @Test
    void ignoresReadOnlyFieldsSentBackUnchanged() {
        Integration current = seed(IntegrationForms.oauth2());
        Map<String, String> echoes = echoesOf(current);
        echoes.put("id", current.id().toString().toUpperCase());

        Integration replaced = succeeded(service.replace(Callers.admin(ACME),
                putWithEchoes(current, IntegrationForms.oauth2().name("Edited").clientSecret(null), echoes)));

        assertEquals("Edited", replaced.name().value());
    }

    @Test
    void ignoresTheEchoedHintOfAnApiKeyIntegration() {
        Integration current = seed(IntegrationForms.apiKey());

        Integration replaced = succeeded(service.replace(Callers.admin(ACME),
                putWithEchoes(current, IntegrationForms.apiKey().apiKey("rotated-key-9999"), echoesOf(current))));

        assertEquals("rotated-key-9999", replaced.settings().auth().secret().reveal());
    }

    @Test
    void refusesEveryReadOnlyFieldSentWithAnotherValue() {
        Integration current = seed(IntegrationForms.oauth2());
        Map<String, String> echoes = Map.of(
                "id", IntegrationId.random().toString(),
                "version", "7",
                "createdAt", "2020-01-01T00:00:00.000Z",
                "updatedAt", "yesterday",
                "redirectUri", "https://evil.example/oauth2/callback",
                "clientSecretHint", "\u2022\u2022\u2022\u2022beef",
                "apiKeyHint", "\u2022\u2022\u2022\u2022");

        ValidationException failure = failed(service.replace(Callers.admin(ACME),
                putWithEchoes(current, IntegrationForms.oauth2(), echoes)), ValidationException.class);

        assertEquals(List.of("id", "redirectUri", "version", "clientSecretHint", "apiKeyHint", "createdAt", "updatedAt"),
                failure.violations().stream().map(FieldViolation::field).toList());
        failure.violations().forEach(v -> assertEquals(Rule.READ_ONLY, v.rule()));
        assertEquals(current, stored(current));
    }

    @Test
    void refusesARedirectUriSentForAnApiKeyIntegration() {
        Integration current = seed(IntegrationForms.apiKey());

        ValidationException failure = failed(service.replace(Callers.admin(ACME), putWithEchoes(current,
                IntegrationForms.apiKey(), Map.of("redirectUri", REDIRECT.value()))), ValidationException.class);

        assertEquals(List.of(FieldViolation.of("redirectUri", Rule.READ_ONLY)), failure.violations());
    }

    static Stream<Arguments> changesThatDropConnections() {
        return Stream.of(
                Arguments.of("auth type", (UnaryOperator<IntegrationForms>) f -> IntegrationForms.apiKey()),
                Arguments.of("client id", (UnaryOperator<IntegrationForms>) f -> f.clientId("wf-456").clientSecret(null)),
                Arguments.of("base origin", (UnaryOperator<IntegrationForms>) f -> f.baseApiUrl("https://api.acme.example/v1")),
                Arguments.of("auth origin", (UnaryOperator<IntegrationForms>) f -> f.authenticationUrl("https://login.acme.example/authorize")),
                Arguments.of("token origin", (UnaryOperator<IntegrationForms>) f -> f.tokenEndpointUrl("https://dms.acme.example:8443/oauth/token")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changesThatDropConnections")
    void dropsConnectionsWhenAuthTypeClientIdOrAnOriginChanges(String change, UnaryOperator<IntegrationForms> edit) {
        Integration current = seed(IntegrationForms.oauth2());

        Integration replaced = succeeded(service.replace(Callers.admin(ACME), put(current,
                edit.apply(IntegrationForms.oauth2()))));

        assertEquals(2, replaced.version());
        assertEquals(1, store.connectionDropsOf(ACME, current.id()));
    }

    static Stream<Arguments> changesThatKeepConnections() {
        return Stream.of(
                Arguments.of("name", (UnaryOperator<IntegrationForms>) f -> f.name("New name").clientSecret(null)),
                Arguments.of("paths", (UnaryOperator<IntegrationForms>) f -> f.clientSecret(null)
                        .baseApiUrl("https://dms.acme.example/v3").tokenEndpointUrl("https://DMS.acme.example/token2")),
                Arguments.of("client secret", (UnaryOperator<IntegrationForms>) f -> f.clientSecret("rotated-secret")),
                Arguments.of("request parameters", (UnaryOperator<IntegrationForms>) f -> f.requestParameters("x=1")
                        .clientSecret(null)),
                Arguments.of("status", (UnaryOperator<IntegrationForms>) f -> f.status("DISABLED").clientSecret(null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changesThatKeepConnections")
    void keepsConnectionsOtherwise(String change, UnaryOperator<IntegrationForms> edit) {
        Integration current = seed(IntegrationForms.oauth2());

        Integration replaced = succeeded(service.replace(Callers.admin(ACME), put(current,
                edit.apply(IntegrationForms.oauth2()))));

        assertEquals(2, replaced.version());
        assertEquals(0, store.connectionDropsOf(ACME, current.id()));
    }

    @Test
    void keepsConnectionsOfAnApiKeyIntegrationWhenItsKeyRotates() {
        Integration current = seed(IntegrationForms.apiKey());

        succeeded(service.replace(Callers.admin(ACME), put(current, IntegrationForms.apiKey().apiKey("rotated-0000"))));

        assertEquals(0, store.connectionDropsOf(ACME, current.id()));
    }

    @Test
    void keepsTheStoredSecretWhenItIsOmittedAndNoOriginMoves() {
        Integration current = seed(IntegrationForms.oauth2());

        Integration replaced = succeeded(service.replace(Callers.admin(ACME), put(current,
                IntegrationForms.oauth2().clientSecret(null).clientId("wf-999"))));

        assertEquals(IntegrationForms.CLIENT_SECRET,
                assertInstanceOf(OAuth2Strategy.class, replaced.settings().auth()).clientSecret().reveal());
    }

    @Test
    void demandsTheSecretAgainWhenAnOriginMovesAndChangesNothing() {
        Integration current = seed(IntegrationForms.oauth2());

        ValidationException failure = failed(service.replace(Callers.admin(ACME), put(current,
                IntegrationForms.oauth2().clientSecret(null).tokenEndpointUrl("https://attacker.example/token"))),
                ValidationException.class);

        assertEquals(List.of(FieldViolation.of("clientSecret", Rule.SECRET_REQUIRED_AGAIN)), failure.violations());
        assertEquals(current, stored(current));
        assertEquals(0, store.connectionDropsOf(ACME, current.id()));
    }

    @Test
    void demandsTheKeyWhenTheAuthTypeChanges() {
        Integration current = seed(IntegrationForms.oauth2());

        ValidationException failure = failed(service.replace(Callers.admin(ACME), put(current,
                IntegrationForms.apiKey().apiKey(null))), ValidationException.class);

        assertEquals(List.of(FieldViolation.of("apiKey", Rule.SECRET_REQUIRED_AGAIN)), failure.violations());
        Integration switched = succeeded(service.replace(Callers.admin(ACME), put(current, IntegrationForms.apiKey())));
        assertInstanceOf(ApiKeyStrategy.class, switched.settings().auth());
    }

    @Test
    void refusesANameTakenByAnotherIntegrationOfTheTenant() {
        Seeds.stored(store, ACME, IntegrationForms.apiKey().name("Other"), START);
        Integration current = seed(IntegrationForms.apiKey());

        failed(service.replace(Callers.admin(ACME), put(current, IntegrationForms.apiKey().name("  OTHER "))),
                NameTakenException.class);
        assertEquals(current, stored(current));
    }

    @Test
    void letsAnIntegrationChangeTheCaseOfItsOwnName() {
        Integration current = seed(IntegrationForms.apiKey().name("Acme DMS"));
        Seeds.stored(store, GLOBEX, IntegrationForms.apiKey().name("ACME DMS"), START);

        Integration replaced = succeeded(service.replace(Callers.admin(ACME), put(current,
                IntegrationForms.apiKey().name("ACME DMS"))));

        assertEquals("ACME DMS", replaced.name().value());
        assertEquals(2, replaced.version());
    }

    /** A load port that lets another admin rename the integration right after each of the first {@code races} loads. */
    private final class RacingRename implements LoadIntegrationPort {
        private final int races;
        private int loads;

        RacingRename(int races) {
            this.races = races;
        }

        @Override
        public Future<Optional<Integration>> load(TenantId tenant, IntegrationId id) {
            Future<Optional<Integration>> seen = store.load(tenant, id);
            loads++;
            if (loads <= races) {
                Integration current = seen.result().orElseThrow();
                IntegrationSettings renamed = IntegrationSettings.from(IntegrationForms.apiKey()
                        .name("Racer " + loads).build(), UrlPolicy.HTTPS_ONLY, current, List.of());
                Futures.succeeded(store.update(current.replacedBy(renamed, clock.instant()), current.version(), false));
            }
            return seen;
        }
    }

    @Test
    void answersPreconditionFailedWhenAnotherWriterGetsInBetweenAnExactIfMatch() {
        Integration current = seed(IntegrationForms.apiKey());
        RacingRename racer = new RacingRename(1);

        failed(serviceLoadingThrough(racer).replace(Callers.admin(ACME),
                put(current, IfMatch.version(1), IntegrationForms.apiKey().name("Mine"))), PreconditionFailedException.class);

        assertEquals("Racer 1", stored(current).name().value());
        assertEquals(1, racer.loads);
    }

    @Test
    void redoesTheWriteOnTheFreshVersionWithoutAnExactIfMatch() {
        Integration current = seed(IntegrationForms.apiKey());
        RacingRename racer = new RacingRename(2);

        Integration replaced = succeeded(serviceLoadingThrough(racer).replace(Callers.admin(ACME),
                put(current, IfMatch.ANY, IntegrationForms.apiKey().name("Mine").apiKey(null))));

        assertEquals("Mine", replaced.name().value());
        assertEquals(4, replaced.version());
        assertEquals(replaced, stored(current));
        assertEquals(3, racer.loads);
    }

    @Test
    void givesUpAfterABoundedNumberOfAttempts() {
        Integration current = seed(IntegrationForms.apiKey());
        RacingRename racer = new RacingRename(Integer.MAX_VALUE);

        failed(serviceLoadingThrough(racer).replace(Callers.admin(ACME),
                put(current, IfMatch.ANY, IntegrationForms.apiKey().name("Mine"))), PreconditionFailedException.class);

        assertEquals(ConflictRetry.MAX_ATTEMPTS, racer.loads);
    }
}
