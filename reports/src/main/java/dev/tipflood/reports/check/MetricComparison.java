package dev.tipflood.reports.check;

import dev.tipflood.reports.analysis.Units;
import java.util.Objects;

/**
 * One row of the check's diff.
 *
 * @param metric    what is compared
 * @param baseline  the baseline's value (NaN: not measured)
 * @param now       this run's value (NaN: not measured)
 * @param tolerance the worsening allowed
 */
public record MetricComparison(Metric metric, double baseline, double now, Tolerance tolerance) {
  public MetricComparison {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(tolerance, "tolerance");
  }

  /** Worse than the baseline by more than the tolerance. A value that disappeared (e.g. no legit tip accepted) is worse. */
  public boolean regression() {
    if (Double.isNaN(baseline)) {
      return false;
    }
    if (Double.isNaN(now)) {
      return true;
    }
    double worse = metric.lowerIsBetter() ? now - baseline : baseline - now;
    return worse > tolerance.allowance(baseline) + 1e-9;
  }

  /** Change from the baseline, signed, with the share of the baseline when it is not 0. */
  public String change() {
    if (Double.isNaN(baseline) || Double.isNaN(now)) {
      return "n/a";
    }
    double d = now - baseline;
    String abs = (d >= 0 ? "+" : "-") + Units.format(Math.abs(d), metric.unit());
    return baseline == 0 ? abs : abs + String.format(java.util.Locale.ROOT, " (%+.0f%%)", 100 * d / Math.abs(baseline));
  }

  public String status() {
    if (Double.isNaN(baseline) && Double.isNaN(now)) {
      return "not measured";
    }
    return regression() ? "REGRESSION" : "ok";
  }
}
