package dochooks.application.document.port.out;

import dochooks.domain.integration.ApiKeyStrategy;
import dochooks.domain.integration.Integration;
import dochooks.domain.integration.OAuth2Strategy;
import dochooks.domain.integration.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The context of one provider call: the integration (base API URL, request parameters, auth strategy), the
 * credential to send, and further secrets to mask in anything the provider says back (e.g. the caller's
 * refresh token). Build it with {@link #apiKey}, {@link #bearer} or {@link #anonymous}: a credential never
 * goes with an integration of the other auth type.
 */
public record ProviderCall(Integration integration, ProviderCredential credential, List<Secret> alsoMasked) {

    public ProviderCall {
        Objects.requireNonNull(integration, "integration");
        Objects.requireNonNull(credential, "credential");
        alsoMasked = List.copyOf(alsoMasked);
        if (credential instanceof ProviderCredential.ApiKey && !(integration.settings().auth() instanceof ApiKeyStrategy)) {
            throw new IllegalArgumentException("an API key goes only to an ApiKey integration");
        }
        if (credential instanceof ProviderCredential.Bearer && !(integration.settings().auth() instanceof OAuth2Strategy)) {
            throw new IllegalArgumentException("a bearer token goes only to an OAuth2 integration");
        }
    }

    /** A call to an ApiKey integration on behalf of {@code username}; the key is the integration's. */
    public static ProviderCall apiKey(Integration integration, String username) {
        if (!(integration.settings().auth() instanceof ApiKeyStrategy strategy)) {
            throw new IllegalArgumentException("integration " + integration.id() + " does not use an API key");
        }
        return new ProviderCall(integration, new ProviderCredential.ApiKey(strategy.apiKey(), username), List.of());
    }

    /** A call to an OAuth2 integration with a user's access token. */
    public static ProviderCall bearer(Integration integration, Secret accessToken) {
        return new ProviderCall(integration, new ProviderCredential.Bearer(accessToken), List.of());
    }

    /** A call without credentials (only {@code serviceInfo} is ever made without them). */
    public static ProviderCall anonymous(Integration integration) {
        return new ProviderCall(integration, new ProviderCredential.None(), List.of());
    }

    /** This call, also masking {@code secret} (a refresh token, say) in what the provider says back. */
    public ProviderCall masking(Secret secret) {
        List<Secret> more = new ArrayList<>(alsoMasked);
        more.add(Objects.requireNonNull(secret, "secret"));
        return new ProviderCall(integration, credential, more);
    }

    /** This call without credentials, masking the same secrets. */
    public ProviderCall withoutCredential() {
        return new ProviderCall(integration, new ProviderCredential.None(), alsoMasked);
    }

    /**
     * Every secret that must never be relayed: the integration's (API key or client secret), the credential's
     * and the ones added with {@link #masking}.
     */
    public List<Secret> secretsToMask() {
        List<Secret> secrets = new ArrayList<>();
        secrets.add(integration.settings().auth().secret());
        credential.secret().ifPresent(secrets::add);
        secrets.addAll(alsoMasked);
        return List.copyOf(secrets);
    }
}
