package dochooks.adapters.provider.observation;

import dochooks.application.connection.port.out.AuthorizationCode;
import dochooks.application.connection.port.out.TokenEndpointPort;
import dochooks.application.connection.port.out.TokenGrant;
import dochooks.domain.integration.Integration;
import dochooks.domain.integration.Secret;
import io.vertx.core.Future;
import java.util.Objects;

/**
 * The OAuth2 token endpoint with each redemption and refresh logged and observed: outcome {@code ok} when
 * tokens were issued, {@code refused} when the endpoint refused the grant, else the failure's label.
 */
public final class ObservedTokenEndpoint implements TokenEndpointPort {
    private final TokenEndpointPort delegate;
    private final CallRecorder recorder;

    public ObservedTokenEndpoint(TokenEndpointPort delegate, ProviderCallObserver observer) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.recorder = new CallRecorder(observer);
    }

    @Override
    public Future<TokenGrant> redeem(Integration integration, AuthorizationCode code) {
        return recorder.record(integration.id(), ObservedProviderCall.TOKEN_REDEEM,
                () -> delegate.redeem(integration, code), ObservedTokenEndpoint::outcome);
    }

    @Override
    public Future<TokenGrant> refresh(Integration integration, Secret refreshToken) {
        return recorder.record(integration.id(), ObservedProviderCall.TOKEN_REFRESH,
                () -> delegate.refresh(integration, refreshToken), ObservedTokenEndpoint::outcome);
    }

    private static String outcome(TokenGrant grant) {
        return grant instanceof TokenGrant.Refused ? CallOutcome.REFUSED : CallOutcome.OK;
    }
}
