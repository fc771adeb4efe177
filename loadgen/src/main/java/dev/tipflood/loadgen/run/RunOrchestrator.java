package dev.tipflood.loadgen.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tipflood.loadgen.client.UserStartSchedule;
import dev.tipflood.loadgen.forecast.Forecast;
import dev.tipflood.loadgen.forecast.ForecastJson;
import dev.tipflood.loadgen.forecast.ForecastText;
import dev.tipflood.loadgen.forecast.Forecaster;
import dev.tipflood.loadgen.forecast.ProfileCapacity;
import dev.tipflood.loadgen.measure.WarmUpNote;
import dev.tipflood.loadgen.plan.DrainBound;
import dev.tipflood.loadgen.plan.LoadPlan;
import dev.tipflood.loadgen.plan.LoadPlanFiles;
import dev.tipflood.loadgen.plan.PopulationPlan;
import dev.tipflood.loadgen.plan.ScenarioPlanner;
import dev.tipflood.loadgen.process.ChildProcess;
import dev.tipflood.loadgen.process.GatlingProcess;
import dev.tipflood.loadgen.process.ServerJarLocator;
import dev.tipflood.loadgen.process.ServerProcess;
import dev.tipflood.loadgen.process.ServerProfileInfo;
import dev.tipflood.loadgen.run.ExitCodes;
import dev.tipflood.reports.Reports;
import dev.tipflood.reports.analysis.Headline;
import dev.tipflood.reports.analysis.RunAnalysis;
import dev.tipflood.reports.rundir.RunDirectoryException;
import dev.tipflood.scenarios.corpus.CorpusManifest;
import dev.tipflood.scenarios.corpus.MediaCorpus;
import dev.tipflood.scenarios.model.Scenario;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.OptionalInt;

/**
 * Runs a resolved scenario: corpus, plan, server child (unless a target is given), Gatling
 * child, one-second polling and progress, then the summary. The server is stopped in a
 * {@code finally} (and by {@link ChildProcess}'s shutdown hook on Ctrl-C), whatever happens.
 */
public final class RunOrchestrator {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final PrintStream out;
  private final PrintStream err;

  public RunOrchestrator(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  /**
   * @param scenario the scenario with overrides applied
   * @param source   its YAML text, copied into the run directory
   */
  public RunOutcome run(Scenario scenario, String source, RunOptions opts) throws InterruptedException {
    Instant started = Instant.now();
    RunDirectory dir = RunDirectory.create(opts.outDir(), scenario.name(), started);
    Manifest manifest = new Manifest(opts.commandLine(), started);
    writeString(dir.scenarioSource(), source);
    describeScenario(manifest, scenario, opts);
    manifest.write(dir.manifest());
    out.println("tipflood: run directory " + dir.root());
    // Ctrl-C: the children are stopped by their own hooks; this one leaves an honest manifest.
    Thread interrupted = new Thread(() -> {
      manifest.finish("interrupted", 130, Instant.now());
      manifest.write(dir.manifest());
    }, "tipflood-interrupted");
    Runtime.getRuntime().addShutdownHook(interrupted);
    try {
      return runIn(dir, manifest, scenario, opts);
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(interrupted);
      } catch (IllegalStateException shuttingDown) {
        // The hook is running: the manifest says "interrupted".
      }
    }
  }

  private RunOutcome runIn(RunDirectory dir, Manifest manifest, Scenario scenario, RunOptions opts)
      throws InterruptedException {

    out.println("tipflood: media corpus for " + scenario.name() + " (cache " + opts.corpusCache() + ") ...");
    CorpusManifest corpus = MediaCorpus.generate(scenario, opts.corpusCache());
    manifest.section("corpus").put("directory", corpus.directory().toAbsolutePath().toString()).put("key", corpus.key())
        .put("files", corpus.files().size()).put("bytes", corpus.totalBytes());

    ServerProcess server = null;
    ServerPoller poller = null;
    RunOutcome outcome;
    try {
      URI base;
      if (opts.target() == null) {
        Path jar = ServerJarLocator.locate(opts.serverJar());
        ServerProfileInfo profile = ServerProfileInfo.read(jar, scenario.profile(), scenario.scale());
        JSON.writerWithDefaultPrettyPrinter().writeValue(dir.serverProfile().toFile(), profile.json());
        forecast(scenario, profile, dir);
        String token = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        out.println("tipflood: starting tipflood-server (" + scenario.profile() + ", " + profile.xmx() + ") ...");
        server = ServerProcess.start(new ServerProcess.Spec(jar, scenario.profile(), scenario.scale(), profile.xmx(),
            dir.serverData(), token, dir.serverStdout(), dir.serverStderr(), opts.serverJvmArgs()), Duration.ofSeconds(60));
        base = server.publicUri();
        manifest.section("server").put("jar", jar.toString()).put("profile", scenario.profile())
            .put("heap", profile.xmx()).put("pid", server.pid()).put("publicUrl", base.toString())
            .put("adminUrl", server.adminUri("").toString());
        ServerProcess s = server;
        poller = new ServerPoller(s::adminUri, token, dir.serverHistograms(), dir.serverTimeline(),
            System.currentTimeMillis() - 1000);
        DefenceEventSender.start(scenario, s::adminUri, token, dir.clientProgress(), dir.root().resolve("events.ndjson"));
      } else {
        base = opts.target();
        manifest.section("server").put("externalTarget", base.toString());
      }
      LoadPlan plan = ScenarioPlanner.plan(scenario, corpus, stripSlash(base.toString()), dir.clientDir().toString(), 0);
      plan = plan.withGraceSeconds(opts.grace() != null ? (int) opts.grace().toSeconds()
          : DrainBound.seconds(plan.populations().stream().map(PopulationPlan::client).toList()));
      LoadPlanFiles.write(plan, dir.plan());
      ObjectNode planned = manifest.section("plannedTips");
      plan.populations().forEach(p -> planned.put(p.name(), p.plannedTips()));
      manifest.write(dir.manifest());

      outcome = drive(plan, dir, manifest, opts, server, poller);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (poller != null) {
        if (server != null && server.isAlive()) {
          poller.poll();
        }
        poller.close();
        manifest.section("server").put("polls", poller.polls()).put("pollFailures", poller.failures())
            .put("lastPollError", poller.lastError());
      }
      if (server != null) {
        out.println("tipflood: stopping tipflood-server (pid " + server.pid() + ")");
        server.close();
      }
    }
    return finish(outcome, dir, manifest, scenario, opts);
  }

  private RunOutcome drive(LoadPlan plan, RunDirectory dir, Manifest manifest, RunOptions opts, ServerProcess server,
                           ServerPoller poller)
      throws InterruptedException {
    long hardStopSeconds = UserStartSchedule.LEAD_SECONDS + plan.durationSeconds() + plan.graceSeconds()
        + RunOptions.HARD_STOP_MARGIN_SECONDS;
    out.println("tipflood: driving " + plan.plannedTips() + " tips over " + plan.durationSeconds()
        + " s against " + plan.baseUrl() + ", then draining up to " + plan.graceSeconds()
        + " s until every tip has an outcome (hard stop after " + hardStopSeconds + " s)");
    try (BackgroundPolling polling = BackgroundPolling.start(server, poller);
         ChildProcess gatling = GatlingProcess.start(new GatlingProcess.Spec(dir.plan(), dir.gatlingDir(),
             plan.scenario(), opts.gatlingXmx(), opts.gatlingJvmArgs(), dir.gatlingStdout(), dir.gatlingStderr()))) {
      manifest.section("loadgen").put("pid", gatling.pid()).put("heap", opts.gatlingXmx());
      manifest.write(dir.manifest());
      LoadWatch watch = new LoadWatch(plan, dir.clientProgress(), server, poller, err, System.console() != null);
      OptionalInt exit = watch.untilExit(gatling, hardStopSeconds);
      return outcome(exit, watch.serverDied(), dir);
    }
  }

  private static RunOutcome outcome(OptionalInt exit, boolean serverDied, RunDirectory dir) {
    if (exit.isEmpty()) {
      return new RunOutcome(ExitCodes.LOADGEN_FAILED, "hard-stop", "the load generator was killed at the hard stop",
          dir.root());
    }
    if (serverDied) {
      return new RunOutcome(ExitCodes.SERVER_CRASHED, "server-crashed",
          "tipflood-server died during the run; see " + dir.serverStderr(), dir.root());
    }
    if (exit.getAsInt() != 0) {
      return new RunOutcome(ExitCodes.LOADGEN_FAILED, "loadgen-failed",
          "Gatling exited with " + exit.getAsInt() + "; see " + dir.gatlingStdout(), dir.root());
    }
    return new RunOutcome(ExitCodes.OK, "completed", "run completed", dir.root());
  }

  private RunOutcome finish(RunOutcome outcome, RunDirectory dir, Manifest manifest, Scenario scenario, RunOptions opts) {
    String summary;
    String lost = "";
    try {
      LoadPlan plan = LoadPlanFiles.read(dir.plan());
      RunSummary facts = RunSummary.read(plan, dir.clientCorrected(), dir.clientRaw())
          .withProgress(lastJsonLine(dir.clientProgress()));
      summary = facts.text() + WarmUpNote.of(dir.clientDir().resolve("warmup.json"), 0).map(n -> n + "\n").orElse("");
      ObjectNode lostTips = manifest.section("lostTips");
      facts.facts().values().forEach(f -> lostTips.put(f.name(), f.lost()));
      if (facts.lostTips() > 0) {
        lost = "; " + facts.lostTips() + " tips LOST (" + facts.lostLegitTips() + " legit): no outcome by the end of the "
            + plan.graceSeconds() + " s drain";
      }
    } catch (RuntimeException e) {
      summary = "(no client summary: " + e.getMessage() + ")\n";
    }
    writeString(dir.summary(), summary);
    dir.gatlingReport().ifPresent(r -> manifest.root().put("gatlingReport", dir.root().relativize(r).toString()));
    readJson(dir.clientShaping()).ifPresent(s -> manifest.root().set("shaping", s));
    manifest.finish(outcome.status(), outcome.exitCode(), Instant.now());
    manifest.write(dir.manifest());
    out.println();
    out.println("== " + scenario.name() + " on " + (opts.target() == null ? scenario.profile() : opts.target())
        + ": " + outcome.message() + lost);
    out.print(summary);
    writeReports(dir);
    out.println("Results: " + dir.root());
    dir.gatlingReport().ifPresent(r -> out.println("Gatling report: " + r));
    return outcome;
  }

  /** Prints the offered-load forecast and keeps it as {@code forecast.json}: the first line of the report. */
  private void forecast(Scenario scenario, ServerProfileInfo profile, RunDirectory dir) throws IOException {
    Forecast f = Forecaster.forecast(scenario, ProfileCapacity.parse(scenario.profile(), profile.capacity()));
    out.print(ForecastText.render(f));
    JSON.writerWithDefaultPrettyPrinter().writeValue(dir.forecast().toFile(), ForecastJson.toJson(f));
  }

  /** report.html, summary.json and junit.xml from the run directory's files (the reports module). */
  private void writeReports(RunDirectory dir) {
    try {
      RunAnalysis analysis = Reports.write(dir.root());
      out.println(Headline.of(analysis));
      out.println("Report: " + dir.root().resolve(Reports.HTML));
    } catch (RunDirectoryException | UncheckedIOException e) {
      err.println("tipflood: no report: " + e.getMessage());
    } catch (RuntimeException e) {
      // A bug in the analysis must not hide the run's results and exit status: say so and go on.
      err.println("tipflood: no report (internal error, please report it): " + e);
    }
  }

  private static void describeScenario(Manifest manifest, Scenario s, RunOptions opts) {
    ObjectNode n = manifest.section("scenario");
    n.put("name", s.name()).put("source", opts.scenario()).put("seed", s.seed()).put("scale", s.scale())
        .put("durationSeconds", s.duration().toMillis() / 1000.0).put("profile", s.profile())
        .put("target", opts.target() == null ? "embedded" : opts.target().toString())
        .put("description", s.description()).put("file", "scenario.yaml");
    ObjectNode o = n.putObject("overrides");
    if (opts.duration() != null) {
      o.put("duration", opts.duration().toString());
    }
    if (opts.scale() != null) {
      o.put("scale", opts.scale());
    }
    if (opts.seed() != null) {
      o.put("seed", opts.seed());
    }
    if (opts.profile() != null) {
      o.put("profile", opts.profile());
    }
    ObjectNode pops = n.putObject("populations");
    for (var p : s.populations()) {
      // The scaled per-client upload cap the shaping proxy enforced; 0: not shaped.
      pops.putObject(p.name()).put("truth", p.truth().id()).put("arrival", p.arrival().kind())
          .put("uploadBandwidthBytesPerSecond", p.client().uploadBandwidth().map(b -> b.scaled(s.scale()).bytesPerSecond())
              .orElse(0L));
    }
  }

  /** Fails fast with {@link UnreachableTargetException} when nothing listens at the target. */
  public static void requireReachable(URI target) {
    int port = target.getPort() > 0 ? target.getPort() : ("https".equals(target.getScheme()) ? 443 : 80);
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(target.getHost(), port), 3000);
    } catch (IOException e) {
      throw new UnreachableTargetException("target " + target + " does not accept connections: " + e.getMessage());
    }
  }

  /** The last complete JSON line of an NDJSON file, or null. */
  public static JsonNode lastJsonLine(Path file) {
    try {
      if (!Files.isRegularFile(file)) {
        return null;
      }
      String last = null;
      for (String line : Files.readAllLines(file)) {
        if (!line.isBlank()) {
          last = line;
        }
      }
      return last == null ? null : JSON.readTree(last);
    } catch (IOException e) {
      // Being written concurrently: a torn last line is simply skipped this second.
      return null;
    }
  }

  /** The shaping proxies' counters the Gatling JVM wrote, if any population was shaped. */
  private static java.util.Optional<JsonNode> readJson(Path file) {
    if (!Files.isRegularFile(file)) {
      return java.util.Optional.empty();
    }
    try {
      return java.util.Optional.of(JSON.readTree(file.toFile()));
    } catch (IOException e) {
      return java.util.Optional.of(JSON.createObjectNode().put("error", "unreadable " + file + ": " + e.getMessage()));
    }
  }

  private static String stripSlash(String s) {
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  private static void writeString(Path file, String text) {
    try {
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** The external target refused the connection or timed out. */
  public static final class UnreachableTargetException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnreachableTargetException(String message) {
      super(message);
    }
  }
}
