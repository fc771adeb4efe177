package dev.tipflood.binding;

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
            return value == null ? field + ": " + expected : field + ": bad value '" + value + "': " + expected;
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

    /**
     * One field, where the reader quotes the value as written in the file: for records whose
     * {@code expected} already says what was wrong ("must be at least 1s, got 500ms").
     */
    public static InvalidFieldException of(String field, String expected) {
        return new InvalidFieldException(List.of(new Violation(field, null, expected)));
    }

    /** Throws {@link #of(String, String)} unless {@code ok}. */
    public static void require(boolean ok, String field, String expected) {
        if (!ok) {
            throw of(field, expected);
        }
    }

    /** The first violation's field. */
    public String field() {
        return violations.get(0).field();
    }

    public List<Violation> violations() {
        return violations;
    }
}
