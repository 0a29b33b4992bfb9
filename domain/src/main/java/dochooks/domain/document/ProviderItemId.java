package dochooks.domain.document;

import dochooks.domain.validation.InvalidValueException;
import dochooks.domain.validation.Rule;
import dochooks.domain.validation.Text;

/**
 * The id a provider gives a file or folder: opaque (any characters, {@code /}, {@code +}, {@code =} or Korean
 * included), 1–255 characters (code points). The root folder is {@code /}. It always travels in a query
 * parameter, never in a path.
 *
 * @throws InvalidValueException ({@link Rule#REQUIRED} or {@link Rule#LENGTH}) when null, empty or too long
 */
public record ProviderItemId(String value) {
    public static final int MAX_LENGTH = 255;

    /** The root folder of every provider. */
    public static final ProviderItemId ROOT = new ProviderItemId("/");

    public ProviderItemId {
        if (value == null || value.isEmpty()) {
            throw new InvalidValueException(Rule.REQUIRED);
        }
        if (Text.length(value) > MAX_LENGTH) {
            throw new InvalidValueException(Rule.LENGTH, 1, MAX_LENGTH);
        }
    }

    public boolean isRoot() {
        return ROOT.value.equals(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
