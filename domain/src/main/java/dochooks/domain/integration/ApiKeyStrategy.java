package dochooks.domain.integration;

import java.util.Objects;
import java.util.Set;

/** One key, issued by the provider, sent on every call in the {@code apiKey} header. */
public record ApiKeyStrategy(Secret apiKey) implements AuthStrategy {

    public ApiKeyStrategy {
        Objects.requireNonNull(apiKey, "apiKey");
    }

    @Override
    public AuthType type() {
        return AuthType.API_KEY;
    }

    @Override
    public Secret secret() {
        return apiKey;
    }

    @Override
    public Set<String> credentialOrigins() {
        return Set.of();
    }
}
