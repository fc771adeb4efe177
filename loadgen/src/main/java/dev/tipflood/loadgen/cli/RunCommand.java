package dev.tipflood.loadgen.cli;

import dev.tipflood.loadgen.run.ExitCodes;
import dev.tipflood.loadgen.run.RunOptions;
import dev.tipflood.loadgen.run.RunOrchestrator;
import dev.tipflood.loadgen.run.RunOutcome;
import dev.tipflood.loadgen.target.TargetSafety;
import dev.tipflood.reports.Reports;
import dev.tipflood.reports.json.SummaryJson;
import dev.tipflood.scenarios.model.Scenario;
import dev.tipflood.scenarios.model.Target;
import dev.tipflood.units.Durations;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tipflood run SCENARIO}: one flood, from scenario to run directory. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Run a scenario: generate or reuse its media corpus, start tipflood-server as a child JVM "
        + "(unless --target is given), drive the load with Gatling, record client and server measurements "
        + "into runs/<timestamp>-<scenario>/, stop the server, print a per-class summary."})
final class RunCommand implements Callable<Integer> {
  @Mixin
  ScenarioOptions scenario;

  @Option(names = "--profile", paramLabel = "P", description = "Server profile name or YAML file (overrides the scenario's).")
  String profile;

  @Option(names = "--target", paramLabel = "URL", description = "Drive an already running service instead of starting one. "
      + "Only loopback unless --i-own-this-target.")
  String target;

  @Option(names = "--i-own-this-target", description = "Confirm that a non-loopback --target is yours to flood.")
  boolean ownTarget;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "runs", description = "Parent of run directories (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--server-jar", paramLabel = "JAR", description = "tipflood-server.jar to start (default: located, see docs/cli.md).")
  Path serverJar;

  @Option(names = "--corpus-cache", paramLabel = "DIR", description = "Corpus cache root (default: <out>/.corpus).")
  Path corpusCache;

  @Option(names = "--gatling-heap", paramLabel = "SIZE", defaultValue = "1g", description = "Heap of the Gatling JVM (default: ${DEFAULT-VALUE}).")
  String gatlingHeap;

  @Option(names = "--grace", paramLabel = "D|auto", defaultValue = "auto",
      description = "How long the run drains after the schedule: until every started tip has an outcome, at most this "
          + "long; a tip still open then is counted lost. 'auto' (default): the longest a tip can take under its own "
          + "client's timeout and retries, at most 10m.")
  String grace;

  @Option(names = "--server-jvm-arg", paramLabel = "ARG", description = "Extra JVM argument for the server child (repeatable).")
  List<String> serverJvmArgs = new ArrayList<>();

  @Option(names = "--fail-on-slo", description = "Exit 9 when the run completed but an SLO of the scenario failed "
      + "(by default the exit status says only whether the tool worked).")
  boolean failOnSlo;

  @Option(names = "--gatling-jvm-arg", paramLabel = "ARG", description = "Extra JVM argument for the Gatling child (repeatable).")
  List<String> gatlingJvmArgs = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    Scenario s = scenario.resolve();
    s = s.withProfile(scenario.profilePath(profile, s));
    URI targetUri = null;
    if (target != null) {
      targetUri = TargetSafety.check(target, ownTarget);
    } else if (!s.target().isEmbedded()) {
      targetUri = TargetSafety.check(s.target().url().orElseThrow().toString(), ownTarget);
    }
    if (targetUri != null) {
      if (!TargetSafety.isLoopback(targetUri)) {
        System.err.println(TargetSafety.warning(targetUri));
      }
      RunOrchestrator.requireReachable(targetUri);
      s = s.withTarget(new Target(java.util.Optional.of(targetUri)));
    }
    RunOptions opts = new RunOptions(scenario.scenario, profile, targetUri, out, scenario.durationOverride(),
        scenario.scale, scenario.seed, serverJar, corpusCache == null ? out.resolve(".corpus") : corpusCache,
        "-Xmx" + gatlingHeap, "auto".equals(grace) ? null : Durations.parse(grace), serverJvmArgs, gatlingJvmArgs,
        commandLine());
    RunOutcome outcome = new RunOrchestrator(System.out, System.err).run(s, scenario.source(), opts);
    if (failOnSlo && outcome.exitCode() == ExitCodes.OK && outcome.runDir() != null && slosFailed(outcome.runDir())) {
      return ExitCodes.SLO_FAILED;
    }
    return outcome.exitCode();
  }

  /** From the summary.json the run just wrote; a run without one (the report failed) counts as failed. */
  static boolean slosFailed(Path runDir) {
    try {
      return !SummaryJson.read(runDir.resolve(Reports.SUMMARY)).path("slosPassed").asBoolean(false);
    } catch (java.io.IOException e) {
      System.err.println("tipflood: --fail-on-slo: cannot read " + runDir.resolve(Reports.SUMMARY) + ": " + e.getMessage());
      return true;
    }
  }

  private static String commandLine() {
    return ProcessHandle.current().info().commandLine().orElse("tipflood run");
  }
}
