package dev.tipflood.reports.capacity;

import java.util.List;

/**
 * The breaking point the steps bracket: the largest intensity that held, below the smallest that
 * broke. A step that held above one that broke (noise) does not widen the bracket: the bracket is
 * read from below the first break.
 *
 * @param held   largest intensity below {@code broke} at which every judged SLO held; NaN when none did
 * @param broke  smallest intensity at which one failed; NaN when none did
 * @param status what the steps allow to be said
 */
public record BreakingPoint(double held, double broke, Status status) {
  /** What the steps allow to be said. */
  public enum Status {
    /** Held at one intensity, broke at the next one tried above it. */
    BRACKETED,
    /** Never broke: the breaking point is above the largest intensity tried. */
    HELD_THROUGHOUT,
    /** Never held: the breaking point is below the smallest intensity tried. */
    BROKE_THROUGHOUT,
    /** No step finished. */
    NO_STEPS
  }

  public static BreakingPoint of(List<CapacityPoint> points) {
    double broke = points.stream().filter(p -> !p.passed()).mapToDouble(CapacityPoint::intensity).min().orElse(Double.NaN);
    double held = points.stream().filter(CapacityPoint::passed)
        .filter(p -> Double.isNaN(broke) || p.intensity() < broke)
        .mapToDouble(CapacityPoint::intensity).max().orElse(Double.NaN);
    Status s;
    if (points.isEmpty()) {
      s = Status.NO_STEPS;
    } else if (Double.isNaN(broke)) {
      s = Status.HELD_THROUGHOUT;
    } else if (Double.isNaN(held)) {
      s = Status.BROKE_THROUGHOUT;
    } else {
      s = Status.BRACKETED;
    }
    return new BreakingPoint(held, broke, s);
  }

  /** The estimate: the middle of the bracket (geometric, as the search bisects); NaN unless bracketed. */
  public double estimate() {
    return status == Status.BRACKETED ? Math.sqrt(held * broke) : Double.NaN;
  }

  /** broke / held - 1: how wide the bracket is, relative to what held; NaN unless bracketed. */
  public double relativeWidth() {
    return status == Status.BRACKETED ? broke / held - 1 : Double.NaN;
  }
}
