package dochooks.domain.integration;

import dochooks.domain.validation.InvalidValueException;
import dochooks.domain.validation.Rule;
import dochooks.domain.validation.Text;
import java.text.Normalizer;
import java.util.Locale;

/**
 * The display name of an integration, in any script. Stored stripped of surrounding Unicode
 * whitespace and NFC-normalized; 1–120 code points of valid Unicode, no control or bidi-control characters.
 * Two names clash within a tenant when their {@link #comparisonKey()}s are equal.
 */
public record IntegrationName(String value) {
    public static final int MAX_CODE_POINTS = 120;

    public IntegrationName {
        if (value == null) {
            throw new InvalidValueException(Rule.REQUIRED);
        }
        if (Text.hasUnpairedSurrogate(value)) {
            throw new InvalidValueException(Rule.UNPAIRED_SURROGATE);
        }
        value = Normalizer.normalize(Text.stripUnicodeWhitespace(value), Normalizer.Form.NFC);
        if (value.isEmpty()) {
            throw new InvalidValueException(Rule.REQUIRED);
        }
        if (Text.length(value) > MAX_CODE_POINTS) {
            throw new InvalidValueException(Rule.LENGTH, 1, MAX_CODE_POINTS);
        }
        if (Text.hasControlCharacter(value)) {
            throw new InvalidValueException(Rule.CONTROL_CHARACTERS);
        }
        if (Text.hasBidiControl(value)) {
            throw new InvalidValueException(Rule.BIDI_CONTROL_CHARACTERS);
        }
    }

    /** The NFC form lower-cased with {@link Locale#ROOT}: unique per tenant, and the listing order. */
    public String comparisonKey() {
        return value.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value;
    }
}
