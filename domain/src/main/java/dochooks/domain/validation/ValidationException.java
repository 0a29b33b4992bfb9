package dochooks.domain.validation;

import java.util.List;

/** Well-formed input that breaks one or more rules; lists every field at fault, in input order. */
public final class ValidationException extends RuntimeException {
    private final List<FieldViolation> violations;

    public ValidationException(List<FieldViolation> violations) {
        super(violations.size() + " field(s) invalid", null, false, false);
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a validation failure needs at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    public static ValidationException of(String field, Rule rule, Object... args) {
        return new ValidationException(List.of(FieldViolation.of(field, rule, args)));
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
