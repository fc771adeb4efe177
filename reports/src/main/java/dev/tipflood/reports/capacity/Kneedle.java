package dev.tipflood.reports.capacity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Kneedle knee/elbow detector (Satopaa, Albrecht, Irwin and Raghavan, "Finding a 'Kneedle' in
 * a Haystack", ICDCS workshops 2011), offline, without smoothing beyond the points themselves, as
 * the {@code kneed} package computes it, with two differences that matter for a sweep's few,
 * unevenly spaced and noisy steps: a mirrored curve is mirrored in x as well as in y, and when
 * several maxima qualify (noise) the most prominent one inside the curve is the knee, not the first.
 *
 * <pre>{@code
 * Optional<Kneedle.Knee> k = Kneedle.find(x, y, 1.0); // the curve's shape detected from its ends
 * }</pre>
 *
 * Both axes are normalised to [0, 1]; the curve is flipped so that its knee is a maximum of the
 * difference curve {@code y - x}; the knee is the first local maximum after which the difference
 * falls below its threshold {@code max - S * mean(step in x)} before another maximum; of several
 * such, the one with the largest difference.
 */
public final class Kneedle {
  /** Which way the curve bends. */
  public enum Curve { CONCAVE, CONVEX }

  /** Which way it runs. */
  public enum Direction { INCREASING, DECREASING }

  /**
   * A knee.
   *
   * @param index     index of the point in the input
   * @param x         its x
   * @param y         its y
   */
  public record Knee(int index, double x, double y, Curve curve, Direction direction) {
  }

  private Kneedle() {
  }

  /** The knee with the curve's shape detected: direction from its ends, bend from its side of the chord. */
  public static Optional<Knee> find(double[] x, double[] y, double sensitivity) {
    check(x, y, sensitivity);
    if (x.length < 3) {
      return Optional.empty();
    }
    Direction d = y[y.length - 1] >= y[0] ? Direction.INCREASING : Direction.DECREASING;
    double above = 0;
    double x0 = x[0];
    double dx = x[x.length - 1] - x0;
    for (int i = 0; i < x.length; i++) {
      double chord = y[0] + (y[y.length - 1] - y[0]) * (x[i] - x0) / dx;
      above += y[i] - chord;
    }
    return find(x, y, sensitivity, above >= 0 ? Curve.CONCAVE : Curve.CONVEX, d);
  }

  /** The knee of a curve of known shape; empty when it has none (no maximum drops below its threshold). */
  public static Optional<Knee> find(double[] x, double[] y, double sensitivity, Curve curve, Direction direction) {
    check(x, y, sensitivity);
    int n = x.length;
    if (n < 3) {
      return Optional.empty();
    }
    double[] xn = normalise(x);
    double[] ynRaw = normalise(y);
    if (xn == null || ynRaw == null) {
      return Optional.empty();
    }
    boolean mirrored = (curve == Curve.CONVEX) == (direction == Direction.INCREASING);
    double[] yn = transform(ynRaw, curve, mirrored);
    double[] diff = new double[n];
    for (int i = 0; i < n; i++) {
      // Mirrored in x as well, so that unevenly spaced steps keep their geometry (kneed mirrors y only).
      diff[i] = yn[i] - (mirrored ? 1 - xn[n - 1 - i] : xn[i]);
    }
    List<Integer> maxima = new ArrayList<>();
    List<Integer> minima = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double before = diff[Math.max(0, i - 1)];
      double after = diff[Math.min(n - 1, i + 1)];
      if (diff[i] >= before && diff[i] >= after) {
        maxima.add(i);
      }
      if (diff[i] <= before && diff[i] <= after) {
        minima.add(i);
      }
    }
    if (maxima.isEmpty()) {
      return Optional.empty();
    }
    double meanStep = Math.abs((xn[n - 1] - xn[0]) / (n - 1));
    double threshold = Double.NaN;
    int thresholdIndex = -1;
    int best = -1;
    for (int i = maxima.get(0); i < n - 1; i++) {
      if (maxima.contains(i)) {
        threshold = diff[i] - sensitivity * meanStep;
        thresholdIndex = i;
      }
      if (minima.contains(i)) {
        threshold = 0;
      }
      // A knee is inside the curve: a maximum at an end is a noisy end step, not a bend.
      boolean inside = thresholdIndex > 0 && thresholdIndex < n - 1;
      if (diff[i + 1] < threshold && inside && (best < 0 || diff[thresholdIndex] > diff[best])) {
        best = thresholdIndex;
      }
    }
    if (best < 0) {
      return Optional.empty();
    }
    int k = mirrored ? n - 1 - best : best;
    return Optional.of(new Knee(k, x[k], y[k], curve, direction));
  }

  /** Convex-increasing and concave-decreasing curves are mirrored in x, convex ones flipped in y. */
  private static double[] transform(double[] yn, Curve curve, boolean mirror) {
    int n = yn.length;
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      double v = yn[mirror ? n - 1 - i : i];
      out[i] = curve == Curve.CONVEX ? 1 - v : v;
    }
    return out;
  }

  private static double[] normalise(double[] v) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double d : v) {
      min = Math.min(min, d);
      max = Math.max(max, d);
    }
    if (!(max > min)) {
      return null;
    }
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = (v[i] - min) / (max - min);
    }
    return out;
  }

  private static void check(double[] x, double[] y, double sensitivity) {
    if (x.length != y.length) {
      throw new IllegalArgumentException("x and y differ in length: " + x.length + " and " + y.length);
    }
    for (int i = 0; i < x.length; i++) {
      if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
        throw new IllegalArgumentException("point " + i + " is not finite: (" + x[i] + ", " + y[i] + ")");
      }
      if (i > 0 && !(x[i] > x[i - 1])) {
        throw new IllegalArgumentException("x must increase strictly; x[" + i + "] = " + x[i] + " after " + x[i - 1]);
      }
    }
    if (!(sensitivity > 0)) {
      throw new IllegalArgumentException("sensitivity must be > 0, was " + sensitivity);
    }
  }
}
