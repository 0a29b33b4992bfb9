package dochooks.adapters.provider;

import java.util.Map;

/** Reads whole-number settings from environment variables, with one clear line per malformed value. */
final class EnvironmentNumbers {
    private EnvironmentNumbers() {
    }

    /**
     * The value of {@code variable} (surrounding blanks ignored), or {@code otherwise} when it is unset or blank.
     *
     * @param unit what the number counts, for the error line ("milliseconds", "calls"...)
     * @throws IllegalArgumentException "VARIABLE: 'value' is not a number of unit from min to max"
     */
    static long read(Map<String, String> environment, String variable, long otherwise, long min, long max,
            String unit) {
        String raw = environment.get(variable);
        if (raw == null || raw.isBlank()) {
            return otherwise;
        }
        String digits = raw.strip();
        boolean wellFormed = digits.length() <= 18 && digits.chars().allMatch(c -> c >= '0' && c <= '9');
        if (!wellFormed || Long.parseLong(digits) < min || Long.parseLong(digits) > max) {
            throw new IllegalArgumentException(variable + ": '" + raw + "' is not a number of " + unit + " from "
                    + min + " to " + max);
        }
        return Long.parseLong(digits);
    }

    static int readInt(Map<String, String> environment, String variable, int otherwise, int min, int max,
            String unit) {
        return (int) read(environment, variable, otherwise, min, max, unit);
    }
}
