package dochooks.application.connection.port.out;

import dochooks.domain.integration.Secret;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An authorization a user started and has not finished: whose it is ({@code key}), the PKCE verifier, when it
 * expires, and — once the provider called back — the authorization code, waiting for the user's confirmation.
 * The state and the confirmation are not part of it: only their digests are stored, as lookup keys.
 *
 * @param code null until the callback brought one
 */
public record PendingAuthorization(UUID id, ConnectionKey key, Secret codeVerifier, Instant expiresAt, Secret code) {

    public PendingAuthorization {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(codeVerifier, "codeVerifier");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** Whether it can no longer be used at {@code now}. */
    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "PendingAuthorization[id=" + id + ", integration=" + key.integration() + ", expiresAt=" + expiresAt
                + ", code=" + (code == null ? "none" : "****") + "]";
    }
}
