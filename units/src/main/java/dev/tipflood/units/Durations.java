package dev.tipflood.units;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one duration grammar of scenarios, profiles and the CLI: a number followed directly by one
 * unit, {@code ms s m h} ({@code 250ms}, {@code 90s}, {@code 2m}, {@code 1.5h}); {@code 0} needs
 * no unit. Decimals are allowed when they come to whole milliseconds. Refused: bare numbers
 * other than 0, spaces, compound forms ({@code 1m30s}), other spellings ({@code 5 sec},
 * {@code 2min}, {@code PT5S}), and upper case ({@code 5S}, {@code 2M}, which could be months).
 */
public final class Durations {

  /** What a valid duration looks like, for error messages. */
  public static final String EXPECTED =
      "a duration like 250ms, 90s, 2m or 1.5h (units ms s m h, lower case, no space; 0 needs no unit)";

  private static final Pattern FORMAT = Pattern.compile("(\\d{1,19}(?:\\.\\d{1,9})?)(ms|s|m|h)");
  private static final Map<String, Long> MILLIS = Map.of("ms", 1L, "s", 1_000L, "m", 60_000L, "h", 3_600_000L);

  private Durations() {}

  /**
   * Parses a duration strictly.
   *
   * @throws IllegalArgumentException naming the text and {@link #EXPECTED}
   */
  public static Duration parse(String text) {
    if ("0".equals(text)) {
      return Duration.ZERO;
    }
    Matcher m = FORMAT.matcher(text == null ? "" : text);
    if (!m.matches()) {
      throw new IllegalArgumentException(ByteSize.quote(text) + " is not " + EXPECTED);
    }
    BigDecimal millis = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(MILLIS.get(m.group(2))));
    if (millis.stripTrailingZeros().scale() > 0) {
      throw new IllegalArgumentException(ByteSize.quote(text) + " is not a whole number of milliseconds; "
          + EXPECTED);
    }
    if (millis.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      throw new IllegalArgumentException(ByteSize.quote(text) + " is too long: at most " + Long.MAX_VALUE + "ms");
    }
    return Duration.ofMillis(millis.setScale(0, RoundingMode.UNNECESSARY).longValueExact());
  }

  /** Formats in the grammar {@link #parse} reads, choosing the largest exact unit. */
  public static String format(Duration d) {
    long ms = d.toMillis();
    if (ms == 0) {
      return "0";
    } else if (ms % 3_600_000 == 0) {
      return ms / 3_600_000 + "h";
    } else if (ms % 60_000 == 0) {
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
