package dev.tipflood.binding;

import java.util.function.DoublePredicate;

/** A numeric constraint with the sentence that says what is valid. Shared by records and loader. */
public record Rule(String expected, DoublePredicate predicate) {
    public static final Rule POSITIVE = new Rule("must be a number > 0", v -> v > 0 && Double.isFinite(v));
    public static final Rule NON_NEGATIVE = new Rule("must be a number >= 0", v -> v >= 0 && Double.isFinite(v));
    public static final Rule FRACTION = new Rule("must be a share between 0 and 1", v -> v >= 0 && v <= 1);
    public static final Rule SCALE = new Rule("must be > 0 and <= 1", v -> v > 0 && v <= 1);
    public static final Rule AT_LEAST_ONE = new Rule("must be an integer >= 1", v -> v >= 1 && v == Math.rint(v));
    public static final Rule COUNT = new Rule("must be an integer >= 0", v -> v >= 0 && v == Math.rint(v));
    public static final Rule LATITUDE = new Rule("must be a latitude between -90 and 90", v -> v >= -90 && v <= 90);
    public static final Rule LONGITUDE = new Rule("must be a longitude between -180 and 180", v -> v >= -180 && v <= 180);

    public boolean test(double value) {
        return predicate.test(value);
    }

    /** Formats a number the way a person wrote it: no trailing {@code .0} for integers. */
    public static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
