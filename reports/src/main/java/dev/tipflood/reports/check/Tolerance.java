package dev.tipflood.reports.check;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How much worse than the baseline a metric may get: a share of the baseline plus an absolute
 * amount, in the metric's unit. Written {@code 10%}, {@code 5}, or {@code 10%+5}.
 *
 * @param relative share of the baseline value, {@code >= 0}
 * @param absolute amount in the metric's unit, {@code >= 0}
 */
public record Tolerance(double relative, double absolute) {
  private static final Pattern FORM = Pattern.compile("(?:(\\d+(?:\\.\\d+)?)%)?(?:\\+?(\\d+(?:\\.\\d+)?))?");

  public Tolerance {
    if (!(relative >= 0) || !(absolute >= 0) || Double.isInfinite(relative) || Double.isInfinite(absolute)) {
      throw new IllegalArgumentException("a tolerance is >= 0, was " + relative + " relative, " + absolute + " absolute");
    }
  }

  /** Parses {@code 10%}, {@code 5} or {@code 10%+5}; IllegalArgumentException saying what is valid. */
  public static Tolerance parse(String text) {
    Matcher m = FORM.matcher(text.strip());
    if (text.isBlank() || !m.matches() || (m.group(1) == null && m.group(2) == null)) {
      throw new IllegalArgumentException("tolerance '" + text + "': expected a percentage (10%), an absolute amount in the "
          + "metric's unit (5), or both (10%+5)");
    }
    return new Tolerance(m.group(1) == null ? 0 : Double.parseDouble(m.group(1)) / 100,
        m.group(2) == null ? 0 : Double.parseDouble(m.group(2)));
  }

  /** The largest worsening allowed from a baseline value. */
  public double allowance(double baseline) {
    return Math.abs(baseline) * relative + absolute;
  }

  @Override
  public String toString() {
    String rel = relative == 0 ? "" : fmt(relative * 100) + "%";
    String abs = absolute == 0 ? "" : fmt(absolute);
    return rel.isEmpty() ? (abs.isEmpty() ? "0" : abs) : abs.isEmpty() ? rel : rel + "+" + abs;
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
  }
}
