package dev.tipflood.loadgen.cli;

import dev.tipflood.loadgen.run.ScenarioSource;
import dev.tipflood.scenarios.Scenarios;
import dev.tipflood.scenarios.model.Scenario;
import dev.tipflood.units.Durations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The scenario argument and its overrides, shared by run and corpus. */
final class ScenarioOptions {
  @Parameters(index = "0", paramLabel = "SCENARIO", description = "A built-in scenario name (see `tipflood scenarios`) or a YAML file.")
  String scenario;

  @Option(names = "--duration", paramLabel = "D", description = "Override the scenario's duration, e.g. 60s, 2m.")
  String duration;

  @Option(names = "--scale", paramLabel = "S", description = "Override the similarity scale, 0 < S <= 1.")
  Double scale;

  @Option(names = "--seed", paramLabel = "N", description = "Override the seed.")
  Long seed;

  Duration durationOverride() {
    return duration == null ? null : Durations.parse(duration);
  }

  /** The scenario with overrides applied (each validated by the scenarios module). */
  Scenario resolve() {
    Scenario s = Scenarios.resolve(scenario);
    if (duration != null) {
      s = s.withDuration(durationOverride());
    }
    if (scale != null) {
      s = s.withScale(scale);
    }
    if (seed != null) {
      s = s.withSeed(seed);
    }
    return s;
  }

  /**
   * The profile to use, {@code explicit} (from the command line) or else the scenario's. One that
   * names a file becomes an absolute path: given on the command line it is relative to the working
   * directory, written in a scenario file relative to that file.
   */
  String profilePath(String explicit, Scenario resolved) {
    String p = explicit != null ? explicit : resolved.profile();
    Path asGiven = Path.of(p);
    if (Files.isRegularFile(asGiven)) {
      return asGiven.toAbsolutePath().toString();
    }
    Path scenarioFile = Path.of(scenario);
    if (explicit == null && Files.isRegularFile(scenarioFile)) {
      Path besideScenario = scenarioFile.toAbsolutePath().getParent().resolve(p);
      if (Files.isRegularFile(besideScenario)) {
        return besideScenario.toString();
      }
    }
    return p;
  }

  /** The YAML text the scenario came from. */
  String source() {
    return ScenarioSource.text(scenario);
  }
}
