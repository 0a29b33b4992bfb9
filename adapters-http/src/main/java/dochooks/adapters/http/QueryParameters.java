package dochooks.adapters.http;

import dochooks.domain.validation.FieldViolation;
import dochooks.domain.validation.Rule;
import dochooks.domain.validation.ValidationException;
import io.vertx.core.MultiMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The query parameters of a document route, as the use case's query record takes them: text as it was
 * decoded (null when absent), numbers parsed. What cannot be handed over is recorded under the parameter's
 * name: a number that is not a plain decimal integer in range, and any parameter given more than once (which
 * of two ids did the caller mean?). The record then adds its own rules; {@link #build} reports both at once.
 * Parameters a route does not define are ignored.
 */
final class QueryParameters {
    /** Plain decimal digits that fit a long: no sign, no spaces, no exponent. */
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");

    private final MultiMap params;
    private final List<FieldViolation> violations = new ArrayList<>();

    QueryParameters(MultiMap params) {
        this.params = params;
    }

    /** The parameter's value, or null when absent (or given twice, which is recorded). */
    String text(String name) {
        List<String> values = params.getAll(name);
        if (values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            violations.add(FieldViolation.of(name, Rule.EXACTLY_ONE_OF, name));
            return null;
        }
        return values.get(0);
    }

    /** A non-negative integer ({@code max}, {@code offset}), or null when absent or malformed (recorded). */
    Long nonNegative(String name) {
        return integer(name, 0, Rule.NON_NEGATIVE_INTEGER);
    }

    /** A positive integer ({@code size}), or null when absent or malformed (recorded). */
    Long positive(String name) {
        return integer(name, 1, Rule.POSITIVE_INTEGER);
    }

    private Long integer(String name, long minimum, Rule rule) {
        List<String> values = params.getAll(name);
        if (values.isEmpty()) {
            return null;
        }
        if (values.size() == 1 && DIGITS.matcher(values.get(0)).matches()) {
            long value = Long.parseLong(values.get(0));
            if (value >= minimum) {
                return value;
            }
        }
        violations.add(FieldViolation.of(name, rule));
        return null;
    }

    /**
     * Builds the query record from the values read so far. Throws one {@link ValidationException} listing what
     * this class recorded and what the record refused (a parameter already recorded is not reported twice).
     */
    <T> T build(Supplier<T> record) {
        T built = null;
        List<FieldViolation> refusedByRecord = List.of();
        try {
            built = record.get(); // reads the parameters first, so their faults are recorded by now
        } catch (ValidationException refused) {
            refusedByRecord = refused.violations();
        }
        List<FieldViolation> all = new ArrayList<>(violations);
        Set<String> reported = violations.stream().map(FieldViolation::field).collect(Collectors.toSet());
        refusedByRecord.stream().filter(violation -> !reported.contains(violation.field())).forEach(all::add);
        if (!all.isEmpty()) {
            throw new ValidationException(all);
        }
        return built;
    }
}
