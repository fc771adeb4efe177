package dev.tipflood.server.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Strict parsing and printing of durations written as {@code 250ms}, {@code 30s}, {@code 2m}, {@code 1h} or {@code 0}. */
public final class Durations {
  public static final String ALLOWED = "a duration like 250ms, 30s, 2m or 1h (or 0 for none)";
  private static final Pattern FORMAT = Pattern.compile("(\\d{1,9})(ms|s|m|h)");

  private Durations() {}

  /** Parses a duration; throws {@link IllegalArgumentException} naming the text and what is allowed. */
  public static Duration parse(String text) {
    String t = text.trim();
    if (t.equals("0")) {
      return Duration.ZERO;
    }
    Matcher m = FORMAT.matcher(t);
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not " + ALLOWED);
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      default -> Duration.ofHours(n);
    };
  }

  /** Prints in the same syntax {@link #parse} reads, choosing the largest exact unit. */
  public static String format(Duration d) {
    long ms = d.toMillis();
    if (ms == 0) {
      return "0";
    }
    if (ms % 3_600_000 == 0) {
      return ms / 3_600_000 + "h";
    }
    if (ms % 60_000 == 0) {
      return ms / 60_000 + "m";
    }
    if (ms % 1000 == 0) {
      return ms / 1000 + "s";
    }
    return ms + "ms";
  }
}
