package dochooks.adapters.provider.document;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneOffset;
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
        if (allDigits(text, 0) || (text.startsWith("-") && text.length() > 1 && allDigits(text, 1))) {
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
        Instant common = commonForm(normalized);
        if (common != null) {
            return common;
        }
        return parseAnyForm(normalized);
    }

    /** {@code normalized} read by each format in turn: the general way, and the reference for {@link #commonForm}. */
    static Instant parseAnyForm(String normalized) {
        for (DateTimeFormatter format : FORMATS) {
            Instant parsed = parse(normalized, format);
            if (parsed != null) {
                return parsed;
            }
        }
        return parse(normalized, COMPACT_OFFSET);
    }

    /**
     * The form nearly every provider sends, {@code 2014-06-05T17:39:45.251Z} (fraction of 1 to 9 digits optional,
     * {@code Z} or {@code ±HH:MM}), read without a {@link DateTimeFormatter}: the formatter chain was a visible
     * share of a metadata call's CPU. Returns null for anything else, and for every value where the formatters
     * could do something other than the plain reading (a day past the month's end, hour 24, an offset from 18
     * hours): those take the general way, so the result never differs from {@link #parseAnyForm}.
     */
    static Instant commonForm(String s) {
        int length = s.length();
        if (length < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59 || day > Month.of(month).length(Year.isLeap(year))) {
            return null;
        }
        int at = 19;
        int nanos = 0;
        if (s.charAt(at) == '.') {
            int fractionDigits = 0;
            at++;
            while (at < length && s.charAt(at) >= '0' && s.charAt(at) <= '9') {
                if (++fractionDigits > 9) {
                    return null;
                }
                nanos = nanos * 10 + (s.charAt(at) - '0');
                at++;
            }
            if (fractionDigits == 0) {
                return null;
            }
            for (int i = fractionDigits; i < 9; i++) {
                nanos *= 10;
            }
        }
        ZoneOffset offset;
        if (at == length - 1 && s.charAt(at) == 'Z') {
            offset = ZoneOffset.UTC;
        } else if (at == length - 6 && (s.charAt(at) == '+' || s.charAt(at) == '-') && s.charAt(at + 3) == ':') {
            int offsetHours = digits(s, at + 1, 2);
            int offsetMinutes = digits(s, at + 4, 2);
            if (offsetHours < 0 || offsetHours > 17 || offsetMinutes < 0 || offsetMinutes > 59) {
                return null;
            }
            int sign = s.charAt(at) == '-' ? -1 : 1;
            offset = ZoneOffset.ofHoursMinutes(sign * offsetHours, sign * offsetMinutes);
        } else {
            return null;
        }
        return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(offset);
    }

    /** The number written by the {@code count} ASCII digits at {@code from}, or -1 when one is not a digit. */
    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean allDigits(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
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
