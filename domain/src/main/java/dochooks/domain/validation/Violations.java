package dochooks.domain.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Collects violations across many fields so that all of them are reported at once. */
public final class Violations {
    private final List<FieldViolation> found = new ArrayList<>();

    /**
     * Builds a value; on {@link InvalidValueException} records it under {@code field} and returns null.
     * A field that already has a violation is not tried again (one entry per field and cause).
     */
    public <T> T attempt(String field, Supplier<T> builder) {
        if (hasViolationOn(field)) {
            return null;
        }
        try {
            return builder.get();
        } catch (InvalidValueException e) {
            found.add(e.at(field));
            return null;
        }
    }

    public void add(FieldViolation violation) {
        found.add(violation);
    }

    public void addAll(List<FieldViolation> violations) {
        found.addAll(violations);
    }

    public void add(String field, Rule rule, Object... args) {
        if (!hasViolationOn(field)) {
            found.add(FieldViolation.of(field, rule, args));
        }
    }

    public boolean hasViolationOn(String field) {
        return found.stream().anyMatch(v -> v.field().equals(field));
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    /**
     * Orders the violations recorded after the first {@code keep} by the position of their field in
     * {@code fieldOrder} (fields not in it go last), so reports do not depend on the order checks ran in.
     */
    public void sortAfter(int keep, List<String> fieldOrder) {
        List<FieldViolation> tail = found.subList(keep, found.size());
        tail.sort(java.util.Comparator.comparingInt(v -> {
            int position = fieldOrder.indexOf(v.field());
            return position < 0 ? fieldOrder.size() : position;
        }));
    }

    /** Throws a {@link ValidationException} listing everything recorded, if anything was. */
    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new ValidationException(found);
        }
    }
}
