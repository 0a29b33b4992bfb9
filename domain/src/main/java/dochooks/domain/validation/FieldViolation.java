package dochooks.domain.validation;

import java.util.List;
import java.util.Objects;

/** One field (JSON field or query parameter) breaking one rule; {@code args} fill the rule's template. */
public record FieldViolation(String field, Rule rule, List<String> args) {

    public FieldViolation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(rule, "rule");
        args = List.copyOf(args);
    }

    public static FieldViolation of(String field, Rule rule, Object... args) {
        return new FieldViolation(field, rule, java.util.Arrays.stream(args).map(String::valueOf).toList());
    }

    /** The English message, e.g. "must be 1 to 120 characters long". */
    public String message() {
        return Messages.format(rule.englishTemplate(), args);
    }
}
