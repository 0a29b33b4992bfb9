package dochooks.application.document.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dochooks.application.document.port.in.GetItemMetadataUseCase.ItemMetadataQuery;
import dochooks.application.document.testing.DocumentWorld;
import dochooks.application.document.testing.FakeDocumentProvider;
import dochooks.application.document.testing.Items;
import dochooks.application.error.ConnectionRequiredException;
import dochooks.application.error.ProviderErrorException;
import dochooks.application.error.ProviderForbiddenException;
import dochooks.application.error.ProviderUnreachableException;
import dochooks.application.error.ReauthorizationRequiredException;
import dochooks.application.testing.Futures;
import dochooks.domain.document.Item;
import dochooks.domain.document.ProviderEndpoint;
import dochooks.domain.integration.Integration;
import dochooks.domain.integration.Secret;
import io.vertx.core.Future;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * api.md section 5, "401 or 403 on an OAuth2 integration", branch by branch, on {@code metadata} (every other
 * operation goes through the same rule, see {@link DocumentOperationsServiceTest}).
 */
class OAuth2RetryRuleServiceTest {
    private static final Item DOCUMENT = Items.file("doc-1", "report.pdf");

    private final DocumentWorld world = new DocumentWorld();
    private final Integration integration = world.oauth2();

    private Future<Item> readMetadata() {
        return world.metadata.metadata(world.user, new ItemMetadataQuery(integration.id(), "doc-1"));
    }

    private List<String> tokensSent() {
        return world.provider.calls(ProviderEndpoint.METADATA).stream()
                .map(FakeDocumentProvider.Call::bearerToken).toList();
    }

    /** The provider refuses {@code refused} with {@code status} and accepts any other token. */
    private void providerRefuses(String refused, int status) {
        world.provider.answer(ProviderEndpoint.METADATA, call -> refused.equals(call.bearerToken())
                ? Future.failedFuture(new ProviderForbiddenException(status))
                : Future.succeededFuture(DOCUMENT));
    }

    @Test
    void aRefusedTokenThatIsStillStoredIsRefreshedOnceAndTheCallRetriedWithTheNewOne() {
        world.tokens.connect(world.user, integration, "old-token");
        world.tokens.refreshIssues("new-token");
        providerRefuses("old-token", 403);

        assertEquals(DOCUMENT, Futures.succeeded(readMetadata()));
        assertEquals(List.of("old-token", "new-token"), tokensSent());
        assertEquals(List.of("old-token"), world.tokens.refreshedFrom());
    }

    @Test
    void a401IsReadAsA403() {
        world.tokens.connect(world.user, integration, "old-token");
        world.tokens.refreshIssues("new-token");
        providerRefuses("old-token", 401);

        assertEquals(DOCUMENT, Futures.succeeded(readMetadata()));
        assertEquals(List.of("old-token"), world.tokens.refreshedFrom());
    }

    @Test
    void whenAnotherRequestAlreadyReplacedTheTokenTheCallIsRetriedWithTheStoredOneWithoutRefreshing() {
        world.tokens.connect(world.user, integration, "old-token");
        world.provider.answer(ProviderEndpoint.METADATA, call -> {
            if ("old-token".equals(call.bearerToken())) {
                // a concurrent request refreshed while this call was on its way
                world.tokens.store(world.user, integration, "fresh-token");
                return Future.failedFuture(new ProviderForbiddenException(403));
            }
            return Future.succeededFuture(DOCUMENT);
        });

        assertEquals(DOCUMENT, Futures.succeeded(readMetadata()));
        assertEquals(List.of("old-token", "fresh-token"), tokensSent());
        assertTrue(world.tokens.refreshedFrom().isEmpty());
    }

    @Test
    void aRefusedRefreshMeansReauthorizationAndNoRetry() {
        world.tokens.connect(world.user, integration, "old-token");
        world.tokens.refreshRefused();
        providerRefuses("old-token", 403);

        Futures.failed(readMetadata(), ReauthorizationRequiredException.class);
        assertEquals(List.of("old-token"), tokensSent());

        // the connection stays unusable: the next call fails before reaching the provider
        Futures.failed(readMetadata(), ReauthorizationRequiredException.class);
        assertEquals(1, tokensSent().size());
    }

    @Test
    void aSecondRefusalIsFinal() {
        world.tokens.connect(world.user, integration, "old-token");
        world.tokens.refreshIssues("new-token");
        world.provider.answer(ProviderEndpoint.METADATA, call -> Future.failedFuture(
                new ProviderForbiddenException("old-token".equals(call.bearerToken()) ? 401 : 403)));

        ProviderForbiddenException refused = Futures.failed(readMetadata(), ProviderForbiddenException.class);
        assertEquals(403, refused.providerStatus(), "the retry's refusal is the answer");
        assertEquals(List.of("old-token", "new-token"), tokensSent());
        assertEquals(1, world.tokens.refreshedFrom().size());
    }

    @Test
    void aSecondRefusalAfterRetryingWithAConcurrentlyRefreshedTokenIsFinalToo() {
        world.tokens.connect(world.user, integration, "old-token");
        world.provider.answer(ProviderEndpoint.METADATA, call -> {
            world.tokens.store(world.user, integration, "fresh-token");
            return Future.failedFuture(new ProviderForbiddenException(403));
        });

        Futures.failed(readMetadata(), ProviderForbiddenException.class);
        assertEquals(List.of("old-token", "fresh-token"), tokensSent());
        assertTrue(world.tokens.refreshedFrom().isEmpty());
    }

    @Test
    void otherProviderFailuresAreNotRetried() {
        world.tokens.connect(world.user, integration, "old-token");
        world.provider.failWith(ProviderEndpoint.METADATA, new ProviderErrorException(500, "boom"));

        Futures.failed(readMetadata(), ProviderErrorException.class);
        assertEquals(1, tokensSent().size());
        assertTrue(world.tokens.refreshedFrom().isEmpty());
    }

    @Test
    void aConnectionDeletedMeanwhileNeedsConnectingAgain() {
        world.tokens.connect(world.user, integration, "old-token");
        world.provider.answer(ProviderEndpoint.METADATA, call -> {
            world.tokens.disconnect(world.user, integration);
            return Future.failedFuture(new ProviderForbiddenException(403));
        });

        Futures.failed(readMetadata(), ConnectionRequiredException.class);
        assertEquals(1, tokensSent().size());
    }

    @Test
    void anUnreachableTokenEndpointFailsTheCallAndKeepsTheConnection() {
        world.tokens.connect(world.user, integration, "old-token");
        world.tokens.refreshFails(new ProviderUnreachableException("token endpoint refused the connection"));
        providerRefuses("old-token", 403);

        Futures.failed(readMetadata(), ProviderUnreachableException.class);
        assertEquals(1, tokensSent().size());

        world.tokens.refreshIssues("new-token");
        assertEquals(DOCUMENT, Futures.succeeded(readMetadata()), "the connection was left usable");
    }

    @Test
    void theRetryMasksTheRefreshTokenToo() {
        world.tokens.connect(world.user, integration, "old-token");
        world.tokens.refreshIssues("new-token");
        providerRefuses("old-token", 403);

        Futures.succeeded(readMetadata());
        FakeDocumentProvider.Call retry = world.provider.calls(ProviderEndpoint.METADATA).get(1);
        List<String> masked = retry.call().secretsToMask().stream().map(Secret::reveal).toList();
        assertTrue(masked.containsAll(List.of("new-token", "refresh-of-old-token")), masked::toString);
    }
}
