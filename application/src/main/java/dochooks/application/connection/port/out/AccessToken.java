package dochooks.application.connection.port.out;

import dochooks.domain.integration.Secret;
import java.util.Objects;

/**
 * A user's OAuth2 access token for one integration, as stored. The refresh token (null when the provider
 * issued none) comes along only so that it can be masked in anything a provider says back; the application
 * never sends it anywhere. {@code toString()} shows neither.
 */
public record AccessToken(Secret value, Secret refreshToken) {

    public AccessToken {
        Objects.requireNonNull(value, "value");
    }

    /** A token without a refresh token. */
    public static AccessToken of(Secret value) {
        return new AccessToken(value, null);
    }

    /** Whether {@code other} carries the same access token (compared in constant time). */
    public boolean sameValueAs(AccessToken other) {
        return other != null && value.equals(other.value);
    }
}
