package dev.tipflood.loadgen.cli;

import dev.tipflood.loadgen.measure.WarmUpNote;
import dev.tipflood.loadgen.plan.LoadPlan;
import dev.tipflood.loadgen.plan.LoadPlanFiles;
import dev.tipflood.loadgen.run.ExitCodes;
import dev.tipflood.loadgen.run.RunDirectory;
import dev.tipflood.loadgen.run.RunOrchestrator;
import dev.tipflood.loadgen.run.RunSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tipflood summarize RUN_DIR}: the per-class summary of a finished run, again. */
@Command(name = "summarize", mixinStandardHelpOptions = true,
    description = "Print the per-class summary of a run directory from its client interval logs.")
final class SummarizeCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A run directory (runs/<timestamp>-<scenario>).")
  Path runDir;

  @Option(names = "--skip", paramLabel = "SECONDS", defaultValue = "0",
      description = "Leave out the intervals of the first SECONDS (warm-up) (default: ${DEFAULT-VALUE}).")
  double skip;

  @Option(names = "--server", description = "Also print the server-side latency per class from server/histograms.hlog.")
  boolean server;

  @Override
  public Integer call() {
    RunDirectory dir = new RunDirectory(runDir.toAbsolutePath());
    if (!Files.isRegularFile(dir.plan())) {
      spec.commandLine().getErr().println("tipflood: " + runDir + " is not a run directory (no plan.json)");
      spec.commandLine().getErr().flush();
      return ExitCodes.MISSING_FILE;
    }
    LoadPlan plan = LoadPlanFiles.read(dir.plan());
    spec.commandLine().getOut().print(RunSummary.read(plan, dir.clientCorrected(), dir.clientRaw(), skip)
        .withProgress(RunOrchestrator.lastJsonLine(dir.clientProgress())).text());
    WarmUpNote.of(dir.clientCorrected().resolveSibling("warmup.json"), skip).ifPresent(spec.commandLine().getOut()::println);
    if (server) {
      RunSummary.totals(dir.serverHistograms(), skip).forEach((k, h) -> spec.commandLine().getOut().printf(
          "server %s: n=%d p50 %.1fms p99 %.1fms max %.1fms%n", k.tag(), h.getTotalCount(),
          h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(99) / 1e3, h.getMaxValue() / 1e3));
    }
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
