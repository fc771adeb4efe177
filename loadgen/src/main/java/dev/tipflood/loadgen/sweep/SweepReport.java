package dev.tipflood.loadgen.sweep;

import dev.tipflood.reports.capacity.CapacityCurve;
import dev.tipflood.reports.capacity.CapacityReport;
import dev.tipflood.scenarios.model.Scenario;
import java.time.Duration;
import java.util.List;

/** Turns a sweep's result into the reports module's {@link CapacityReport}. */
public final class SweepReport {
  private SweepReport() {
  }

  public static CapacityReport of(Scenario base, SteadyStep step, List<String> judgedSlos, Duration budget,
                                  Sweep.Result result) {
    List<CapacityCurve> curves = result.outcomes().stream()
        .map(o -> CapacityCurve.of(o.profile(), o.steps(), o.stop().text())).toList();
    return new CapacityReport(base.name(), SteadyStep.junkPeak(base), step.legitRate(), step.warmUp().toMillis() / 1000.0,
        step.measured().toMillis() / 1000.0, judgedSlos, budget.toMillis() / 1000.0, result.wall().toMillis() / 1000.0,
        result.interrupted(), curves);
  }
}
