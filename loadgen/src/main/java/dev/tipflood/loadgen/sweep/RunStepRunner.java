package dev.tipflood.loadgen.sweep;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tipflood.loadgen.run.ExitCodes;
import dev.tipflood.loadgen.run.RunOptions;
import dev.tipflood.loadgen.run.RunOrchestrator;
import dev.tipflood.loadgen.run.RunOutcome;
import dev.tipflood.reports.analysis.RunAnalysis;
import dev.tipflood.reports.analysis.RunAnalyzer;
import dev.tipflood.reports.capacity.CapacityPoint;
import dev.tipflood.reports.rundir.RunDirectoryException;
import dev.tipflood.scenarios.model.Scenario;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Runs a sweep step as an ordinary {@code tipflood run}: its own run directory under
 * {@code <sweep>/<profile>/}, a fresh server child and data directory, the steady load of
 * {@link SteadyStep}, and the run's own analysis for the verdict. The run's output goes to the
 * sweep's {@code steps.log}; {@code sweep-step.json} in the run directory says what the step was.
 */
public final class RunStepRunner implements StepRunner {
  /** Written into each step's run directory. */
  public static final String STEP_FILE = "sweep-step.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Scenario base;
  private final String source;
  private final SteadyStep step;
  private final Path sweepDir;
  private final Path serverJar;
  private final Path corpusCache;
  private final Duration grace;
  private final Set<String> judged;
  private final PrintStream log;
  private final java.util.Map<String, Integer> stepsByProfile = new java.util.HashMap<>();

  /**
   * @param base        the scenario as resolved (with scale and seed overrides)
   * @param source      its YAML text
   * @param grace       how long each step drains after its schedule; a legit tip still open then is lost
   * @param judged      the SLOs that decide the verdict (empty: all)
   * @param log         where the runs' own output goes
   */
  public RunStepRunner(Scenario base, String source, SteadyStep step, Path sweepDir, Path serverJar, Path corpusCache,
                       Duration grace, Set<String> judged, PrintStream log) {
    this.base = base;
    this.source = source;
    this.step = step;
    this.sweepDir = sweepDir;
    this.serverJar = serverJar;
    this.corpusCache = corpusCache;
    this.grace = grace;
    this.judged = Set.copyOf(judged);
    this.log = log;
  }

  @Override
  public CapacityPoint run(String profile, double intensity) throws InterruptedException {
    int number = stepsByProfile.merge(profile, 1, Integer::sum);
    Scenario s = step.scenario(base, intensity).withProfile(profile);
    String header = "# tipflood sweep step " + number + " on " + profile + ": " + step.describe(base, intensity) + ".\n"
        + "# The scenario below is the one swept; the step replaced its arrivals as said (docs/capacity.md).\n";
    RunOptions opts = new RunOptions(base.name(), profile, null, sweepDir.resolve(profile), step.duration(), null, null,
        serverJar, corpusCache, "-Xmx1g", grace, List.of(), List.of(), "tipflood sweep (step " + number + ")");
    log.println("== step " + number + " on " + profile + ": " + step.describe(base, intensity));
    RunOutcome outcome = new RunOrchestrator(log, log).run(s, header + source, opts);
    log.flush();
    if (outcome.runDir() == null) {
      return failed(intensity, outcome.message());
    }
    writeStepFile(outcome.runDir(), number, profile, intensity);
    String failure = outcome.exitCode() == ExitCodes.OK ? null : outcome.status() + ": " + outcome.message();
    try {
      RunAnalysis a = RunAnalyzer.analyze(outcome.runDir());
      return CapacityPoint.of(a, intensity, intensity * SteadyStep.junkPeak(base), step.warmUp().toMillis() / 1000.0,
          judged, failure);
    } catch (RunDirectoryException | UncheckedIOException e) {
      return failed(intensity, "no analysis: " + e.getMessage());
    }
  }

  private CapacityPoint failed(double intensity, String why) {
    double nan = Double.NaN;
    return new CapacityPoint(intensity, intensity * SteadyStep.junkPeak(base), nan, nan, nan, nan, nan, false,
        List.of(why), null);
  }

  private void writeStepFile(Path runDir, int number, String profile, double intensity) {
    ObjectNode n = JSON.createObjectNode();
    n.put("step", number).put("profile", profile).put("intensity", intensity)
        .put("junkTipsPerSecond", intensity * SteadyStep.junkPeak(base)).put("legitTipsPerSecond", step.legitRate())
        .put("warmUpSeconds", step.warmUp().toSeconds()).put("measuredSeconds", step.measured().toSeconds());
    try {
      JSON.writerWithDefaultPrettyPrinter().writeValue(runDir.resolve(STEP_FILE).toFile(), n);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + runDir.resolve(STEP_FILE), e);
    }
  }
}
