package dochooks.domain.integration;

import java.util.Set;

/**
 * How dochooks proves itself to a provider. Each variant holds exactly the fields its type needs, so
 * an integration can never be "OAuth2 without a client secret".
 */
public sealed interface AuthStrategy permits OAuth2Strategy, ApiKeyStrategy {

    AuthType type();

    /** The credential an admin typed for this strategy (client secret or API key). */
    Secret secret();

    /** The origins (scheme://host:port) this strategy's credentials may be sent to, besides the base API URL. */
    Set<String> credentialOrigins();
}
