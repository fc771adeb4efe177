package dev.tipflood.server.health;

/**
 * The outcome of one health or readiness check: the measured value against its threshold.
 *
 * @param name the check, e.g. {@code heapAfterGc}
 * @param up whether the check passes
 * @param value what was measured (a fraction, milliseconds, a count; see {@code unit})
 * @param threshold the value at which the check fails; infinite when it cannot fail
 * @param unit what {@code value} and {@code threshold} count, e.g. {@code fraction}, {@code ms}
 */
public record CheckResult(String name, boolean up, double value, double threshold, String unit) {

  /** Passes while {@code value} stays at or below {@code threshold}. */
  public static CheckResult atMost(String name, double value, double threshold, String unit) {
    return new CheckResult(name, !(value > threshold), value, threshold, unit);
  }

  /** Passes while {@code value} stays below {@code limit}; an infinite limit never fails. */
  public static CheckResult below(String name, double value, double limit, String unit) {
    return new CheckResult(name, value < limit, value, limit, unit);
  }

  /** A yes/no condition: value 1 when it holds. */
  public static CheckResult flag(String name, boolean up) {
    return new CheckResult(name, up, up ? 1 : 0, 1, "up");
  }
}
