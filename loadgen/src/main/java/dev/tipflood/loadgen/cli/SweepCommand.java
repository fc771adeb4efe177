package dev.tipflood.loadgen.cli;

import dev.tipflood.loadgen.forecast.ProfileCapacity;
import dev.tipflood.loadgen.process.ServerJarLocator;
import dev.tipflood.loadgen.process.ServerProfileInfo;
import dev.tipflood.loadgen.run.ExitCodes;
import dev.tipflood.loadgen.run.ScenarioSource;
import dev.tipflood.loadgen.sweep.BreakingPointSearch;
import dev.tipflood.loadgen.sweep.Budget;
import dev.tipflood.loadgen.sweep.ForecastStart;
import dev.tipflood.loadgen.sweep.RunStepRunner;
import dev.tipflood.loadgen.sweep.SearchSettings;
import dev.tipflood.loadgen.sweep.SteadyStep;
import dev.tipflood.loadgen.sweep.StopSignal;
import dev.tipflood.loadgen.sweep.Sweep;
import dev.tipflood.loadgen.sweep.SweepProgress;
import dev.tipflood.loadgen.sweep.SweepReport;
import dev.tipflood.reports.analysis.SloVerdict;
import dev.tipflood.reports.capacity.CapacityFiles;
import dev.tipflood.reports.capacity.CapacityReport;
import dev.tipflood.scenarios.Scenarios;
import dev.tipflood.scenarios.model.Scenario;
import dev.tipflood.units.Durations;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code tipflood sweep SCENARIO --profiles a,b}: the breaking point of each profile, and the capacity report. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
    description = {"Search, for each profile, the largest flood intensity (a multiple of the scenario's junk peak rate) "
        + "at which every judged SLO still holds: bracket from the offered-load forecast, then bisect, each step a short "
        + "steady run on a fresh server. Writes capacity.html and capacity.json into runs/<timestamp>-sweep-<scenario>/; "
        + "each step is an ordinary run directory below it.",
        "Ctrl-C stops the sweep and writes the report from the steps done (exit 130)."})
final class SweepCommand implements Callable<Integer> {
  /** Server and Gatling start-up, drain check and report of one step, beyond its schedule and grace. */
  static final Duration STEP_OVERHEAD = Duration.ofSeconds(25);
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SCENARIO", description = "A built-in scenario name or a YAML file.")
  String scenario;

  @Option(names = "--profiles", required = true, split = ",", paramLabel = "P",
      description = "Server profiles (names or YAML files) to sweep, in this order.")
  List<String> profiles;

  @Option(names = "--budget", paramLabel = "D", defaultValue = "10m",
      description = "Wall time for the whole sweep (default: ${DEFAULT-VALUE}); each profile gets an equal share of what is left.")
  String budget;

  @Option(names = "--warm-up", paramLabel = "D", defaultValue = "5s",
      description = "Steady flood before the legit tips of a step start; discarded (default: ${DEFAULT-VALUE}).")
  String warmUp;

  @Option(names = "--step", paramLabel = "D", defaultValue = "15s",
      description = "Measured part of each step, after the warm-up (default: ${DEFAULT-VALUE}).")
  String step;

  @Option(names = "--legit-rate", paramLabel = "R",
      description = "Legit tips per second in each step (default: the scenario's mean legit rate, at least 1, so a short "
          + "step has legit tips enough for a p99).")
  Double legitRate;

  @Option(names = "--slos", split = ",", paramLabel = "SLO",
      description = "Judge only these SLOs (default: every SLO of the scenario). Valid: legitAcceptP99, legitSuccessRatio, "
          + "legitTimeToReviewP95, junkStorageShareMax.")
  List<String> slos = new ArrayList<>();

  @Option(names = "--start", paramLabel = "X",
      description = "Start the bracketing at this intensity instead of the forecast's.")
  Double start;

  @Option(names = "--scale", paramLabel = "S", description = "Override the similarity scale, 0 < S <= 1.")
  Double scale;

  @Option(names = "--seed", paramLabel = "N", description = "Override the seed.")
  Long seed;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "runs", description = "Parent of the sweep directory (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--server-jar", paramLabel = "JAR", description = "tipflood-server.jar to start (default: located).")
  Path serverJar;

  @Option(names = "--corpus-cache", paramLabel = "DIR", description = "Corpus cache root (default: <out>/.corpus).")
  Path corpusCache;

  @Override
  public Integer call() throws Exception {
    Duration total = duration("--budget", budget);
    SteadyStep shape;
    Scenario base = Scenarios.resolve(scenario);
    base = scale == null ? base : base.withScale(scale);
    base = seed == null ? base : base.withSeed(seed);
    for (String s : slos) {
      if (!SloVerdict.NAMES.contains(s)) {
        throw usage("--slos: unknown SLO '" + s + "'; valid: " + String.join(", ", SloVerdict.NAMES));
      }
    }
    if (legitRate != null && !(legitRate > 0)) {
      throw usage("--legit-rate must be > 0 tips/s, was " + legitRate);
    }
    if (start != null && !(start > 0)) {
      throw usage("--start must be > 0, was " + start);
    }
    try {
      shape = new SteadyStep(duration("--warm-up", warmUp), duration("--step", step),
          legitRate != null ? legitRate : SteadyStep.legitRate(base, 1.0));
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
    if (SteadyStep.junkPeak(base) <= 0) {
      throw usage("scenario " + base.name() + " has no junk population with a rate above 0: there is no flood to sweep");
    }
    Duration estimate = shape.duration().plus(stepGrace()).plus(STEP_OVERHEAD);
    Duration needed = estimate.multipliedBy(profiles.size());
    if (total.compareTo(needed) < 0) {
      throw usage(String.format(Locale.ROOT, "--budget %s is too small: one step takes about %s (%s warm-up + %s "
          + "measured + up to %s drain + ~%s start-up and report), so %d profile%s need at least %s", budget,
          Durations.format(estimate), warmUp, step, Durations.format(stepGrace()), Durations.format(STEP_OVERHEAD),
          profiles.size(), profiles.size() == 1 ? "" : "s", Durations.format(needed)));
    }
    Path jar = ServerJarLocator.locate(serverJar);
    Map<String, Double> starts = new LinkedHashMap<>();
    List<String> resolved = new ArrayList<>();
    for (String p : profiles) {
      String profile = Files.isRegularFile(Path.of(p)) ? Path.of(p).toAbsolutePath().toString() : p;
      ServerProfileInfo info = ServerProfileInfo.read(jar, profile, base.scale()); // unknown profile: exit 3
      SearchSettings defaults = SearchSettings.defaults(estimate);
      starts.put(profile, start != null ? start : defaults.clamp(ForecastStart.intensity(base, shape,
          ProfileCapacity.parse(profile, info.capacity()), 1.0)));
      resolved.add(profile);
    }
    Path dir = sweepDirectory(base.name());
    PrintWriter o = spec.commandLine().getOut();
    o.printf(Locale.ROOT, "tipflood sweep %s over %s, budget %s: intensity 1x = %.3f junk tips/s; at 1x each step is %s%n",
        base.name(), String.join(", ", resolved), budget, SteadyStep.junkPeak(base), shape.describe(base, 1));
    starts.forEach((p, x) -> o.printf(Locale.ROOT, "  %s starts at %s (%s)%n", p, CapacityReport.times(x),
        start != null ? "--start" : "offered-load forecast"));
    o.println("  sweep directory " + dir + " (the runs' own output: steps.log)");
    o.flush();
    return sweep(base, shape, dir, jar, resolved, starts, total, estimate);
  }

  private int sweep(Scenario base, SteadyStep shape, Path dir, Path jar, List<String> resolved, Map<String, Double> starts,
                    Duration total, Duration estimate) throws IOException {
    StopSignal stop = new StopSignal();
    Thread main = Thread.currentThread();
    CountDownLatch reported = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      stop.request();
      main.interrupt();
      try {
        reported.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "tipflood-sweep-interrupted");
    Runtime.getRuntime().addShutdownHook(hook);
    Clock clock = Clock.systemUTC();
    Budget overall = Budget.of(total, clock);
    PrintWriter o = spec.commandLine().getOut();
    try (PrintStream log = new PrintStream(new FileOutputStream(dir.resolve("steps.log").toFile()), true,
        StandardCharsets.UTF_8)) {
      RunStepRunner runner = new RunStepRunner(base, ScenarioSource.text(scenario), shape, dir, jar,
          corpusCache == null ? out.resolve(".corpus") : corpusCache, stepGrace(), java.util.Set.copyOf(slos), log);
      SweepProgress progress = new SweepProgress(o, SteadyStep.junkPeak(base), overall);
      BreakingPointSearch search = new BreakingPointSearch(progress.announcing(runner), SearchSettings.defaults(estimate),
          stop, progress);
      Sweep.Result result = new Sweep(search, stop, clock).run(resolved, starts::get, total);
      Thread.interrupted(); // a Ctrl-C interrupt must not break the writing of the report
      CapacityReport report = SweepReport.of(base, shape, slos.isEmpty() ? SloVerdict.NAMES : slos, total, result);
      CapacityFiles.write(report, dir);
      o.println((result.interrupted() ? "INTERRUPTED; from the steps done: " : "") + report.statement());
      o.println("Capacity report: " + dir.resolve(CapacityReport.HTML));
      o.printf(Locale.ROOT, "Sweep took %ds of its %ds budget%n", result.wall().toSeconds(), total.toSeconds());
      o.flush();
      return result.interrupted() ? ExitCodes.INTERRUPTED : ExitCodes.OK;
    } finally {
      reported.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // Ctrl-C: the hook is running and has been released.
      }
    }
  }

  /** How long a step drains after its schedule: a legit tip open longer than this broke the latency SLO anyway. */
  private static Duration stepGrace() {
    return Duration.ofSeconds(10);
  }

  private Path sweepDirectory(String name) throws IOException {
    Files.createDirectories(out);
    String stem = STAMP.format(Instant.now()) + "-sweep-" + name;
    Path dir = out.resolve(stem);
    for (int i = 2; Files.exists(dir); i++) {
      dir = out.resolve(stem + "-" + i);
    }
    return Files.createDirectory(dir).toAbsolutePath();
  }

  private Duration duration(String option, String value) {
    try {
      return Durations.parse(value);
    } catch (RuntimeException e) {
      throw usage(option + ": '" + value + "' is not a duration such as 30s, 10m or 1h");
    }
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }
}
