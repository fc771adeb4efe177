package dev.tipflood.loadgen.cli;

import dev.tipflood.loadgen.run.ExitCodes;
import dev.tipflood.scenarios.model.Scenario;
import dev.tipflood.scenarios.validate.ScenarioException;
import dev.tipflood.scenarios.Scenarios;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tipflood validate FILE...}: every error of every file, then exit 3 if any. */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Validate scenario files; print every error with file, line, column, field, bad value and what is valid.")
final class ValidateCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Scenario YAML files.")
  List<Path> files;

  @Override
  public Integer call() {
    int code = ExitCodes.OK;
    for (Path f : files) {
      try {
        Scenario s = Scenarios.load(f);
        spec.commandLine().getOut().println(f + ": OK (" + s.name() + ", " + s.populations().size() + " populations)");
      } catch (ScenarioException e) {
        spec.commandLine().getErr().println(e.getMessage());
        code = ExitCodes.INVALID_SCENARIO;
      }
    }
    spec.commandLine().getOut().flush();
    spec.commandLine().getErr().flush();
    return code;
  }
}
