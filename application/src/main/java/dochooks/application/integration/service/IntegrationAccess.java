package dochooks.application.integration.service;

import dochooks.application.Caller;
import dochooks.application.error.ForbiddenException;
import dochooks.application.error.IntegrationNotFoundException;
import dochooks.application.error.PreconditionFailedException;
import dochooks.application.integration.port.in.IfMatch;
import dochooks.application.integration.port.out.LoadIntegrationPort;
import dochooks.domain.integration.Integration;
import dochooks.domain.integration.IntegrationId;
import io.vertx.core.Future;

/** The checks every integration use case starts with: role, existence for this caller, precondition. */
final class IntegrationAccess {
    private final LoadIntegrationPort load;

    IntegrationAccess(LoadIntegrationPort load) {
        this.load = load;
    }

    static Future<Void> requireAdmin(Caller caller) {
        return caller.isAdmin()
                ? Future.succeededFuture()
                : Future.failedFuture(new ForbiddenException("only company administrators may do this"));
    }

    /** The integration as the caller may see it: a disabled one exists only for admins. */
    Future<Integration> loadVisible(Caller caller, IntegrationId id) {
        return load.load(caller.tenant(), id).compose(found -> found
                .filter(integration -> caller.isAdmin() || integration.isEnabled())
                .map(Future::succeededFuture)
                .orElseGet(() -> Future.failedFuture(new IntegrationNotFoundException("no integration " + id))));
    }

    static Future<Integration> checkPrecondition(Integration current, IfMatch ifMatch) {
        return ifMatch.admits(current.version())
                ? Future.succeededFuture(current)
                : Future.failedFuture(new PreconditionFailedException(
                        "If-Match does not match the current version " + current.version()));
    }
}
