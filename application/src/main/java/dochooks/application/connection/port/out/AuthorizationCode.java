package dochooks.application.connection.port.out;

import dochooks.domain.integration.RedirectUri;
import dochooks.domain.integration.Secret;
import java.util.Objects;

/**
 * What the token endpoint needs to redeem an authorization: the code the provider sent to the callback, the
 * PKCE verifier whose challenge went with the authorization request, and the redirect URI it was sent to.
 */
public record AuthorizationCode(Secret code, Secret codeVerifier, RedirectUri redirectUri) {

    public AuthorizationCode {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(codeVerifier, "codeVerifier");
        Objects.requireNonNull(redirectUri, "redirectUri");
    }

    @Override
    public String toString() {
        return "AuthorizationCode[code=****, codeVerifier=****, redirectUri=" + redirectUri + "]";
    }
}
