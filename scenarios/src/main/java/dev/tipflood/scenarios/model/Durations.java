package dev.tipflood.scenarios.model;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Strict duration syntax: a number directly followed by one unit, {@code ms s m h}
 * ({@code 500ms}, {@code 90s}, {@code 2m}, {@code 1.5h}). No spaces, no compound forms.
 */
public final class Durations {

    /** What a valid duration looks like, used in error messages. */
    public static final String EXPECTED = "a duration like 500ms, 90s, 2m or 1.5h (units ms s m h, no space)";

    private static final Pattern FORMAT = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");
    private static final Map<String, Long> MILLIS = Map.of("ms", 1L, "s", 1_000L, "m", 60_000L, "h", 3_600_000L);

    private Durations() {
    }

    /** Parses a duration; throws {@link IllegalArgumentException} with {@link #EXPECTED}. */
    public static Duration parse(String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException(EXPECTED);
        }
        return Duration.ofMillis(Math.round(Double.parseDouble(m.group(1)) * MILLIS.get(m.group(2))));
    }

    /** Formats in the same syntax, choosing the largest exact unit. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms != 0 && ms % 3_600_000 == 0) {
            return ms / 3_600_000 + "h";
        } else if (ms != 0 && ms % 60_000 == 0) {
            return ms / 60_000 + "m";
        } else if (ms % 1000 == 0) {
            return ms / 1000 + "s";
        }
        return ms + "ms";
    }

    /** Seconds as a double, for rate curves. */
    public static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }
}
