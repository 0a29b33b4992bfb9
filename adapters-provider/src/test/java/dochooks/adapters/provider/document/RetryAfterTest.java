package dochooks.adapters.provider.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryAfterTest {
    private static final Instant NOW = Instant.parse("2026-11-23T14:05:00Z");

    @Test
    void readsDelaySeconds() {
        assertEquals(Duration.ofSeconds(7), RetryAfter.parse(" 7 ", NOW));
        assertEquals(Duration.ZERO, RetryAfter.parse("0", NOW));
    }

    @Test
    void readsAnHttpDateAgainstNow() {
        assertEquals(Duration.ofSeconds(90), RetryAfter.parse("Mon, 23 Nov 2026 14:06:30 GMT", NOW));
        assertEquals(Duration.ZERO, RetryAfter.parse("Mon, 23 Nov 2026 14:00:00 GMT", NOW), "a date in the past");
    }

    @Test
    void capsHugeWaitsAtADay() {
        assertEquals(RetryAfter.LONGEST, RetryAfter.parse("99999999999999999999999", NOW));
        assertEquals(RetryAfter.LONGEST, RetryAfter.parse("172800", NOW));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "-5", "1.5", "soon", "7s", "Tue, 99 Nov 2026 14:06:30 GMT"})
    void ignoresWhatItCannotRead(String header) {
        assertNull(RetryAfter.parse(header, NOW));
    }

    @Test
    void absentIsNull() {
        assertNull(RetryAfter.parse(null, NOW));
    }
}
