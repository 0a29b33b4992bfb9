package dochooks.application.connection.service;

import dochooks.application.Caller;
import dochooks.application.connection.port.in.StartConnectionUseCase;
import dochooks.application.connection.port.out.ConnectionKey;
import dochooks.application.connection.port.out.PendingAuthorization;
import dochooks.application.connection.port.out.PendingAuthorizationPort;
import dochooks.application.connection.port.out.Sha256Digest;
import dochooks.application.integration.port.out.LoadIntegrationPort;
import dochooks.domain.integration.Integration;
import dochooks.domain.integration.OAuth2Strategy;
import dochooks.domain.integration.RedirectUri;
import dochooks.domain.integration.Secret;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** {@link StartConnectionUseCase}: a fresh state and PKCE verifier per start; only the state's digest is stored. */
public final class StartConnectionService implements StartConnectionUseCase {
    private final LoadIntegrationPort load;
    private final PendingAuthorizationPort pending;
    private final RedirectUri redirectUri;
    private final Clock clock;

    public StartConnectionService(LoadIntegrationPort load, PendingAuthorizationPort pending, RedirectUri redirectUri,
            Clock clock) {
        this.load = load;
        this.pending = pending;
        this.redirectUri = redirectUri;
        this.clock = clock;
    }

    @Override
    public Future<AuthorizationRedirect> start(Caller caller, StartConnectionCommand command) {
        return ConnectionAccess.loadUsable(load, caller, command.integrationId())
                .compose(integration -> ConnectionAccess.oauth2Of(integration)
                        .compose(oauth2 -> start(caller, integration, oauth2)));
    }

    private Future<AuthorizationRedirect> start(Caller caller, Integration integration, OAuth2Strategy oauth2) {
        String state = OneTimeValues.random();
        String verifier = OneTimeValues.random();
        Instant now = clock.instant();
        PendingAuthorization authorization = new PendingAuthorization(UUID.randomUUID(),
                ConnectionKey.of(caller, integration), Secret.of(verifier), now.plus(ConnectionLifetimes.STATE), null);
        String url = AuthorizationUrl.build(oauth2, integration.settings().requestParameters(), redirectUri, state,
                OneTimeValues.s256Challenge(verifier));
        return pending.save(authorization, Sha256Digest.of(state), now).map(saved -> new AuthorizationRedirect(url));
    }
}
