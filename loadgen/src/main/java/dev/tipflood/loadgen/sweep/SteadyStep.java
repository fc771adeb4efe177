package dev.tipflood.loadgen.sweep;

import dev.tipflood.scenarios.model.ArrivalSpec;
import dev.tipflood.scenarios.model.Population;
import dev.tipflood.scenarios.model.Scenario;
import dev.tipflood.scenarios.model.Truth;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The steady-state load of a sweep step, derived from a scenario. Every junk population offers a
 * steady Poisson rate of {@code intensity} times its own peak rate from the first second; every
 * legit population starts after the warm-up, at a steady Poisson rate. So the legit tips, which all
 * the SLOs judge, only meet a service whose queues have had the warm-up to fill, and the warm-up
 * is discarded. Timed defence events are dropped: they belong to the scenario's own time line.
 *
 * @param warmUp    steady flood before the legit tips start
 * @param measured  the measured part, after the warm-up
 * @param legitRate tips per second of each legit population after the warm-up
 */
public record SteadyStep(Duration warmUp, Duration measured, double legitRate) {
  /** The peak is looked for at this resolution over the scenario's duration. */
  private static final double PEAK_RESOLUTION_SECONDS = 0.1;

  public SteadyStep {
    if (warmUp == null || warmUp.isNegative()) {
      throw new IllegalArgumentException("warm-up must be >= 0s, was " + warmUp);
    }
    if (measured == null || measured.toMillis() < 1000) {
      throw new IllegalArgumentException("the measured part of a step must be >= 1s, was " + measured);
    }
    if (!(legitRate > 0) || Double.isInfinite(legitRate)) {
      throw new IllegalArgumentException("legit rate must be > 0 tips/s, was " + legitRate);
    }
  }

  public Duration duration() {
    return warmUp.plus(measured);
  }

  /** The step's scenario: same name, seed, scale, media, identities, clients and SLOs; steady arrivals. */
  public Scenario scenario(Scenario base, double intensity) {
    if (!(intensity >= 0) || Double.isInfinite(intensity)) {
      throw new IllegalArgumentException("intensity must be finite and >= 0, was " + intensity);
    }
    List<Population> pops = new ArrayList<>();
    for (Population p : base.populations()) {
      if (p.truth() == Truth.JUNK) {
        pops.add(p.withArrival(new ArrivalSpec.Poisson(intensity * peakRate(base, p))));
      } else {
        pops.add(p.withArrival(new ArrivalSpec.Steps(List.of(new ArrivalSpec.Step(Duration.ZERO, 0),
            new ArrivalSpec.Step(warmUp, legitRate)))));
      }
    }
    return base.withEvents(List.of()).withDuration(duration()).withPopulations(pops);
  }

  /** Junk tips per second at intensity 1: every junk population at its own peak. */
  public static double junkPeak(Scenario base) {
    return base.populations().stream().filter(p -> p.truth() == Truth.JUNK).mapToDouble(p -> peakRate(base, p)).sum();
  }

  /** The highest rate of a population's arrival process over the scenario. */
  static double peakRate(Scenario base, Population p) {
    double seconds = base.duration().toMillis() / 1000.0;
    double peak = 0;
    int samples = (int) Math.ceil(seconds / PEAK_RESOLUTION_SECONDS);
    for (int i = 0; i <= samples; i++) {
      peak = Math.max(peak, p.arrival().rateAt(Math.min(seconds, i * PEAK_RESOLUTION_SECONDS)));
    }
    return peak;
  }

  /** The default legit rate: the scenario's own mean legit rate, but at least {@code floor} tips/s. */
  public static double legitRate(Scenario base, double floor) {
    double seconds = base.duration().toMillis() / 1000.0;
    double max = 0;
    for (Population p : base.populations()) {
      if (p.truth() == Truth.LEGIT) {
        double sum = 0;
        int samples = (int) Math.ceil(seconds / PEAK_RESOLUTION_SECONDS);
        for (int i = 0; i < samples; i++) {
          sum += p.arrival().rateAt((i + 0.5) * PEAK_RESOLUTION_SECONDS) * PEAK_RESOLUTION_SECONDS;
        }
        max = Math.max(max, sum / seconds);
      }
    }
    return Math.max(floor, max);
  }

  /** One line for the run directory's scenario.yaml header and the progress output. */
  public String describe(Scenario base, double intensity) {
    return String.format(Locale.ROOT, "junk x%s of its peak (%.3f tips/s in all), legit %.3f tips/s per population "
        + "from %ds; %ds warm-up + %ds measured", fmt(intensity), intensity * junkPeak(base), legitRate,
        warmUp.toSeconds(), warmUp.toSeconds(), measured.toSeconds());
  }

  private static String fmt(double v) {
    return new java.math.BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
  }
}
