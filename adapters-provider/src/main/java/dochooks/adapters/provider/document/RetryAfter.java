package dochooks.adapters.provider.document;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads a provider's {@code Retry-After} (RFC 9110 10.2.3): delay seconds, or an HTTP date, which is read
 * against the current time (a date in the past means no wait). Anything else is ignored, as if absent.
 */
final class RetryAfter {
    /** Longer waits are all the same to dochooks (it never waits that long), and the number stays small. */
    static final Duration LONGEST = Duration.ofDays(1);

    private RetryAfter() {
    }

    /** The wait the header asks for, at most {@link #LONGEST}; null when absent or unreadable. */
    static Duration parse(String header, Instant now) {
        if (header == null) {
            return null;
        }
        String value = header.strip();
        if (value.isEmpty()) {
            return null;
        }
        if (value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return value.length() > 9 ? LONGEST : min(Duration.ofSeconds(Long.parseLong(value)));
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return at.isAfter(now) ? min(Duration.between(now, at)) : Duration.ZERO;
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }

    private static Duration min(Duration wait) {
        return wait.compareTo(LONGEST) > 0 ? LONGEST : wait;
    }
}
