package dev.tipflood.loadgen.run;

import dev.tipflood.scenarios.Scenarios;
import dev.tipflood.scenarios.catalogue.Catalogue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The YAML text a scenario came from, copied verbatim into the run directory as {@code scenario.yaml}. */
public final class ScenarioSource {
  private ScenarioSource() {
  }

  /** The text of a built-in scenario, or of the YAML file at {@code nameOrPath}. */
  public static String text(String nameOrPath) {
    if (Scenarios.builtinNames().contains(nameOrPath)) {
      return Catalogue.yaml(nameOrPath).orElseThrow();
    }
    try {
      return Files.readString(Path.of(nameOrPath));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + nameOrPath, e);
    }
  }
}
