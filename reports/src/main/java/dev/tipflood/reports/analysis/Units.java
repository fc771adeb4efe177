package dev.tipflood.reports.analysis;

import java.util.Locale;

/** How the text outputs (HTML, JUnit XML, the check's table) print values of a unit. */
public final class Units {
  private Units() {
  }

  /** {@code ms} as ms or s, {@code ratio} as a percentage, {@code bytes} in KB/MB, else a number. {@code NaN} is "n/a". */
  public static String format(double v, String unit) {
    if (Double.isNaN(v)) {
      return "n/a";
    }
    switch (unit) {
      case "ms":
        return Math.abs(v) >= 10_000 ? String.format(Locale.ROOT, "%.1f s", v / 1000) : String.format(Locale.ROOT, "%.0f ms", v);
      case "ratio":
        return String.format(Locale.ROOT, "%.1f%%", v * 100);
      case "bytes":
        if (Math.abs(v) >= 1e6) {
          return String.format(Locale.ROOT, "%.2f MB", v / 1e6);
        }
        return Math.abs(v) >= 1e3 ? String.format(Locale.ROOT, "%.1f KB", v / 1e3) : String.format(Locale.ROOT, "%.0f B", v);
      case "s":
        return String.format(Locale.ROOT, "%.1f s", v);
      default:
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }
  }
}
