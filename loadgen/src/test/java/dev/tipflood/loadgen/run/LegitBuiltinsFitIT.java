package dev.tipflood.loadgen.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tipflood.loadgen.forecast.Forecast;
import dev.tipflood.loadgen.forecast.ForecastText;
import dev.tipflood.loadgen.forecast.Forecaster;
import dev.tipflood.loadgen.forecast.ProfileCapacity;
import dev.tipflood.loadgen.process.ServerProfileInfo;
import dev.tipflood.scenarios.model.Scenario;
import dev.tipflood.scenarios.Scenarios;
import dev.tipflood.scenarios.model.Truth;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A control run must leave headroom: every built-in scenario whose populations are all legit keeps
 * every modelled resource at or under 0.7 of its capacity, in every phase, on tipline and on naive,
 * as the offered-load forecast computes it from the profile the real server resolves.
 */
class LegitBuiltinsFitIT {
  static final double MAX_UTILISATION = 0.7;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"tipline", "naive"})
  void everyLegitOnlyBuiltinLeavesHeadroomOnEveryResource(String profile) {
    List<Scenario> legitOnly = Scenarios.builtinNames().stream().map(Scenarios::builtin)
        .filter(s -> s.populations().stream().allMatch(p -> p.truth() == Truth.LEGIT)).toList();
    assertThat(legitOnly).extracting(Scenario::name).contains("baseline", "baseline-smoke");
    for (Scenario s : legitOnly) {
      ServerProfileInfo info = ServerProfileInfo.read(CliRunner.serverJar(), profile, s.scale());
      Forecast f = Forecaster.forecast(s, ProfileCapacity.parse(profile, info.capacity()));
      assertThat(f.peakUtilisation()).as("%s on %s:%n%s", s.name(), profile, ForecastText.render(f))
          .isLessThanOrEqualTo(MAX_UTILISATION);
      // a forecast that sees nothing would pass trivially
      assertThat(f.whole().populations().get(0).tipsPerSecond()).isPositive();
      assertThat(f.whole().bottleneck().orElseThrow().utilisation()).isPositive();
    }
  }
}
