package dev.tipflood.loadgen.testing;

import dev.tipflood.loadgen.run.RunOptions;
import dev.tipflood.loadgen.run.RunOrchestrator;
import dev.tipflood.loadgen.run.RunOutcome;
import dev.tipflood.loadgen.run.ScenarioSource;
import dev.tipflood.reports.analysis.RunAnalyzer;
import dev.tipflood.scenarios.model.Scenario;
import dev.tipflood.scenarios.Scenarios;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Runs a scenario from a test, in this JVM, the way {@code tipflood run} does (the server and
 * Gatling as child JVMs, a run directory with its reports), and hands back its verdicts.
 *
 * <pre>{@code
 * @Test
 * void theTipLineHoldsAGentleDay(@TempDir Path dir) throws Exception {
 *   TipfloodResult r = TipfloodRun.scenario("baseline-smoke").profile("tipline")
 *       .duration(Duration.ofSeconds(20)).out(dir).run();
 *   r.assertCompleted().assertSlosPass();
 *   r.assertNoRegression(Path.of("ci/baseline-summary.json"));
 * }
 * }</pre>
 *
 * Only the embedded server is driven (loopback); the load is bounded by the scenario's duration,
 * the grace and the run's hard stop.
 */
public final class TipfloodRun {
  private final String scenario;
  private String profile;
  private Duration duration;
  private Double scale;
  private Long seed;
  private Path out = Path.of("target", "tipflood-runs");
  private Path serverJar;
  private Duration grace = Duration.ofSeconds(10);
  private String gatlingHeap = "512m";
  private PrintStream console = new PrintStream(OutputStream.nullOutputStream());

  private TipfloodRun(String scenario) {
    this.scenario = Objects.requireNonNull(scenario, "scenario");
  }

  /** A built-in scenario name ({@code smoke}, {@code baseline-smoke}, ...) or a YAML file. */
  public static TipfloodRun scenario(String nameOrFile) {
    return new TipfloodRun(nameOrFile);
  }

  /** Server profile name or YAML file, instead of the scenario's. */
  public TipfloodRun profile(String p) {
    this.profile = p;
    return this;
  }

  public TipfloodRun duration(Duration d) {
    this.duration = d;
    return this;
  }

  public TipfloodRun scale(double s) {
    this.scale = s;
    return this;
  }

  public TipfloodRun seed(long s) {
    this.seed = s;
    return this;
  }

  /** Parent of the run directory (default {@code target/tipflood-runs}); the corpus cache goes to {@code <out>/.corpus}. */
  public TipfloodRun out(Path dir) {
    this.out = Objects.requireNonNull(dir, "out");
    return this;
  }

  /** The server jar (default: located as {@code tipflood run} does, docs/cli.md). */
  public TipfloodRun serverJar(Path jar) {
    this.serverJar = jar;
    return this;
  }

  /** Time after the schedule for answers still in flight (default 10 s). */
  public TipfloodRun grace(Duration g) {
    this.grace = Objects.requireNonNull(g, "grace");
    return this;
  }

  /** Heap of the Gatling JVM (default 512m). */
  public TipfloodRun gatlingHeap(String size) {
    this.gatlingHeap = Objects.requireNonNull(size, "gatlingHeap");
    return this;
  }

  /** Where the progress line and summary go (default: nowhere). */
  public TipfloodRun console(PrintStream stream) {
    this.console = Objects.requireNonNull(stream, "console");
    return this;
  }

  /**
   * Runs the scenario and analyses its run directory. Throws what {@code tipflood run} would
   * report as an error (an invalid scenario, a server that does not start); a run that completes
   * with failed SLOs is a normal result, to be asserted on.
   */
  public TipfloodResult run() throws InterruptedException {
    Scenario s = Scenarios.resolve(scenario);
    if (duration != null) {
      s = s.withDuration(duration);
    }
    if (scale != null) {
      s = s.withScale(scale);
    }
    if (seed != null) {
      s = s.withSeed(seed);
    }
    if (profile != null) {
      s = s.withProfile(profile);
    }
    RunOptions opts = new RunOptions(scenario, profile, null, out, duration, scale, seed, serverJar, out.resolve(".corpus"),
        "-Xmx" + gatlingHeap, grace, List.of(), List.of(), "TipfloodRun.scenario(\"" + scenario + "\")");
    RunOutcome outcome = new RunOrchestrator(console, console).run(s, ScenarioSource.text(scenario), opts);
    if (outcome.runDir() == null) {
      throw new IllegalStateException("the run made no run directory: " + outcome.message());
    }
    return new TipfloodResult(outcome.exitCode(), outcome.status(), outcome.runDir(), RunAnalyzer.analyze(outcome.runDir()));
  }
}
