package dochooks.adapters.provider.document;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;

/**
 * Reads {@code dateModified} in the forms providers really send: RFC 3339 ({@code 2014-06-05T17:39:45.251Z},
 * lower-case {@code t}/{@code z} or a space allowed), the protocol examples' basic form
 * ({@code 20140605T17:39:45.251Z}, also {@code 20140605T173945Z}), and epoch milliseconds (a number or a string
 * of digits). Anything else, a time without offset included, is unknown: null.
 */
final class WireDates {
    private static final List<DateTimeFormatter> FORMATS = List.of(
            format("uuuu-MM-dd'T'HH:mm:ss"),
            format("uuuu-MM-dd'T'HH:mm"),
            format("uuuuMMdd'T'HH:mm:ss"),
            format("uuuuMMdd'T'HHmmss"));

    private WireDates() {
    }

    private static DateTimeFormatter format(String dateAndTime) {
        return new DateTimeFormatterBuilder()
                .appendPattern(dateAndTime)
                .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
                .appendOffset("+HH:MM", "Z")
                .toFormatter(Locale.ROOT);
    }

    private static final DateTimeFormatter COMPACT_OFFSET = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .appendOffset("+HHmm", "Z")
            .toFormatter(Locale.ROOT);

    /** The first and last instants an RFC 3339 timestamp (four-digit years) can express. */
    private static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    /** The instant {@code value} (a JSON value) stands for, or null when unknown or out of range. */
    static Instant read(Object value) {
        Instant instant = readAny(value);
        return instant == null || instant.isBefore(EARLIEST) || instant.isAfter(LATEST) ? null : instant;
    }

    private static Instant readAny(Object value) {
        if (value instanceof Number number) {
            return epochMillis(number);
        }
        if (!(value instanceof String raw)) {
            return null;
        }
        String text = raw.strip();
        if (text.isEmpty()) {
            return null;
        }
        if (text.chars().allMatch(c -> c >= '0' && c <= '9') || (text.startsWith("-") && text.length() > 1
                && text.substring(1).chars().allMatch(c -> c >= '0' && c <= '9'))) {
            try {
                return Instant.ofEpochMilli(Long.parseLong(text));
            } catch (NumberFormatException tooLong) {
                return null;
            }
        }
        String normalized = text.toUpperCase(Locale.ROOT);
        if (normalized.length() > 10 && normalized.charAt(10) == ' ') {
            normalized = normalized.substring(0, 10) + "T" + normalized.substring(11);
        }
        for (DateTimeFormatter format : FORMATS) {
            Instant parsed = parse(normalized, format);
            if (parsed != null) {
                return parsed;
            }
        }
        return parse(normalized, COMPACT_OFFSET);
    }

    private static Instant parse(String text, DateTimeFormatter format) {
        try {
            return OffsetDateTime.parse(text, format).toInstant();
        } catch (DateTimeParseException notThisForm) {
            return null;
        }
    }

    private static Instant epochMillis(Number number) {
        if (number instanceof Double || number instanceof Float || number instanceof java.math.BigDecimal) {
            double value = number.doubleValue();
            if (value != Math.rint(value) || Math.abs(value) > 9.2e18) {
                return null;
            }
            return Instant.ofEpochMilli((long) value);
        }
        if (number instanceof java.math.BigInteger big && big.bitLength() > 63) {
            return null;
        }
        return Instant.ofEpochMilli(number.longValue());
    }
}
