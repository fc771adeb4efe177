package dev.tipflood.loadgen.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tipflood.scenarios.Scenarios;
import dev.tipflood.scenarios.model.ArrivalSpec;
import dev.tipflood.scenarios.model.Scenario;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SteadyStepTest {
  private final Scenario flood = Scenarios.resolve("fancam-flood");
  private final SteadyStep step = new SteadyStep(Duration.ofSeconds(5), Duration.ofSeconds(15), 1.0);

  @Test
  void intensityOneIsTheJunkPeakHeldSteady() {
    assertThat(SteadyStep.junkPeak(flood)).isCloseTo(150, within(1e-9));
    Scenario s = step.scenario(flood, 0.4);
    assertThat(s.duration()).isEqualTo(Duration.ofSeconds(20));
    ArrivalSpec fans = s.population("fans").orElseThrow().arrival();
    assertThat(fans).isEqualTo(new ArrivalSpec.Poisson(60));
  }

  @Test
  void legitTipsStartAfterTheWarmUp() {
    ArrivalSpec citizens = step.scenario(flood, 0.4).population("citizens").orElseThrow().arrival();
    assertThat(citizens.rateAt(4.9)).isZero();
    assertThat(citizens.rateAt(5.0)).isEqualTo(1.0);
    assertThat(citizens.rateAt(19.9)).isEqualTo(1.0);
  }

  @Test
  void keepsWhatMakesItTheSameScenario() {
    Scenario s = step.scenario(flood, 0.4);
    assertThat(s.name()).isEqualTo(flood.name());
    assertThat(s.seed()).isEqualTo(flood.seed());
    assertThat(s.scale()).isEqualTo(flood.scale());
    assertThat(s.slo()).isEqualTo(flood.slo());
    assertThat(s.population("fans").orElseThrow().media()).isEqualTo(flood.population("fans").orElseThrow().media());
  }

  @Test
  void theDefaultLegitRateIsTheScenariosOwnButAtLeastTheFloor() {
    assertThat(SteadyStep.legitRate(flood, 1.0)).isEqualTo(1.0);
    assertThat(SteadyStep.legitRate(flood, 0.01)).isCloseTo(0.1, within(1e-6));
  }

  @Test
  void rejectsAStepWithoutAMeasuredPart() {
    assertThatThrownBy(() -> new SteadyStep(Duration.ofSeconds(5), Duration.ZERO, 1.0)).hasMessageContaining(">= 1s");
    assertThatThrownBy(() -> step.scenario(flood, Double.NaN)).hasMessageContaining("intensity");
  }
}
