package dev.tipflood.reports.compare;

import java.util.Arrays;

/**
 * One figure of the scorecard across the compared runs.
 *
 * @param id            stable name, as in compare.json
 * @param title         what it is
 * @param unit          tips, ms, bytes, s or ratio
 * @param lowerIsBetter which way is better
 * @param values        one per run, in the order given; NaN: not measured
 */
public record ScoreRow(String id, String title, String unit, boolean lowerIsBetter, double[] values) {
  /** Runs differ when the spread is over this share of the larger value (and over one unit for counts). */
  public static final double DIFFERENCE = 0.10;

  public ScoreRow {
    values = values.clone();
  }

  @Override
  public double[] values() {
    return values.clone();
  }

  /** True when the best and the worst value differ by more than {@link #DIFFERENCE}. */
  public boolean differs() {
    double[] v = Arrays.stream(values).filter(Double::isFinite).toArray();
    if (v.length < 2) {
      return false;
    }
    double min = Arrays.stream(v).min().orElseThrow();
    double max = Arrays.stream(v).max().orElseThrow();
    double scale = Math.max(Math.abs(min), Math.abs(max));
    double floor = "ratio".equals(unit) ? 0 : 1;
    return max - min > DIFFERENCE * scale && max - min > floor;
  }

  /** Index of the best value (the first of equals), or -1 when none is measured. */
  public int best() {
    return pick(lowerIsBetter);
  }

  /** Index of the worst value, or -1. */
  public int worst() {
    return pick(!lowerIsBetter);
  }

  private int pick(boolean lowest) {
    int at = -1;
    for (int i = 0; i < values.length; i++) {
      if (Double.isFinite(values[i]) && (at < 0 || (lowest ? values[i] < values[at] : values[i] > values[at]))) {
        at = i;
      }
    }
    return at;
  }
}
