package dochooks.application.document.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dochooks.application.document.port.in.ConnectionTestReport;
import dochooks.application.document.port.in.ConnectionTestReport.Check;
import dochooks.application.document.port.in.TestIntegrationConnectionUseCase.TestIntegrationConnectionCommand;
import dochooks.application.document.port.out.Page;
import dochooks.application.document.testing.DocumentWorld;
import dochooks.application.document.testing.FakeDocumentProvider;
import dochooks.application.document.testing.Items;
import dochooks.application.error.ForbiddenException;
import dochooks.application.error.IntegrationNotFoundException;
import dochooks.application.error.ProviderAddressBlockedException;
import dochooks.application.error.ProviderBadResponseException;
import dochooks.application.error.ProviderErrorException;
import dochooks.application.error.ProviderForbiddenException;
import dochooks.application.error.ProviderNotFoundException;
import dochooks.application.error.ProviderTimeoutException;
import dochooks.application.error.ProviderUnreachableException;
import dochooks.application.error.ProviderBusyException;
import dochooks.application.error.ProviderCircuitOpenException;
import dochooks.application.testing.Futures;
import dochooks.application.testing.IntegrationForms;
import dochooks.domain.document.Item;
import dochooks.domain.document.ProviderEndpoint;
import dochooks.domain.document.ProviderItemId;
import dochooks.domain.document.ServiceInfo;
import dochooks.domain.integration.Integration;
import io.vertx.core.Future;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestIntegrationConnectionServiceTest {
    private static final String AUTHENTICATION_URL = "https://dms.acme.example/oauth/authorize";
    private static final String TOKEN_ENDPOINT_URL = "https://dms.acme.example/oauth/token";
    private static final List<Item> ROOT = List.of(
            Items.folder("folder-1", "Archive"), Items.file("doc-1", "a.txt"), Items.file("doc-2", "b.txt"));

    private final DocumentWorld world = new DocumentWorld();

    private ConnectionTestReport test(Integration integration) {
        return Futures.succeeded(world.connectionTest.test(world.admin,
                new TestIntegrationConnectionCommand(integration.id())));
    }

    private static Check check(ConnectionTestReport report, String name) {
        return report.checks().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + name + " in " + report));
    }

    /** A check as an admin reading English sees it. */
    private record EnglishCheck(String name, boolean ok, Integer status, long millis, String detail) {
    }

    private static EnglishCheck inEnglish(Check check) {
        return new EnglishCheck(check.name(), check.ok(), check.status(), check.millis(), check.detail().english());
    }

    private static List<EnglishCheck> inEnglish(ConnectionTestReport report) {
        return report.checks().stream().map(TestIntegrationConnectionServiceTest::inEnglish).toList();
    }

    private static List<String> names(ConnectionTestReport report) {
        return report.checks().stream().map(Check::name).toList();
    }

    /** The provider takes {@code millis} to answer {@code value} at {@code endpoint}. */
    private void answerAfter(ProviderEndpoint endpoint, long millis, Object value) {
        world.provider.answer(endpoint, call -> {
            world.ticker.advanceMillis(millis);
            return Future.succeededFuture(value);
        });
    }

    private void failAfter(ProviderEndpoint endpoint, long millis, Throwable failure) {
        world.provider.answer(endpoint, call -> {
            world.ticker.advanceMillis(millis);
            return Future.failedFuture(failure);
        });
    }

    @Test
    void onlyAdminsMayTest() {
        Integration integration = world.apiKey();
        Futures.failed(world.connectionTest.test(world.user, new TestIntegrationConnectionCommand(integration.id())),
                ForbiddenException.class);
        assertTrue(world.provider.calls().isEmpty());
    }

    @Test
    void anUnknownOrForeignIntegrationIsNotFound() {
        Integration theirs = world.stored(DocumentWorld.GLOBEX, IntegrationForms.apiKey());
        Futures.failed(world.connectionTest.test(world.admin, new TestIntegrationConnectionCommand(theirs.id())),
                IntegrationNotFoundException.class);
        assertTrue(world.provider.calls().isEmpty());
    }

    @Test
    void anApiKeyProviderThatAnswersEverythingPassesWithTimesAndDetails() {
        Integration integration = world.apiKey();
        answerAfter(ProviderEndpoint.SERVICE_INFO, 12, new ServiceInfo("1.2", null, null, null, null));
        answerAfter(ProviderEndpoint.FILES, 31, ROOT);
        answerAfter(ProviderEndpoint.METADATA, 9, Items.file("doc-1", "a.txt"));

        ConnectionTestReport report = test(integration);

        assertTrue(report.ok());
        assertEquals(List.of(
                new EnglishCheck("serviceInfo", true, 200, 12, "webhookVersion 1.2"),
                new EnglishCheck("files", true, 200, 31, "3 items in /"),
                new EnglishCheck("metadata", true, 200, 9, "read the first file listed in /")), inEnglish(report));
    }

    @Test
    void anApiKeyTestCallsServiceInfoAnonymouslyThenListsTheRootAndReadsTheFirstFileWithTheAdminsName() {
        Integration integration = world.apiKey();
        world.provider.succeedWith(ProviderEndpoint.FILES, ROOT);

        test(integration);

        List<FakeDocumentProvider.Call> calls = world.provider.calls();
        assertEquals(List.of(ProviderEndpoint.SERVICE_INFO, ProviderEndpoint.FILES, ProviderEndpoint.METADATA),
                world.provider.endpointsCalled());
        assertTrue(calls.get(0).anonymous());
        assertEquals("admin.one", calls.get(1).apiKeyUsername());
        assertEquals(ProviderItemId.ROOT, calls.get(1).argument(0));
        assertEquals(Page.ALL, calls.get(1).argument(1));
        assertEquals(new ProviderItemId("doc-1"), calls.get(2).argument(0), "the first file, not the folder");
        assertEquals("admin.one", calls.get(2).apiKeyUsername());
    }

    @Test
    void aProviderWithoutServiceInfoStillPasses() {
        Integration integration = world.apiKey();
        world.provider.failWith(ProviderEndpoint.SERVICE_INFO, new ProviderNotFoundException("no such endpoint"));

        ConnectionTestReport report = test(integration);

        assertTrue(report.ok());
        Check serviceInfo = check(report, "serviceInfo");
        assertTrue(serviceInfo.ok());
        assertEquals(404, serviceInfo.status());
    }

    @Test
    void aFailingServiceInfoFailsItsCheckAndTheTestGoesOn() {
        Integration integration = world.apiKey();
        failAfter(ProviderEndpoint.SERVICE_INFO, 7, new ProviderErrorException(500, "database down"));

        ConnectionTestReport report = test(integration);

        assertFalse(report.ok());
        assertEquals(new EnglishCheck("serviceInfo", false, 500, 7, "provider answered 500: database down"),
                inEnglish(check(report, "serviceInfo")));
        assertTrue(check(report, "files").ok());
    }

    @Test
    void aServiceInfoWithoutVersionSaysSo() {
        Integration integration = world.apiKey();
        world.provider.succeedWith(ProviderEndpoint.SERVICE_INFO, new ServiceInfo(null, null, null, null, null));

        assertEquals("answered without a webhookVersion", check(test(integration), "serviceInfo").detail().english());
    }

    @Test
    void withoutAnyFileTheMetadataCheckIsSkippedAndPasses() {
        Integration integration = world.apiKey();
        world.provider.succeedWith(ProviderEndpoint.FILES, List.of(Items.folder("folder-1", "Archive")));

        ConnectionTestReport report = test(integration);

        assertTrue(report.ok());
        assertEquals("1 item in /", check(report, "files").detail().english());
        assertEquals(new EnglishCheck("metadata", true, null, 0, "skipped: no file in /"),
                inEnglish(check(report, "metadata")));
        assertTrue(world.provider.calls(ProviderEndpoint.METADATA).isEmpty());
    }

    @Test
    void aFailingMetadataFailsTheReport() {
        Integration integration = world.apiKey();
        world.provider.succeedWith(ProviderEndpoint.FILES, ROOT);
        failAfter(ProviderEndpoint.METADATA, 9, new ProviderErrorException(500, null));

        ConnectionTestReport report = test(integration);

        assertFalse(report.ok());
        assertEquals(new EnglishCheck("metadata", false, 500, 9, "provider answered 500"),
                inEnglish(check(report, "metadata")));
    }

    @Test
    void aFailingListingEndsTheTestWithoutMetadata() {
        Integration integration = world.apiKey();
        failAfter(ProviderEndpoint.FILES, 30_000, new ProviderTimeoutException("no answer"));

        ConnectionTestReport report = test(integration);

        assertFalse(report.ok());
        assertEquals(List.of("serviceInfo", "files"), names(report));
        assertEquals(new EnglishCheck("files", false, null, 30_000, "no answer in time"),
                inEnglish(check(report, "files")));
        assertTrue(world.provider.calls(ProviderEndpoint.METADATA).isEmpty());
    }

    @Test
    void eachKindOfProviderFailureGetsItsStatusAndWords() {
        assertFailureReported(new ProviderForbiddenException(401), 401, "provider answered 401: credentials refused");
        assertFailureReported(new ProviderNotFoundException("gone"), 404, "provider answered 404: not found");
        assertFailureReported(new ProviderBadResponseException(200, "not JSON"), 200,
                "provider answered 200 with an unusable body");
        assertFailureReported(new ProviderBadResponseException(null, "cut off"), null, "provider answer unusable");
        assertFailureReported(new ProviderUnreachableException("refused"), null,
                "unreachable (name, connection or TLS failure)");
        assertFailureReported(new ProviderAddressBlockedException("10.0.0.1"), null,
                "address not allowed by the egress policy");
        assertFailureReported(new ProviderBusyException(1), null,
                "too many calls in flight to this integration; not called");
        assertFailureReported(new ProviderCircuitOpenException(30), null,
                "provider failing repeatedly (circuit open); not called");
    }

    private void assertFailureReported(Throwable failure, Integer status, String detail) {
        DocumentWorld fresh = new DocumentWorld();
        Integration integration = fresh.apiKey();
        fresh.provider.failWith(ProviderEndpoint.FILES, failure);

        Check files = Futures.succeeded(fresh.connectionTest.test(fresh.admin,
                new TestIntegrationConnectionCommand(integration.id()))).checks().get(1);

        assertEquals(new EnglishCheck("files", false, status, 0, detail), inEnglish(files));
    }

    @Test
    void providerTextIsMaskedStrippedAndCut() {
        Integration integration = world.apiKey();
        String text = "bad key " + IntegrationForms.API_KEY + "\r\n" + "x".repeat(400);
        world.provider.failWith(ProviderEndpoint.FILES, new ProviderErrorException(500, text));

        String detail = check(test(integration), "files").detail().english();

        assertFalse(detail.contains(IntegrationForms.API_KEY), detail);
        assertTrue(detail.startsWith("provider answered 500: bad key ****x"), detail);
        assertEquals("provider answered 500: ".length() + CheckDetails.MAX_PROVIDER_TEXT, detail.length());
    }

    @Test
    void aFailureThatIsNotTheProvidersFailsTheTestInsteadOfBeingReported() {
        Integration integration = world.apiKey();
        IllegalStateException bug = new IllegalStateException("bug");
        world.provider.failWith(ProviderEndpoint.FILES, bug);

        assertSame(bug, Futures.failed(world.connectionTest.test(world.admin,
                new TestIntegrationConnectionCommand(integration.id())), IllegalStateException.class));
    }

    @Test
    void aDisabledIntegrationCanBeTested() {
        Integration disabled = world.stored(DocumentWorld.ACME, IntegrationForms.apiKey().status("DISABLED"));

        assertTrue(test(disabled).ok());
    }

    @Test
    void anOAuth2TestProbesBothEndpointsThenUsesTheAdminsConnection() {
        Integration integration = world.oauth2();
        world.tokens.connect(world.admin, integration, "admin-token");
        world.tokens.connect(world.user, integration, "user-token");
        world.probe.answer(AUTHENTICATION_URL, () -> {
            world.ticker.advanceMillis(5);
            return Future.succeededFuture(200);
        });
        world.probe.answer(TOKEN_ENDPOINT_URL, () -> Future.succeededFuture(405));
        world.provider.succeedWith(ProviderEndpoint.FILES, ROOT);

        ConnectionTestReport report = test(integration);

        assertTrue(report.ok());
        assertEquals(List.of("serviceInfo", "authenticationUrl", "tokenEndpointUrl", "files", "metadata"),
                names(report));
        assertEquals(new EnglishCheck("authenticationUrl", true, 200, 5, "reachable, answered 200"),
                inEnglish(check(report, "authenticationUrl")));
        assertEquals(new EnglishCheck("tokenEndpointUrl", true, 405, 0, "reachable, answered 405"),
                inEnglish(check(report, "tokenEndpointUrl")));
        assertEquals(List.of(AUTHENTICATION_URL, TOKEN_ENDPOINT_URL), world.probe.probed());
        assertTrue(world.provider.calls(ProviderEndpoint.SERVICE_INFO).get(0).anonymous());
        FakeDocumentProvider.Call files = world.provider.calls(ProviderEndpoint.FILES).get(0);
        assertEquals("admin-token", files.bearerToken());
        assertTrue(files.call().secretsToMask().stream().anyMatch(s -> s.reveal().equals("refresh-of-admin-token")));
        assertEquals("admin-token", world.provider.calls(ProviderEndpoint.METADATA).get(0).bearerToken());
    }

    @Test
    void anOAuth2TestWithoutTheAdminsConnectionSaysSoAndListsNothing() {
        Integration integration = world.oauth2();
        world.tokens.connect(world.user, integration, "user-token");

        ConnectionTestReport report = test(integration);

        assertFalse(report.ok());
        assertEquals(List.of("serviceInfo", "authenticationUrl", "tokenEndpointUrl", "connection"), names(report));
        Check connection = check(report, "connection");
        assertFalse(connection.ok());
        assertNull(connection.status());
        assertTrue(connection.detail().english().startsWith("you have no connection"), connection.detail()::english);
        assertEquals(List.of(ProviderEndpoint.SERVICE_INFO), world.provider.endpointsCalled());
    }

    @Test
    void anOAuth2ConnectionNeedingReauthorizationIsAFailedConnectionCheck() {
        Integration integration = world.oauth2();
        world.tokens.requireReauthorization(world.admin, integration);

        Check connection = check(test(integration), "connection");

        assertFalse(connection.ok());
        assertTrue(connection.detail().english().contains("authorized again"), connection.detail()::english);
    }

    @Test
    void aRefusedTokenIsReportedAndNeverRefreshed() {
        Integration integration = world.oauth2();
        world.tokens.connect(world.admin, integration, "expired-token");
        world.tokens.refreshIssues("new-token");
        world.provider.failWith(ProviderEndpoint.FILES, new ProviderForbiddenException(403));

        ConnectionTestReport report = test(integration);

        assertEquals(new EnglishCheck("files", false, 403, 0, "provider answered 403: credentials refused"),
                inEnglish(check(report, "files")));
        assertTrue(world.tokens.refreshedFrom().isEmpty(), "a refresh is a grant: the test sends none");
        assertEquals(0, world.tokens.usableReads(), "the test reads the stored token, it never asks for a fresh one");
        assertEquals(1, world.provider.calls(ProviderEndpoint.FILES).size());
    }

    @Test
    void unreachableOAuth2EndpointsAreFailedChecksAndTheTestGoesOn() {
        Integration integration = world.oauth2();
        world.tokens.connect(world.admin, integration, "admin-token");
        world.probe.answer(AUTHENTICATION_URL, () -> {
            world.ticker.advanceMillis(30_000);
            return Future.failedFuture(new ProviderTimeoutException("silence"));
        });
        world.probe.answer(TOKEN_ENDPOINT_URL,
                () -> Future.failedFuture(new ProviderAddressBlockedException("127.0.0.1 is loopback")));

        ConnectionTestReport report = test(integration);

        assertFalse(report.ok());
        assertEquals(new EnglishCheck("authenticationUrl", false, null, 30_000, "no answer in time"),
                inEnglish(check(report, "authenticationUrl")));
        assertEquals(new EnglishCheck("tokenEndpointUrl", false, null, 0, "address not allowed by the egress policy"),
                inEnglish(check(report, "tokenEndpointUrl")));
        assertTrue(check(report, "files").ok());
    }
}
