package dev.tipflood.reports.capacity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One profile's sweep: its steps in order of intensity, the breaking point they bracket, the knee
 * of its legit goodput curve and a USL fit of throughput against offered load where the data
 * allow one.
 *
 * @param profile   server profile
 * @param points    steps, by intensity
 * @param steps     steps in the order they ran (the search's path)
 * @param breaking  the bracketed breaking point
 * @param knee      Kneedle's knee of legit goodput against intensity, if it has one
 * @param usl       USL fit of accepted against offered tips per second, if the data allow one
 * @param stopped   why the search stopped (converged, budget, interrupted, ...)
 */
public record CapacityCurve(String profile, List<CapacityPoint> points, List<CapacityPoint> steps, BreakingPoint breaking,
                            Optional<Kneedle.Knee> knee, Optional<UslModel> usl, String stopped) {
  /** Kneedle's sensitivity, as in the paper's offline examples. */
  public static final double SENSITIVITY = 1.0;

  public CapacityCurve {
    points = List.copyOf(points);
    steps = List.copyOf(steps);
  }

  /** Analyses the steps of one profile, in the order they ran. */
  public static CapacityCurve of(String profile, List<CapacityPoint> stepsInOrder, String stopped) {
    List<CapacityPoint> sorted = new ArrayList<>();
    stepsInOrder.stream().sorted(Comparator.comparingDouble(CapacityPoint::intensity)).forEach(p -> {
      if (sorted.isEmpty() || sorted.get(sorted.size() - 1).intensity() < p.intensity()) {
        sorted.add(p);
      }
    });
    List<CapacityPoint> goodput = sorted.stream().filter(p -> Double.isFinite(p.legitGoodput())).toList();
    // Legit goodput against the flood is flat, then falls off: concave and decreasing, whatever noise says.
    Optional<Kneedle.Knee> knee = Kneedle.find(goodput.stream().mapToDouble(CapacityPoint::intensity).toArray(),
        goodput.stream().mapToDouble(CapacityPoint::legitGoodput).toArray(), SENSITIVITY, Kneedle.Curve.CONCAVE,
        Kneedle.Direction.DECREASING);
    Optional<UslModel> usl = UslFit.fit(sorted.stream().mapToDouble(CapacityPoint::offeredPerSecond).toArray(),
        sorted.stream().mapToDouble(CapacityPoint::acceptedPerSecond).toArray());
    return new CapacityCurve(profile, sorted, stepsInOrder, BreakingPoint.of(sorted), knee, usl, stopped);
  }
}
