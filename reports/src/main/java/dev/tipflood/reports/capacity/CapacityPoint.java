package dev.tipflood.reports.capacity;

import dev.tipflood.reports.analysis.ClassReport;
import dev.tipflood.reports.analysis.RunAnalysis;
import dev.tipflood.reports.analysis.SloVerdict;
import dev.tipflood.reports.analysis.TimeSeries;
import dev.tipflood.reports.analysis.Verdict;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One step of a sweep: a steady flood at one intensity, measured after its warm-up.
 *
 * @param intensity          the flood as a multiple of the scenario's junk peak rate
 * @param junkTipsPerSecond  the junk rate offered at that intensity
 * @param offeredPerSecond   tips started per second in the measured window, all classes
 * @param acceptedPerSecond  tips accepted per second in the measured window, all classes (the USL's throughput)
 * @param legitGoodput       legit tips accepted within the latency SLO, per second of the measured window
 * @param legitP99Ms         p99 latency of accepted legit tips (corrected); NaN when none was accepted
 * @param legitTtrP95Ms      p95 time to review of legit tips; NaN when not measured
 * @param passed             every judged SLO held (none failed)
 * @param failedSlos         the judged SLOs that failed, or why the step counts as failed
 * @param runDirectory       the step's run directory; null for a step that made none
 */
public record CapacityPoint(double intensity, double junkTipsPerSecond, double offeredPerSecond, double acceptedPerSecond,
                            double legitGoodput, double legitP99Ms, double legitTtrP95Ms, boolean passed,
                            List<String> failedSlos, String runDirectory) {
  public CapacityPoint {
    if (!(intensity >= 0) || Double.isInfinite(intensity)) {
      throw new IllegalArgumentException("intensity must be finite and >= 0, was " + intensity);
    }
    failedSlos = List.copyOf(failedSlos);
    if (passed != failedSlos.isEmpty()) {
      throw new IllegalArgumentException("a step passed exactly when no SLO failed: passed " + passed + ", failed "
          + failedSlos);
    }
  }

  /**
   * The point of an analysed step run.
   *
   * @param warmUpSeconds  seconds at the start of the schedule that are discarded (the legit tips start after them)
   * @param judged         the SLOs that decide the verdict (empty: all of the scenario's)
   * @param runFailure     why the run itself failed (server crashed, load generator failed), or null
   */
  public static CapacityPoint of(RunAnalysis a, double intensity, double junkTipsPerSecond, double warmUpSeconds,
                                 Set<String> judged, String runFailure) {
    Objects.requireNonNull(a, "analysis");
    double measured = Math.max(1, a.run().durationSeconds() - warmUpSeconds);
    TimeSeries ts = a.series();
    double offered = 0;
    double accepted = 0;
    int buckets = 0;
    for (int b = 0; b < ts.buckets(); b++) {
      double mid = ts.middle(b);
      if (mid >= warmUpSeconds && mid < a.run().durationSeconds()) {
        buckets++;
        for (TimeSeries.ClassSeries c : ts.classes()) {
          offered += c.offered()[b];
          accepted += c.accepted()[b];
        }
      }
    }
    List<String> failed = new java.util.ArrayList<>();
    for (SloVerdict v : a.slos()) {
      if (v.verdict() == Verdict.FAIL && (judged.isEmpty() || judged.contains(v.slo()))) {
        failed.add(v.slo());
      }
    }
    if (runFailure != null) {
      failed.add(runFailure);
    }
    SloVerdict ttr = a.slo("legitTimeToReviewP95");
    double legitGoodput = a.classes().stream().filter(ClassReport::legit).mapToLong(ClassReport::goodput).sum() / measured;
    return new CapacityPoint(intensity, junkTipsPerSecond, buckets == 0 ? Double.NaN : offered / buckets,
        buckets == 0 ? Double.NaN : accepted / buckets, legitGoodput,
        a.legitLatency().corrected().count() == 0 ? Double.NaN : a.legitLatency().corrected().p99Ms(),
        ttr == null ? Double.NaN : ttr.measured(), failed.isEmpty(), failed, a.run().directory());
  }
}
