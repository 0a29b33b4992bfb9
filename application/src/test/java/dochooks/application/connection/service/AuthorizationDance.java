package dochooks.application.connection.service;

import dochooks.application.Caller;
import dochooks.application.connection.port.in.CompleteAuthorizationUseCase.AuthorizationCallback;
import dochooks.application.connection.port.in.CompleteAuthorizationUseCase.AuthorizedCallback;
import dochooks.application.connection.port.in.StartConnectionUseCase.StartConnectionCommand;
import dochooks.application.connection.testing.ConnectionWorld;
import dochooks.application.testing.Futures;
import dochooks.domain.integration.Integration;

/** The first steps of api.md section 4 for tests of the later ones. */
final class AuthorizationDance {
    private AuthorizationDance() {
    }

    /** Starts as {@code caller} and answers the state the authorization URL carries. */
    static String start(ConnectionWorld world, Caller caller, Integration integration) {
        String url = Futures.succeeded(world.start.start(caller, new StartConnectionCommand(integration.id())))
                .authorizationUrl();
        return StartConnectionServiceTest.query(url).get("state");
    }

    /** Starts as {@code caller}, then the provider calls back with {@code code}: answers the confirmation. */
    static String authorize(ConnectionWorld world, Caller caller, Integration integration, String code) {
        String state = start(world, caller, integration);
        AuthorizedCallback authorized = Futures.succeeded(
                world.callback.complete(new AuthorizationCallback(state, code, null)));
        return authorized.confirmation();
    }
}
