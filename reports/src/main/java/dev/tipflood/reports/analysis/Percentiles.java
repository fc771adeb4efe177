package dev.tipflood.reports.analysis;

import org.HdrHistogram.Histogram;

/**
 * Latency percentiles of one merged histogram, in milliseconds ({@code NaN} when it is empty).
 *
 * @param count values in the histogram
 * @param p50Ms median
 * @param p90Ms 90th percentile
 * @param p99Ms 99th percentile
 * @param p999Ms 99.9th percentile
 * @param maxMs largest value
 */
public record Percentiles(long count, double p50Ms, double p90Ms, double p99Ms, double p999Ms, double maxMs) {
  public static final Percentiles EMPTY = new Percentiles(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

  public Percentiles {
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0, was " + count);
    }
  }

  /** Percentiles of a histogram of microseconds, read from the histogram itself (never averaged). */
  public static Percentiles of(Histogram micros) {
    if (micros.getTotalCount() == 0) {
      return EMPTY;
    }
    return new Percentiles(micros.getTotalCount(), ms(micros.getValueAtPercentile(50)), ms(micros.getValueAtPercentile(90)),
        ms(micros.getValueAtPercentile(99)), ms(micros.getValueAtPercentile(99.9)), ms(micros.getMaxValue()));
  }

  /** The value at a named percentile: 50, 90, 99, 99.9 or 100 (max). */
  public double at(double percentile) {
    if (percentile == 50) {
      return p50Ms;
    } else if (percentile == 90) {
      return p90Ms;
    } else if (percentile == 99) {
      return p99Ms;
    } else if (percentile == 99.9) {
      return p999Ms;
    } else if (percentile == 100) {
      return maxMs;
    }
    throw new IllegalArgumentException("percentile must be 50, 90, 99, 99.9 or 100, was " + percentile);
  }

  private static double ms(long micros) {
    return micros / 1000.0;
  }
}
