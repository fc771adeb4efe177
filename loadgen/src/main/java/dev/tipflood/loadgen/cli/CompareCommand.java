package dev.tipflood.loadgen.cli;

import dev.tipflood.loadgen.run.ExitCodes;
import dev.tipflood.reports.analysis.RunAnalysis;
import dev.tipflood.reports.analysis.RunAnalyzer;
import dev.tipflood.reports.compare.CompareFiles;
import dev.tipflood.reports.compare.Comparison;
import dev.tipflood.reports.compare.ScoreRow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tipflood compare RUN_DIR...}: runs of one scenario side by side. */
@Command(name = "compare", mixinStandardHelpOptions = true,
    description = "Put runs of one scenario side by side (typically one per profile): the ground-truth scorecard as one "
        + "table with the differences highlighted, the SLO verdicts and overlaid charts. Writes compare.html and "
        + "compare.json; prints the figures that differ.")
final class CompareCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(arity = "2..*", paramLabel = "RUN_DIR", description = "Two or more run directories of one scenario.")
  List<Path> runDirs = new ArrayList<>();

  @Option(names = "--out", paramLabel = "DIR", defaultValue = ".",
      description = "Write compare.html and compare.json here (default: the current directory).")
  Path out;

  @Override
  public Integer call() {
    List<RunAnalysis> analyses = new ArrayList<>();
    for (Path p : runDirs) {
      analyses.add(RunAnalyzer.analyze(p));
    }
    Comparison c = Comparison.of(analyses);
    CompareFiles.write(c, out);
    var o = spec.commandLine().getOut();
    o.println("Compared " + c.runs().size() + " runs of " + c.scenario() + ": " + String.join(", ", c.labels()));
    for (ScoreRow r : c.rows()) {
      if (r.differs()) {
        o.println("  differs: " + r.title() + ": best " + c.labels().get(r.best()) + ", worst " + c.labels().get(r.worst()));
      }
    }
    o.println("Comparison: " + out.resolve(CompareFiles.HTML));
    o.println("JSON: " + out.resolve(CompareFiles.JSON));
    o.flush();
    return ExitCodes.OK;
  }
}
