package dochooks.domain.validation;

import java.util.Arrays;
import java.util.List;

/**
 * Thrown by a value's constructor when the raw value breaks a rule. It does not know the field's
 * name: whoever builds the value from a named input turns it into a {@link FieldViolation}.
 */
public final class InvalidValueException extends IllegalArgumentException {
    private final Rule rule;
    private final List<String> args;

    public InvalidValueException(Rule rule, Object... args) {
        super(Messages.format(rule.englishTemplate(), Arrays.stream(args).map(String::valueOf).toList()), null);
        this.rule = rule;
        this.args = Arrays.stream(args).map(String::valueOf).toList();
    }

    public Rule rule() {
        return rule;
    }

    public List<String> args() {
        return args;
    }

    public FieldViolation at(String field) {
        return new FieldViolation(field, rule, args);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this; // an expected outcome of bad input, not a bug: no stack trace needed
    }
}
