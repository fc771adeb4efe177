package dev.tipflood.loadgen.forecast;

import dev.tipflood.scenarios.model.ArrivalSpec;
import dev.tipflood.scenarios.model.Population;
import dev.tipflood.scenarios.model.Scenario;
import dev.tipflood.units.Durations;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Splits a scenario's time into phases where its arrival shapes change: a ramp's start and end, each
 * step, a viral curve's onset, peak and decay, each wave's window. Steady arrivals add no boundary.
 * Phases shorter than {@link #MIN_SECONDS} are merged into the one before.
 */
final class Phases {
  static final double MIN_SECONDS = 1.0;

  /** One phase, {@code [from, to)} in seconds from the start of the schedule. */
  record Phase(double from, double to) {
    double seconds() {
      return to - from;
    }

    String label() {
      return Durations.format(java.time.Duration.ofMillis(Math.round(from * 1000))) + "-"
          + Durations.format(java.time.Duration.ofMillis(Math.round(to * 1000)));
    }
  }

  private Phases() {
  }

  static List<Phase> of(Scenario scenario) {
    double end = Durations.seconds(scenario.duration());
    TreeSet<Double> cuts = new TreeSet<>();
    for (Population p : scenario.populations()) {
      boundaries(p.arrival(), 0, cuts);
    }
    List<Phase> phases = new ArrayList<>();
    double from = 0;
    for (double cut : cuts) {
      if (cut - from >= MIN_SECONDS && end - cut >= MIN_SECONDS) {
        phases.add(new Phase(from, cut));
        from = cut;
      }
    }
    phases.add(new Phase(from, end));
    return phases;
  }

  private static void boundaries(ArrivalSpec spec, double offset, TreeSet<Double> cuts) {
    if (spec instanceof ArrivalSpec.Ramp r) {
      cuts.add(offset + Durations.seconds(r.start()));
      cuts.add(offset + Durations.seconds(r.start()) + Durations.seconds(r.over()));
    } else if (spec instanceof ArrivalSpec.Steps s) {
      s.steps().forEach(step -> cuts.add(offset + Durations.seconds(step.at())));
    } else if (spec instanceof ArrivalSpec.Viral v) {
      double onset = offset + Durations.seconds(v.onset());
      double peak = onset + Durations.seconds(v.growth());
      cuts.add(onset);
      cuts.add(peak);
      cuts.add(peak + Durations.seconds(v.plateau()));
    } else if (spec instanceof ArrivalSpec.Waves w) {
      for (ArrivalSpec.Wave wave : w.waves()) {
        double start = offset + Durations.seconds(wave.start());
        cuts.add(start);
        cuts.add(start + Durations.seconds(wave.length()));
        boundaries(wave.arrival(), start, cuts);
      }
    }
    cuts.removeIf(c -> c <= 0);
  }
}
