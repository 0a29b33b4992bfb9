package dochooks.application.connection.port.in;

import dochooks.application.Caller;
import dochooks.domain.integration.IntegrationId;
import io.vertx.core.Future;
import java.util.Objects;

/**
 * A user starts connecting their provider account ({@code POST /api/v1/integrations/{id}/connection}).
 * A pending authorization is stored for 10 minutes: a random single-use {@code state} (only its digest is
 * kept), a PKCE verifier (encrypted), the caller and the integration.
 */
public interface StartConnectionUseCase {

    record StartConnectionCommand(IntegrationId integrationId) {
        public StartConnectionCommand {
            Objects.requireNonNull(integrationId, "integrationId");
        }
    }

    /** Where to send the user's browser. */
    record AuthorizationRedirect(String authorizationUrl) {
        public AuthorizationRedirect {
            Objects.requireNonNull(authorizationUrl, "authorizationUrl");
        }

        /** Without the query, which carries the single-use state. */
        @Override
        public String toString() {
            int query = authorizationUrl.indexOf('?');
            return "AuthorizationRedirect[" + (query < 0 ? authorizationUrl : authorizationUrl.substring(0, query)) + "?…]";
        }
    }

    /**
     * The authorization URL of api.md section 4: the integration's authentication URL (its own parameters kept)
     * with {@code response_type=code}, {@code client_id}, {@code redirect_uri}, {@code state},
     * {@code code_challenge} and {@code code_challenge_method=S256} (overriding any the admin put there), then the
     * integration's request parameters not already in the URL. Fails as the package says; an ApiKey integration
     * with {@link dochooks.application.error.NotOAuth2Exception}.
     */
    Future<AuthorizationRedirect> start(Caller caller, StartConnectionCommand command);
}
