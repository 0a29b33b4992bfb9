package dochooks.application.connection.service;

import dochooks.application.Caller;
import dochooks.application.error.IntegrationDisabledException;
import dochooks.application.error.IntegrationNotFoundException;
import dochooks.application.error.NotOAuth2Exception;
import dochooks.application.integration.port.out.LoadIntegrationPort;
import dochooks.domain.integration.Integration;
import dochooks.domain.integration.IntegrationId;
import dochooks.domain.integration.OAuth2Strategy;
import io.vertx.core.Future;

/**
 * Which integration the caller may connect to or look at, in the order api.md section 1 checks: existence for
 * the caller (404) before state (409). The rule for "usable" is the document operations' (a disabled
 * integration does not exist for users and cannot be used by admins).
 */
final class ConnectionAccess {
    private ConnectionAccess() {
    }

    /** The integration, if the caller may see it: a disabled one exists only for admins. */
    static Future<Integration> loadVisible(LoadIntegrationPort load, Caller caller, IntegrationId id) {
        return load.load(caller.tenant(), id).compose(found -> found
                .filter(integration -> integration.isEnabled() || caller.isAdmin())
                .map(Future::succeededFuture)
                .orElseGet(() -> Future.failedFuture(new IntegrationNotFoundException("no integration " + id))));
    }

    /** The integration, if the caller may use it now: visible, and enabled (else 409 for the admin who sees it). */
    static Future<Integration> loadUsable(LoadIntegrationPort load, Caller caller, IntegrationId id) {
        return loadVisible(load, caller, id).compose(integration -> integration.isEnabled()
                ? Future.succeededFuture(integration)
                : Future.failedFuture(new IntegrationDisabledException("integration " + id + " is disabled")));
    }

    /** The integration's OAuth2 settings; an ApiKey integration has no connection to make. */
    static Future<OAuth2Strategy> oauth2Of(Integration integration) {
        if (integration.settings().auth() instanceof OAuth2Strategy oauth2) {
            return Future.succeededFuture(oauth2);
        }
        return Future.failedFuture(new NotOAuth2Exception("integration " + integration.id()
                + " uses an API key: its users need no connection"));
    }
}
