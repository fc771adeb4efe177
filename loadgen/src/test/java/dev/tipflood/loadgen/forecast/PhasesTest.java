package dev.tipflood.loadgen.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tipflood.scenarios.Scenarios;
import org.junit.jupiter.api.Test;

class PhasesTest {
  @Test
  void theViralFloodSplitsAtOnsetPeakAndDecay() {
    // fancam-flood: onset 60 s, growth 60 s, plateau 90 s, over 6 minutes.
    assertThat(Phases.of(Scenarios.builtin("fancam-flood")))
        .extracting(Phases.Phase::from, Phases.Phase::to)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(0.0, 60.0),
            org.assertj.core.groups.Tuple.tuple(60.0, 120.0),
            org.assertj.core.groups.Tuple.tuple(120.0, 210.0),
            org.assertj.core.groups.Tuple.tuple(210.0, 360.0));
  }

  @Test
  void steadyArrivalsAreOnePhase() {
    assertThat(Phases.of(Scenarios.builtin("baseline"))).hasSize(1);
  }

  @Test
  void wavesSplitAtEachWindowAndTheirInnerShape() {
    var phases = Phases.of(Scenarios.builtin("hashtag-waves-smoke"));
    assertThat(phases.size()).isGreaterThan(4);
    assertThat(phases.get(0).from()).isZero();
    assertThat(phases.get(phases.size() - 1).to()).isEqualTo(36.0);
    for (int i = 1; i < phases.size(); i++) {
      assertThat(phases.get(i).from()).isEqualTo(phases.get(i - 1).to());
      assertThat(phases.get(i).seconds()).isGreaterThanOrEqualTo(Phases.MIN_SECONDS);
    }
  }
}
