package dev.tipflood.binding;

import dev.tipflood.units.ByteRate;
import dev.tipflood.units.ByteSize;
import dev.tipflood.units.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The scalar and list converters the scenario reader is built from. */
public final class Convs {

    private Convs() {
    }

    /** A non-empty string scalar. */
    public static Conv<String> text(String expected) {
        return (node, path, problems) -> {
            if (node instanceof YNode.Scalar s && !s.isNull() && !s.text().isBlank()) {
                return s.text();
            }
            Conv.fail(problems, node, path, expected);
            return null;
        };
    }

    /** A number (not a quoted string) satisfying {@code rule}. */
    public static Conv<Double> number(Rule rule) {
        return (node, path, problems) -> {
            if (node instanceof YNode.Scalar s && s.isNumber()) {
                Double v = decimal(s.text());
                if (v != null && rule.test(v)) {
                    return v;
                }
            }
            Conv.fail(problems, node, path, rule.expected());
            return null;
        };
    }

    /**
     * A YAML number written in decimal: {@code 12}, {@code 1.5}, {@code 2e3}. YAML's other
     * spellings ({@code 0x9}, {@code 0o17}, {@code 1_000}) are refused like any other bad value,
     * not read as something the author may not have meant.
     */
    private static Double decimal(String text) {
        if (!text.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
            return null;
        }
        double v = Double.parseDouble(text);
        return Double.isFinite(v) ? v : null;
    }

    /** An integer satisfying {@code rule}. */
    public static Conv<Integer> integer(Rule rule) {
        return (node, path, problems) -> {
            Double v = number(rule).read(node, path, new Problems(problems.file()));
            if (v != null && v == Math.rint(v) && Math.abs(v) < Integer.MAX_VALUE) {
                return v.intValue();
            }
            Conv.fail(problems, node, path, rule.expected().replace("a number", "an integer"));
            return null;
        };
    }

    /** Any integer that fits a long, e.g. a seed. */
    public static Conv<Long> longInteger() {
        return (node, path, problems) -> {
            if (node instanceof YNode.Scalar s && s.token() == com.fasterxml.jackson.core.JsonToken.VALUE_NUMBER_INT) {
                try {
                    return Long.parseLong(s.text().replace("_", ""));
                } catch (NumberFormatException e) {
                    Conv.fail(problems, node, path, "an integer between " + Long.MIN_VALUE + " and " + Long.MAX_VALUE);
                    return null;
                }
            }
            Conv.fail(problems, node, path, "an integer, e.g. 20200531");
            return null;
        };
    }

    public static Conv<Boolean> bool() {
        return (node, path, problems) -> {
            if (node instanceof YNode.Scalar s && (s.token() == com.fasterxml.jackson.core.JsonToken.VALUE_TRUE
                    || s.token() == com.fasterxml.jackson.core.JsonToken.VALUE_FALSE)) {
                return s.token() == com.fasterxml.jackson.core.JsonToken.VALUE_TRUE;
            }
            Conv.fail(problems, node, path, "true or false");
            return null;
        };
    }

    /** A string scalar parsed by {@code parser}, whose {@link IllegalArgumentException} means "invalid". */
    public static <T> Conv<T> parsed(Function<String, T> parser, String expected) {
        return (node, path, problems) -> {
            if (node instanceof YNode.Scalar s && !s.isNull()) {
                try {
                    return parser.apply(s.text());
                } catch (IllegalArgumentException e) {
                    Conv.fail(problems, node, path, expected);
                    return null;
                }
            }
            Conv.fail(problems, node, path, expected);
            return null;
        };
    }

    public static Conv<Duration> duration() {
        return parsed(Durations::parse, Durations.EXPECTED);
    }

    /** A duration strictly greater than zero. */
    public static Conv<Duration> positiveDuration() {
        return parsed(t -> {
            Duration d = Durations.parse(t);
            if (d.isZero()) {
                throw new IllegalArgumentException("zero");
            }
            return d;
        }, Durations.EXPECTED + ", greater than 0");
    }

    public static Conv<ByteSize> byteSize() {
        return parsed(ByteSize::parse, ByteSize.EXPECTED);
    }

    public static Conv<ByteRate> bandwidth() {
        return parsed(ByteRate::parse, ByteRate.EXPECTED);
    }

    /** An enum constant written as its lower-case id (e.g. {@code legit}). */
    public static <E extends Enum<E>> Conv<E> enumId(Class<E> type, Function<E, String> id) {
        E[] values = type.getEnumConstants();
        String expected = "one of: " + Arrays.stream(values).map(id).collect(Collectors.joining(", "));
        return parsed(text -> Arrays.stream(values).filter(v -> id.apply(v).equals(text)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(expected)), expected);
    }

    /** A sequence whose items all convert; null if any item fails (each failure is recorded). */
    public static <T> Conv<List<T>> list(Conv<T> item) {
        return (node, path, problems) -> {
            if (!(node instanceof YNode.Sequence seq)) {
                Conv.fail(problems, node, path, "a list (YAML sequence)");
                return null;
            }
            List<T> out = new ArrayList<>();
            boolean ok = true;
            for (int i = 0; i < seq.items().size(); i++) {
                T v = item.read(seq.items().get(i), path + "[" + i + "]", problems);
                ok &= v != null;
                out.add(v);
            }
            return ok ? out : null;
        };
    }

    /** A mapping read field by field. */
    public static <T> Conv<T> object(Function<MapView, T> reader) {
        return (node, path, problems) -> MapView.of(node, path, problems).map(reader).orElse(null);
    }
}
