package dochooks.domain.integration;

import java.util.Objects;
import java.util.Set;

/** Users connect their own accounts: authorization-code flow with the provider's two OAuth2 endpoints. */
public record OAuth2Strategy(ProviderUrl authenticationUrl, ProviderUrl tokenEndpointUrl, ClientId clientId,
        Secret clientSecret) implements AuthStrategy {

    public OAuth2Strategy {
        Objects.requireNonNull(authenticationUrl, "authenticationUrl");
        Objects.requireNonNull(tokenEndpointUrl, "tokenEndpointUrl");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
    }

    @Override
    public AuthType type() {
        return AuthType.OAUTH2;
    }

    @Override
    public Secret secret() {
        return clientSecret;
    }

    @Override
    public Set<String> credentialOrigins() {
        return Set.of(authenticationUrl.origin(), tokenEndpointUrl.origin());
    }
}
