package dochooks.adapters.provider.observation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dochooks.adapters.provider.testing.TestIntegrations;
import dochooks.application.connection.port.out.AuthorizationCode;
import dochooks.application.connection.port.out.TokenEndpointPort;
import dochooks.application.connection.port.out.TokenGrant;
import dochooks.application.error.ProviderTimeoutException;
import dochooks.domain.integration.Integration;
import dochooks.domain.integration.Secret;
import io.vertx.core.Future;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** What the observer is told of token calls: their kind and outcome, whatever the endpoint answered. */
class ObservedTokenEndpointTest {
    private final List<ObservedProviderCall> observed = new CopyOnWriteArrayList<>();

    /** A token endpoint that answers what it is given, at once. */
    private static TokenEndpointPort answering(Supplier<Future<TokenGrant>> answer) {
        return new TokenEndpointPort() {
            @Override
            public Future<TokenGrant> redeem(Integration integration, AuthorizationCode code) {
                return answer.get();
            }

            @Override
            public Future<TokenGrant> refresh(Integration integration, Secret refreshToken) {
                return answer.get();
            }
        };
    }

    @Test
    void aRefusedRefreshIsObservedAsRefusedAndPassedOn() {
        TokenGrant refused = new TokenGrant.Refused(400, "invalid_grant", "expired");
        ObservedTokenEndpoint endpoint = new ObservedTokenEndpoint(answering(() -> Future.succeededFuture(refused)),
                observed::add);

        Future<TokenGrant> grant = endpoint.refresh(TestIntegrations.oauth2("https://provider.test"), Secret.of("refresh-1"));

        assertSame(refused, grant.result());
        assertEquals(1, observed.size());
        assertEquals(ObservedProviderCall.TOKEN_REFRESH, observed.get(0).endpoint());
        assertEquals(CallOutcome.REFUSED, observed.get(0).outcome());
    }

    @Test
    void aTimedOutRedemptionIsObservedAsTimeoutAndFailsAsBefore() {
        ObservedTokenEndpoint endpoint = new ObservedTokenEndpoint(answering(
                () -> Future.failedFuture(new ProviderTimeoutException("no answer"))), observed::add);

        Future<TokenGrant> grant = endpoint.redeem(TestIntegrations.oauth2("https://provider.test"), null);

        assertTrue(grant.cause() instanceof ProviderTimeoutException);
        assertEquals(ObservedProviderCall.TOKEN_REDEEM, observed.get(0).endpoint());
        assertEquals("timeout", observed.get(0).outcome());
    }
}
