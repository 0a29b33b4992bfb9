package dochooks.application.connection.port.in;

import dochooks.domain.integration.IntegrationId;
import io.vertx.core.Future;
import java.util.Objects;

/**
 * The provider sends the user's browser back ({@code GET /oauth2/callback?code=...&state=...}, no token). The
 * state is used up on first use, whatever the outcome. A known, unexpired state with a code: the code is kept
 * with the pending authorization behind a new one-time confirmation (10 minutes), which the HTTP adapter adds
 * to the redirect to {@code DOCHOOKS_OAUTH_RETURN_URL} (with {@code integrationId} and
 * {@code result=authorized}).
 */
public interface CompleteAuthorizationUseCase {

    /**
     * The callback's query parameters as received, each null when absent. {@code toString()} shows none of them:
     * state and code are credentials.
     */
    record AuthorizationCallback(String state, String code, String error) {
        @Override
        public String toString() {
            return "AuthorizationCallback[state=" + (state == null ? "absent" : "****") + ", code="
                    + (code == null ? "absent" : "****") + ", error=" + (error == null ? "absent" : "present") + "]";
        }
    }

    /** What the redirect needs: the integration connected to, and the one-time confirmation. */
    record AuthorizedCallback(IntegrationId integrationId, String confirmation) {
        public AuthorizedCallback {
            Objects.requireNonNull(integrationId, "integrationId");
            Objects.requireNonNull(confirmation, "confirmation");
        }

        @Override
        public String toString() {
            return "AuthorizedCallback[integrationId=" + integrationId + ", confirmation=****]";
        }
    }

    /**
     * Fails with {@link dochooks.application.error.OAuthCallbackRejectedException} for an unknown, used or
     * expired state, an {@code error} parameter, or a missing (or unusable) code, storing nothing; and with
     * {@link dochooks.application.error.DatabaseUnavailableException}.
     */
    Future<AuthorizedCallback> complete(AuthorizationCallback callback);
}
