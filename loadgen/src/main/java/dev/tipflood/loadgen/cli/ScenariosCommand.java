package dev.tipflood.loadgen.cli;

import dev.tipflood.loadgen.run.ExitCodes;
import dev.tipflood.scenarios.Scenarios;
import dev.tipflood.scenarios.model.Scenario;
import dev.tipflood.units.Durations;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tipflood scenarios}: the built-in catalogue. */
@Command(name = "scenarios", mixinStandardHelpOptions = true, description = "List the built-in scenarios with their descriptions.")
final class ScenariosCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    for (String name : Scenarios.builtinNames()) {
      Scenario s = Scenarios.builtin(name);
      out.printf("%s  (%s, profile %s, scale %s, %d populations)%n", name, Durations.format(s.duration()), s.profile(),
          s.scale(), s.populations().size());
      for (String line : s.description().strip().split("\n")) {
        out.println("    " + line.strip());
      }
      out.println();
    }
    out.flush();
    return ExitCodes.OK;
  }
}
