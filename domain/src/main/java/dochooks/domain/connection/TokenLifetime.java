package dochooks.domain.connection;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When an access token was issued and when it expires (null when the provider did not say), and so when it
 * is due for a refresh: once it expires within min(60 s, half its lifetime). The half keeps short-lived
 * tokens (a 30 s token is refreshed after 15 s, not at once); the 60 s cap keeps long-lived ones in use
 * until their last minute.
 */
public record TokenLifetime(Instant issuedAt, Instant expiresAt) {
    /** The longest margin before expiry at which a token is refreshed. */
    public static final Duration MAX_REFRESH_MARGIN = Duration.ofSeconds(60);
    /** A longer lifetime is taken as this one (about a century), so that no provider's number overflows a date. */
    public static final long MAX_EXPIRES_IN_SECONDS = 100L * 366 * 24 * 3600;

    public TokenLifetime {
        Objects.requireNonNull(issuedAt, "issuedAt");
        if (expiresAt != null && expiresAt.isBefore(issuedAt)) {
            throw new IllegalArgumentException("a token cannot expire before it was issued");
        }
    }

    /**
     * The lifetime of a token issued at {@code issuedAt} for {@code expiresInSeconds} (null: unknown expiry). A
     * negative number is no expiry anyone can use, so it counts as unknown; a huge one is capped at
     * {@link #MAX_EXPIRES_IN_SECONDS}.
     */
    public static TokenLifetime of(Instant issuedAt, Long expiresInSeconds) {
        if (expiresInSeconds == null || expiresInSeconds < 0) {
            return new TokenLifetime(issuedAt, null);
        }
        return new TokenLifetime(issuedAt, issuedAt.plusSeconds(Math.min(expiresInSeconds, MAX_EXPIRES_IN_SECONDS)));
    }

    /** The moment from which the token should be refreshed before use; null when its expiry is unknown. */
    public Instant refreshDueAt() {
        if (expiresAt == null) {
            return null;
        }
        Duration half = Duration.between(issuedAt, expiresAt).dividedBy(2);
        Duration margin = half.compareTo(MAX_REFRESH_MARGIN) < 0 ? half : MAX_REFRESH_MARGIN;
        return expiresAt.minus(margin);
    }

    /** Whether the token should be refreshed before it is used at {@code now}; never when its expiry is unknown. */
    public boolean isRefreshDue(Instant now) {
        Instant due = refreshDueAt();
        return due != null && !now.isBefore(due);
    }

    /** Whether the token has expired at {@code now}; never when its expiry is unknown. */
    public boolean isExpired(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }
}
