package dev.tipflood.loadgen.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tipflood.loadgen.forecast.Forecast;
import dev.tipflood.loadgen.forecast.Forecaster;
import dev.tipflood.loadgen.forecast.ProfileCapacity;
import dev.tipflood.loadgen.forecast.ProfileCapacity.KindCosts;
import dev.tipflood.scenarios.Scenarios;
import dev.tipflood.scenarios.model.Scenario;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ForecastStartTest {
  private final Scenario flood = Scenarios.resolve("fancam-flood");
  private final SteadyStep step = new SteadyStep(Duration.ofSeconds(5), Duration.ofSeconds(15), 1.0);
  /** naive's figures at scale 0.01: 40MB/s storage, 4 workers, 6 reviewers. */
  private final ProfileCapacity capacity = new ProfileCapacity("naive-like", 419_430, 4,
      new KindCosts(0.02, 0.05, 0.25, 0.01), 6, 20, 60, 1_000_000, 256L << 20, false);

  private double busiestWithoutReviewers(double intensity) {
    Forecast f = Forecaster.forecast(step.scenario(flood, intensity), capacity);
    return f.phases().stream().flatMap(p -> p.resources().stream())
        .filter(r -> r.resource() != Forecast.Resource.REVIEW && r.limited())
        .mapToDouble(Forecast.ResourceLoad::utilisation).max().orElseThrow();
  }

  @Test
  void startsWhereTheForecastPutsTheBusiestResourceAtFullUtilisation() {
    double x = ForecastStart.intensity(flood, step, capacity, 1.0);
    assertThat(x).isBetween(1e-3, 1.0);
    // The forecast counts the step's scheduled (Poisson) arrivals, so at a few tips per second it is linear in the
    // intensity only up to the schedule's sampling noise.
    assertThat(busiestWithoutReviewers(x)).isCloseTo(1.0, within(0.15));
    assertThat(busiestWithoutReviewers(0.5 * x)).isLessThan(0.7);
    assertThat(busiestWithoutReviewers(2 * x)).isGreaterThan(1.5);
  }

  @Test
  void fallsBackWhenNothingLimitedGrowsWithTheFlood() {
    ProfileCapacity unlimited = new ProfileCapacity("unlimited", 0, 0, new KindCosts(0, 0, 0, 0), 0, 0, 0, 0, 1L << 30,
        false);
    assertThat(ForecastStart.intensity(flood, step, unlimited, 0.5)).isEqualTo(0.5);
  }
}
