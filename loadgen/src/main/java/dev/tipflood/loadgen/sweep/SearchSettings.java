package dev.tipflood.loadgen.sweep;

import java.time.Duration;

/**
 * How the breaking point is searched, validated.
 *
 * @param growth        factor by which the bracketing grows (or shrinks) the intensity until a verdict flips, > 1
 * @param targetWidth   stop bisecting when the bracket is this narrow: broke / held - 1, > 0
 * @param minIntensity  the smallest intensity tried, > 0
 * @param maxIntensity  the largest intensity tried, >= minIntensity
 * @param maxSteps      at most this many steps per profile, whatever the budget
 * @param stepEstimate  what a step is expected to cost in wall time before one has run
 */
public record SearchSettings(double growth, double targetWidth, double minIntensity, double maxIntensity, int maxSteps,
                             Duration stepEstimate) {
  public SearchSettings {
    if (!(growth > 1) || Double.isInfinite(growth)) {
      throw new IllegalArgumentException("growth must be > 1, was " + growth);
    }
    if (!(targetWidth > 0)) {
      throw new IllegalArgumentException("targetWidth must be > 0, was " + targetWidth);
    }
    if (!(minIntensity > 0) || !(maxIntensity >= minIntensity) || Double.isInfinite(maxIntensity)) {
      throw new IllegalArgumentException("intensities must satisfy 0 < min <= max < infinity, were " + minIntensity
          + " and " + maxIntensity);
    }
    if (maxSteps < 1) {
      throw new IllegalArgumentException("maxSteps must be >= 1, was " + maxSteps);
    }
    if (stepEstimate == null || stepEstimate.isNegative() || stepEstimate.isZero()) {
      throw new IllegalArgumentException("stepEstimate must be > 0, was " + stepEstimate);
    }
  }

  /** Doubling, 5% bracket, 1/1000 to 1000 times the junk peak, at most 20 steps. */
  public static SearchSettings defaults(Duration stepEstimate) {
    return new SearchSettings(2.0, 0.05, 1e-3, 1e3, 20, stepEstimate);
  }

  /** {@code v} clamped into [min, max]. */
  public double clamp(double v) {
    return Math.max(minIntensity, Math.min(maxIntensity, v));
  }
}
