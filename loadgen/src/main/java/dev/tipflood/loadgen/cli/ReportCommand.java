package dev.tipflood.loadgen.cli;

import dev.tipflood.loadgen.run.ExitCodes;
import dev.tipflood.reports.Reports;
import dev.tipflood.reports.analysis.Headline;
import dev.tipflood.reports.analysis.RunAnalysis;
import dev.tipflood.reports.analysis.RunAnalyzer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tipflood report RUN_DIR}: report.html, summary.json and junit.xml again, from the run directory's files. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Write report.html, summary.json and junit.xml of a run directory from its files alone.")
final class ReportCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A run directory (runs/<timestamp>-<scenario>).")
  Path runDir;

  @Option(names = "--out", paramLabel = "DIR", description = "Write the reports here instead of into RUN_DIR.")
  Path out;

  @Option(names = "--fail-on-slo", description = "Exit 9 when an SLO failed.")
  boolean failOnSlo;

  @Override
  public Integer call() throws Exception {
    RunAnalysis a = RunAnalyzer.analyze(runDir);
    Path target = out == null ? runDir : out;
    Files.createDirectories(target);
    Reports.write(a, target);
    var o = spec.commandLine().getOut();
    o.println(Headline.of(a));
    o.println("Report: " + target.resolve(Reports.HTML));
    o.println("Summary: " + target.resolve(Reports.SUMMARY));
    o.println("JUnit XML: " + target.resolve(Reports.JUNIT));
    o.flush();
    return failOnSlo && !a.slosPassed() ? ExitCodes.SLO_FAILED : ExitCodes.OK;
  }
}
