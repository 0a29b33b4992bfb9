package dochooks.application.document.port.out;

import dochooks.domain.integration.Secret;
import dochooks.domain.validation.Text;
import java.util.Objects;
import java.util.Optional;

/** What a call proves itself with: an integration's API key for one user, a user's bearer token, or nothing. */
public sealed interface ProviderCredential {

    /** The secret this credential sends, to be masked in anything the provider says back; empty for none. */
    Optional<Secret> secret();

    /** ApiKey integrations: the key in the {@code apiKey} header, the user's login in the {@code username} header. */
    record ApiKey(Secret apiKey, String username) implements ProviderCredential {
        public ApiKey {
            Objects.requireNonNull(apiKey, "apiKey");
            // it becomes a header value: 1–255 characters, no control characters (so no header injection)
            Text.requirePlainText(username, 255);
        }

        @Override
        public Optional<Secret> secret() {
            return Optional.of(apiKey);
        }
    }

    /** OAuth2 integrations: {@code Authorization: Bearer <access token>}. */
    record Bearer(Secret accessToken) implements ProviderCredential {
        public Bearer {
            Objects.requireNonNull(accessToken, "accessToken");
        }

        @Override
        public Optional<Secret> secret() {
            return Optional.of(accessToken);
        }
    }

    /** No credentials: for {@code serviceInfo}, which must work without them. */
    record None() implements ProviderCredential {
        @Override
        public Optional<Secret> secret() {
            return Optional.empty();
        }
    }
}
