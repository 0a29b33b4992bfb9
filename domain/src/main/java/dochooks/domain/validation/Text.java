package dochooks.domain.validation;

/** Character-level checks shared by the value types. Lengths are counted in Unicode code points. */
public final class Text {
    private Text() {
    }

    /**
     * Whether {@code value} holds half of a surrogate pair: not Unicode text, so it has no UTF-8 form, and a
     * driver writing it would have to invent bytes (Netty's encoder turns it and the next character into
     * something else, once a control character). Such text is refused, never stored.
     */
    public static boolean hasUnpairedSurrogate(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    public static boolean hasControlCharacter(String value) {
        return value.codePoints().anyMatch(cp -> Character.getType(cp) == Character.CONTROL);
    }

    public static boolean hasBidiControl(String value) {
        return value.codePoints().anyMatch(cp -> (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069));
    }

    public static int length(String value) {
        return value.codePointCount(0, value.length());
    }

    /** Unicode White_Space property (as in UCD PropList.txt). */
    public static boolean isUnicodeWhitespace(int cp) {
        return (cp >= 0x09 && cp <= 0x0D) || cp == 0x20 || cp == 0x85 || cp == 0xA0 || cp == 0x1680
                || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F
                || cp == 0x205F || cp == 0x3000;
    }

    public static String stripUnicodeWhitespace(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && isUnicodeWhitespace(value.codePointAt(start))) {
            start += Character.charCount(value.codePointAt(start));
        }
        while (end > start && isUnicodeWhitespace(value.codePointBefore(end))) {
            end -= Character.charCount(value.codePointBefore(end));
        }
        return value.substring(start, end);
    }

    /**
     * Requires 1..max code points and no control characters; the common rule of client ids, secrets,
     * user ids and tenant ids.
     */
    public static String requirePlainText(String value, int max) {
        if (value == null) {
            throw new InvalidValueException(Rule.REQUIRED);
        }
        int length = length(value);
        if (length < 1 || length > max) {
            throw new InvalidValueException(Rule.LENGTH, 1, max);
        }
        if (hasUnpairedSurrogate(value)) {
            throw new InvalidValueException(Rule.UNPAIRED_SURROGATE);
        }
        if (hasControlCharacter(value)) {
            throw new InvalidValueException(Rule.CONTROL_CHARACTERS);
        }
        return value;
    }
}
