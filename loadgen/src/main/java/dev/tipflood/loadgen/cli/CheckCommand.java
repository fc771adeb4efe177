package dev.tipflood.loadgen.cli;

import dev.tipflood.loadgen.run.ExitCodes;
import dev.tipflood.reports.check.Baseline;
import dev.tipflood.reports.check.CheckResult;
import dev.tipflood.reports.check.Gate;
import dev.tipflood.reports.check.Tolerances;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tipflood check RUN_DIR --baseline B}: the CI gate. */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = {"Compare a run with a baseline (a run directory or a summary.json): the ground-truth score, legit "
        + "goodput and legit latency percentiles, within tolerances. Prints a table of metric, baseline, now, change and "
        + "tolerance.", "Exit 0: no regression and every SLO passed; 10: a regression; 9: no regression but an SLO failed."})
final class CheckCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "RUN_DIR", description = "The run to check (a run directory or its summary.json).")
  Path run;

  @Option(names = "--baseline", required = true, paramLabel = "B", description = "A run directory or a summary.json.")
  Path baseline;

  @Option(names = "--tolerance", paramLabel = "METRIC=TOL",
      description = "Override a metric's tolerance (repeatable), e.g. legit.p99=50%%+100 (a share of the baseline plus an "
          + "amount in the metric's unit). Metrics and defaults: docs/cli.md.")
  List<String> tolerances = new ArrayList<>();

  @Override
  public Integer call() {
    Tolerances t;
    try {
      t = Tolerances.parse(tolerances);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    CheckResult r = Gate.compare(Baseline.load(baseline), Baseline.load(run), t);
    spec.commandLine().getOut().print(r.table());
    spec.commandLine().getOut().flush();
    if (r.regressed()) {
      return ExitCodes.REGRESSION;
    }
    return r.slosFailed() ? ExitCodes.SLO_FAILED : ExitCodes.OK;
  }
}
