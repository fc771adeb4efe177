package dev.tipflood.binding;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects field violations inside a compact constructor so that every bad field of a record
 * is reported at once. The same {@link Rule}s are used by the YAML loader.
 *
 * <pre>{@code
 * Checks.of().check("rate", rate, Rule.POSITIVE).check("max", max, Rule.NON_NEGATIVE).done();
 * }</pre>
 */
public final class Checks {
    private final List<InvalidFieldException.Violation> violations = new ArrayList<>();

    private Checks() {
    }

    public static Checks of() {
        return new Checks();
    }

    public Checks check(String field, double value, Rule rule) {
        if (!rule.test(value)) {
            violations.add(new InvalidFieldException.Violation(field, Rule.format(value), rule.expected()));
        }
        return this;
    }

    public Checks require(boolean ok, String field, Object value, String expected) {
        if (!ok) {
            violations.add(new InvalidFieldException.Violation(field, String.valueOf(value), expected));
        }
        return this;
    }

    public Checks notNull(String field, Object value) {
        return require(value != null, field, "null", "a value is required");
    }

    public void done() {
        if (!violations.isEmpty()) {
            throw new InvalidFieldException(violations);
        }
    }
}
