package dochooks.domain.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenLifetimeTest {
    private static final Instant ISSUED = Instant.parse("2026-11-23T14:00:00Z");

    @Test
    void aLongLivedTokenIsRefreshedInItsLastMinute() {
        TokenLifetime hour = TokenLifetime.of(ISSUED, 3600L);

        assertEquals(Instant.parse("2026-11-23T14:59:00Z"), hour.refreshDueAt());
        assertFalse(hour.isRefreshDue(Instant.parse("2026-11-23T14:58:59.999Z")));
        assertTrue(hour.isRefreshDue(Instant.parse("2026-11-23T14:59:00Z")));
    }

    @Test
    void aShortLivedTokenIsRefreshedAfterHalfItsLifetime() {
        TokenLifetime thirtySeconds = TokenLifetime.of(ISSUED, 30L);

        assertEquals(ISSUED.plusSeconds(15), thirtySeconds.refreshDueAt());
        assertFalse(thirtySeconds.isRefreshDue(ISSUED.plusSeconds(14)));
        assertTrue(thirtySeconds.isRefreshDue(ISSUED.plusSeconds(15)));
    }

    @Test
    void theTwoMarginsMeetAtATwoMinuteLifetime() {
        assertEquals(ISSUED.plusSeconds(60), TokenLifetime.of(ISSUED, 120L).refreshDueAt());
        assertEquals(ISSUED.plusSeconds(62), TokenLifetime.of(ISSUED, 122L).refreshDueAt());
        assertEquals(ISSUED.plusSeconds(59), TokenLifetime.of(ISSUED, 118L).refreshDueAt());
    }

    @Test
    void aTokenWithoutKnownExpiryIsNeverDueNorExpired() {
        TokenLifetime unknown = TokenLifetime.of(ISSUED, null);

        assertNull(unknown.refreshDueAt());
        assertFalse(unknown.isRefreshDue(ISSUED.plusSeconds(1_000_000)));
        assertFalse(unknown.isExpired(ISSUED.plusSeconds(1_000_000)));
        assertNull(TokenLifetime.of(ISSUED, -5L).expiresAt(), "a negative expires_in is no usable expiry");
    }

    @Test
    void aTokenIssuedAlreadyExpiredIsDueAtOnce() {
        TokenLifetime zero = TokenLifetime.of(ISSUED, 0L);

        assertTrue(zero.isRefreshDue(ISSUED));
        assertTrue(zero.isExpired(ISSUED));
    }

    @Test
    void expiryIsTheExactEndOfTheLifetime() {
        TokenLifetime hour = TokenLifetime.of(ISSUED, 3600L);

        assertFalse(hour.isExpired(ISSUED.plusSeconds(3599)));
        assertTrue(hour.isExpired(ISSUED.plusSeconds(3600)));
    }

    @Test
    void aHugeLifetimeIsCappedInsteadOfOverflowing() {
        TokenLifetime forever = TokenLifetime.of(ISSUED, Long.MAX_VALUE);

        assertEquals(ISSUED.plusSeconds(TokenLifetime.MAX_EXPIRES_IN_SECONDS), forever.expiresAt());
        assertFalse(forever.isRefreshDue(Instant.parse("2100-01-01T00:00:00Z")));
    }

    @Test
    void refusesAnExpiryBeforeTheIssue() {
        assertThrows(IllegalArgumentException.class, () -> new TokenLifetime(ISSUED, ISSUED.minusMillis(1)));
    }
}
