package dochooks.domain.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.function.Executable;

/** Assertions on the rule a value refuses, and on the fields a validation lists. */
public final class Refusals {
    private Refusals() {
    }

    /** Asserts that building the value fails with {@code rule}, and returns the failure for more checks. */
    public static InvalidValueException assertRefused(Rule rule, Executable build) {
        InvalidValueException refused = assertThrows(InvalidValueException.class, build);
        assertEquals(rule, refused.rule(), () -> "rule of: " + refused.getMessage());
        return refused;
    }

    /** Asserts that validation fails listing exactly these (field, rule) pairs, in this order. */
    public static ValidationException assertViolations(Executable validate, FieldViolation... expected) {
        ValidationException failed = assertThrows(ValidationException.class, validate);
        assertEquals(
                List.of(expected).stream().map(v -> v.field() + ":" + v.rule()).toList(),
                failed.violations().stream().map(v -> v.field() + ":" + v.rule()).toList());
        return failed;
    }

    public static FieldViolation at(String field, Rule rule) {
        return new FieldViolation(field, rule, List.of());
    }
}
