package dev.tipflood.scenarios.model;

import java.util.List;

/**
 * Thrown by a model record's compact constructor when one or more of its fields are invalid.
 * Each {@link Violation} names the field (relative to the record), the bad value and what
 * would be valid, so the YAML loader can attach the file position of that field.
 */
public final class InvalidFieldException extends IllegalArgumentException {

    /** One invalid field. {@code field} is a path relative to the record, e.g. {@code max}. */
    public record Violation(String field, String value, String expected) {
        @Override
        public String toString() {
            return field + ": bad value '" + value + "': " + expected;
        }
    }

    private final transient List<Violation> violations;

    public InvalidFieldException(List<Violation> violations) {
        super(violations.stream().map(Violation::toString).reduce((a, b) -> a + "; " + b).orElse("invalid"));
        this.violations = List.copyOf(violations);
    }

    public static InvalidFieldException of(String field, Object value, String expected) {
        return new InvalidFieldException(List.of(new Violation(field, String.valueOf(value), expected)));
    }

    public List<Violation> violations() {
        return violations;
    }
}
