package dev.tipflood.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tipflood.scenarios.validate.ScenarioException;

/**
 * Coverage-guided fuzzing of the scenario loader (Jazzer): any YAML text loads into a scenario or
 * fails with a {@link ScenarioException} that names the source; no other exception, no hang.
 * Regression inputs (the built-in scenarios as seeds, and every finding):
 * {@code ScenarioLoaderFuzzTestInputs/}.
 */
class ScenarioLoaderFuzzTest {
  @FuzzTest(maxDuration = "10s")
  void anyYamlLoadsOrFailsWithANamedError(FuzzedDataProvider data) {
    String yaml = data.consumeRemainingAsString();
    try {
      Scenarios.parse(yaml, "fuzz.yaml");
    } catch (ScenarioException e) {
      assertThat(e.getMessage()).contains("fuzz.yaml");
    }
  }
}
