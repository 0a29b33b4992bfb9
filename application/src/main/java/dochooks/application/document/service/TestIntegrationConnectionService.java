package dochooks.application.document.service;

import dochooks.application.Caller;
import dochooks.application.connection.port.out.ConnectionToken;
import dochooks.application.connection.port.out.UserAccessTokenPort;
import dochooks.application.document.port.in.CheckDetail;
import dochooks.application.document.port.in.CheckDetail.Kind;
import dochooks.application.document.port.in.ConnectionTestReport;
import dochooks.application.document.port.in.ConnectionTestReport.Check;
import dochooks.application.document.port.in.TestIntegrationConnectionUseCase;
import dochooks.application.document.port.out.DocumentProviderPort;
import dochooks.application.document.port.out.EndpointProbePort;
import dochooks.application.document.port.out.Page;
import dochooks.application.document.port.out.ProviderCall;
import dochooks.application.error.ForbiddenException;
import dochooks.application.error.IntegrationNotFoundException;
import dochooks.application.error.ProviderNotFoundException;
import dochooks.application.integration.port.out.LoadIntegrationPort;
import dochooks.domain.document.Item;
import dochooks.domain.document.ProviderItemId;
import dochooks.domain.document.ServiceInfo;
import dochooks.domain.integration.Integration;
import dochooks.domain.integration.OAuth2Strategy;
import dochooks.domain.integration.ProviderUrl;
import dochooks.domain.integration.Secret;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * {@link TestIntegrationConnectionUseCase}: the steps run one after the other, each timed, each provider
 * failure kept as a failed check. Only reads: OAuth2 calls use the admin's stored token as it is (a refused
 * one is reported, never refreshed, since a refresh is a grant), and the OAuth2 endpoints only get a plain GET.
 */
public final class TestIntegrationConnectionService implements TestIntegrationConnectionUseCase {
    /** A successful JSON answer: the port does not say which 2xx it was, and providers answer 200. */
    private static final int SUCCESS_STATUS = 200;

    private final LoadIntegrationPort load;
    private final DocumentProviderPort provider;
    private final UserAccessTokenPort tokens;
    private final EndpointProbePort probe;
    private final LongSupplier nanoTime;

    /** @param nanoTime a monotonic clock in nanoseconds ({@code System::nanoTime}), to time each step */
    public TestIntegrationConnectionService(LoadIntegrationPort load, DocumentProviderPort provider,
            UserAccessTokenPort tokens, EndpointProbePort probe, LongSupplier nanoTime) {
        this.load = load;
        this.provider = provider;
        this.tokens = tokens;
        this.probe = probe;
        this.nanoTime = nanoTime;
    }

    @Override
    public Future<ConnectionTestReport> test(Caller caller, TestIntegrationConnectionCommand command) {
        if (!caller.isAdmin()) {
            return Future.failedFuture(new ForbiddenException("only company administrators may test an integration"));
        }
        // a disabled integration is tested too: admins test before they enable
        return load.load(caller.tenant(), command.integrationId())
                .compose(found -> found.map(Future::succeededFuture).orElseGet(() -> Future.failedFuture(
                        new IntegrationNotFoundException("no integration " + command.integrationId()))))
                .compose(integration -> new Run(caller, integration).test());
    }

    /** A step's outcome: its value or the provider's failure, and how long it took. */
    private record Timed<T>(T value, Throwable failure, long millis) {
        boolean failed() {
            return failure != null;
        }
    }

    /** Runs {@code step}; a provider failure becomes an outcome, any other failure (ours) fails the test. */
    private <T> Future<Timed<T>> timed(Supplier<Future<T>> step) {
        long start = nanoTime.getAsLong();
        Future<T> running;
        try {
            running = step.get();
        } catch (RuntimeException e) {
            running = Future.failedFuture(e);
        }
        return running
                .map(result -> new Timed<T>(result, null, millisSince(start)))
                .recover(failure -> CheckDetails.isProviderFailure(failure)
                        ? Future.succeededFuture(new Timed<>(null, failure, millisSince(start)))
                        : Future.failedFuture(failure));
    }

    private long millisSince(long start) {
        return Math.max(0, TimeUnit.NANOSECONDS.toMillis(nanoTime.getAsLong() - start));
    }

    /** One test of one integration, collecting its checks. */
    private final class Run {
        private final Caller caller;
        private final Integration integration;
        private final List<Check> checks = new ArrayList<>();

        Run(Caller caller, Integration integration) {
            this.caller = caller;
            this.integration = integration;
        }

        Future<ConnectionTestReport> test() {
            Future<Void> steps = integration.settings().auth() instanceof OAuth2Strategy oauth2
                    ? oauth2Steps(oauth2)
                    : apiKeySteps();
            return steps.map(done -> new ConnectionTestReport(checks));
        }

        private Future<Void> apiKeySteps() {
            return serviceInfo()
                    .compose(done -> filesAndMetadata(ProviderCall.apiKey(integration, caller.username())));
        }

        private Future<Void> oauth2Steps(OAuth2Strategy oauth2) {
            return serviceInfo()
                    .compose(done -> reachable(Check.AUTHENTICATION_URL, oauth2.authenticationUrl()))
                    .compose(done -> reachable(Check.TOKEN_ENDPOINT_URL, oauth2.tokenEndpointUrl()))
                    .compose(done -> timed(() -> tokens.currentToken(caller, integration)))
                    .compose(lookup -> lookup.value() instanceof ConnectionToken.Connected connected
                            ? filesAndMetadata(ProviderAccess.bearer(integration, connected.token()))
                            : noConnection(lookup));
        }

        private Future<Void> serviceInfo() {
            ProviderCall anonymous = ProviderCall.anonymous(integration);
            return timed(() -> provider.serviceInfo(anonymous)).map(outcome -> {
                if (!outcome.failed()) {
                    add(Check.SERVICE_INFO, true, SUCCESS_STATUS, outcome, versionOf(outcome.value(), anonymous));
                } else if (outcome.failure() instanceof ProviderNotFoundException) {
                    add(Check.SERVICE_INFO, true, 404, outcome, CheckDetail.of(Kind.NO_SERVICE_INFO));
                } else {
                    addFailure(Check.SERVICE_INFO, outcome, anonymous.secretsToMask());
                }
                return null;
            });
        }

        private Future<Void> reachable(String name, ProviderUrl url) {
            return timed(() -> probe.probe(url)).map(outcome -> {
                if (outcome.failed()) {
                    addFailure(name, outcome, List.of(integration.settings().auth().secret()));
                } else {
                    add(name, true, outcome.value(), outcome, CheckDetail.of(Kind.REACHABLE, outcome.value()));
                }
                return null;
            });
        }

        private Future<Void> filesAndMetadata(ProviderCall call) {
            return timed(() -> provider.files(call, ProviderItemId.ROOT, Page.ALL)).compose(listing -> {
                if (listing.failed()) {
                    addFailure(Check.FILES, listing, call.secretsToMask());
                    return Future.succeededFuture();
                }
                add(Check.FILES, true, SUCCESS_STATUS, listing, count(listing.value()));
                Optional<Item> firstFile = listing.value().stream().filter(Item::isFile).findFirst();
                if (firstFile.isEmpty()) {
                    checks.add(new Check(Check.METADATA, true, null, 0, CheckDetail.of(Kind.NO_FILE_IN_ROOT)));
                    return Future.succeededFuture();
                }
                return timed(() -> provider.metadata(call, firstFile.get().id())).map(metadata -> {
                    if (metadata.failed()) {
                        addFailure(Check.METADATA, metadata, call.secretsToMask());
                    } else {
                        add(Check.METADATA, true, SUCCESS_STATUS, metadata, CheckDetail.of(Kind.FIRST_FILE_READ));
                    }
                    return null;
                });
            });
        }

        private Future<Void> noConnection(Timed<ConnectionToken> lookup) {
            CheckDetail detail = CheckDetail.of(lookup.value() instanceof ConnectionToken.ReauthorizationRequired
                    ? Kind.REAUTHORIZATION_REQUIRED : Kind.NOT_CONNECTED);
            add(Check.CONNECTION, false, null, lookup, detail);
            return Future.succeededFuture();
        }

        private void add(String name, boolean ok, Integer status, Timed<?> outcome, CheckDetail detail) {
            checks.add(new Check(name, ok, status, outcome.millis(), detail));
        }

        private void addFailure(String name, Timed<?> outcome, List<Secret> secrets) {
            add(name, false, CheckDetails.statusOf(outcome.failure()), outcome,
                    CheckDetails.describe(outcome.failure(), secrets));
        }
    }

    private static CheckDetail versionOf(ServiceInfo info, ProviderCall call) {
        return info.webhookVersion() == null
                ? CheckDetail.of(Kind.NO_WEBHOOK_VERSION)
                : CheckDetail.of(Kind.WEBHOOK_VERSION, CheckDetails.safeText(info.webhookVersion(), call.secretsToMask()));
    }

    private static CheckDetail count(List<Item> items) {
        return items.size() == 1 ? CheckDetail.of(Kind.ONE_ITEM_IN_ROOT) : CheckDetail.of(Kind.ITEMS_IN_ROOT, items.size());
    }
}
