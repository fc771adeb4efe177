package dev.tipflood.loadgen.cli;

import dev.tipflood.loadgen.run.ExitCodes;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TipfloodCliTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = TipfloodCli.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  @Test
  void helpListsEveryCommandAndTheExitCodes() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("run", "scenarios", "validate", "corpus", "serve", "report", "check", "sweep",
        "compare", "pdq", "Exit codes", "target refused", "an SLO failed", "130");
  }

  @Test
  void versionNamesGatling() {
    assertThat(run("--version")).isZero();
    assertThat(out.toString()).contains("tipflood").contains("Gatling");
  }

  @Test
  void unknownOptionIsAUsageError() {
    assertThat(run("run", "smoke", "--no-such-option")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("--no-such-option");
  }

  @Test
  void unknownScenarioIsAnInvalidScenario() {
    assertThat(run("run", "no-such-scenario")).isEqualTo(ExitCodes.INVALID_SCENARIO);
    assertThat(err.toString()).contains("no-such-scenario").contains("built-in scenario");
  }

  @Test
  void badDurationOverrideIsAnInvalidScenario() {
    assertThat(run("run", "smoke", "--duration", "0s")).isEqualTo(ExitCodes.INVALID_SCENARIO);
  }

  @Test
  void nonLoopbackTargetIsRefused() {
    assertThat(run("run", "smoke", "--target", "http://192.0.2.10:8080")).isEqualTo(ExitCodes.REFUSED_TARGET);
    assertThat(err.toString()).contains("--i-own-this-target");
  }

  @Test
  void loopbackTargetWithNothingListeningIsUnreachable() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    assertThat(run("run", "smoke", "--target", "http://127.0.0.1:" + port)).isEqualTo(ExitCodes.UNREACHABLE_TARGET);
    assertThat(err.toString()).contains("does not accept connections");
  }

  @Test
  void validateReportsEveryErrorAndExitsInvalid(@TempDir Path dir) throws IOException {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "name: Bad Name\nduration: 3 mb\n");
    assertThat(run("validate", bad.toString())).isEqualTo(ExitCodes.INVALID_SCENARIO);
    assertThat(err.toString()).contains("bad.yaml:2:11", "duration", "3 mb", "description: missing", "populations: missing");
  }

  @Test
  void validateAcceptsAGoodFile(@TempDir Path dir) throws IOException {
    Path good = dir.resolve("smoke.yaml");
    Files.writeString(good, dev.tipflood.scenarios.catalogue.Catalogue.yaml("smoke").orElseThrow());
    assertThat(run("validate", good.toString())).isZero();
    assertThat(out.toString()).contains("OK");
  }

  @Test
  void scenariosListsTheCatalogueWithDescriptions() {
    assertThat(run("scenarios")).isZero();
    assertThat(out.toString()).contains("smoke").contains("CI smoke test");
  }

  @Test
  void serveWithAMissingServerJarSaysWhereItLooked(@TempDir Path dir) {
    assertThat(run("serve", "--server-jar", dir.resolve("nope.jar").toString())).isEqualTo(ExitCodes.MISSING_FILE);
    assertThat(err.toString()).contains("nope.jar");
  }

  @Test
  void reportOfACorruptRunDirectoryIsAPreciseErrorWithoutStackTrace(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("manifest.json"), "{\"formatVersion\":1,\"scenario\":{\"name\":\"x\",\"durationSeconds\":3");

    assertThat(run("report", dir.toString())).isEqualTo(ExitCodes.UNREADABLE_RUN);
    assertThat(err.toString()).startsWith("tipflood: unreadable run directory: " + dir.resolve("manifest.json") + ":1: not valid JSON")
        .doesNotContain("\tat ").doesNotContain("Exception");
  }

  @Test
  void reportOfAMissingRunDirectoryIsAMissingFile(@TempDir Path dir) {
    assertThat(run("report", dir.resolve("nope").toString())).isEqualTo(ExitCodes.MISSING_FILE);
    assertThat(err.toString()).contains(dir.resolve("nope") + ": missing (a run directory)");
  }

  @Test
  void checkWithAnUnknownToleranceMetricIsAUsageError(@TempDir Path dir) {
    assertThat(run("check", dir.toString(), "--baseline", dir.toString(), "--tolerance", "legit.p42=1%"))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("unknown metric 'legit.p42'");
  }

  @Test
  void checkWithAnUnreadableBaselineIsAPreciseError(@TempDir Path dir) throws IOException {
    Path baseline = dir.resolve("summary.json");
    Files.writeString(baseline, "{\"schema\":\"something-else\"}");

    assertThat(run("check", dir.toString(), "--baseline", baseline.toString())).isEqualTo(ExitCodes.UNREADABLE_RUN);
    assertThat(err.toString()).contains(baseline + ": not a tipflood summary.json").doesNotContain("\tat ");
  }

  @Test
  void failOnSloReadsTheSummaryTheRunWrote(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("summary.json"), "{\"schema\":\"tipflood-summary\",\"slosPassed\":true}");
    assertThat(RunCommand.slosFailed(dir)).isFalse();
    Files.writeString(dir.resolve("summary.json"), "{\"schema\":\"tipflood-summary\",\"slosPassed\":false}");
    assertThat(RunCommand.slosFailed(dir)).isTrue();
    Files.delete(dir.resolve("summary.json"));
    assertThat(RunCommand.slosFailed(dir)).as("no summary: the report failed, so the SLOs cannot be said to pass").isTrue();
  }

  @Test
  void sweepWithABudgetTooSmallForOneStepPerProfileSaysWhatIsNeeded() {
    assertThat(run("sweep", "fancam-flood", "--profiles", "naive,tipline", "--budget", "1m")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("--budget 1m is too small").contains("2 profiles need at least 110s");
  }

  @Test
  void sweepWithAnUnknownSloListsTheValidOnes() {
    assertThat(run("sweep", "fancam-flood", "--profiles", "naive", "--slos", "legitP42")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("unknown SLO 'legitP42'").contains("legitAcceptP99, legitSuccessRatio");
  }

  @Test
  void sweepOfAScenarioWithoutJunkHasNothingToSweep() {
    assertThat(run("sweep", "baseline", "--profiles", "naive")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("no junk population");
  }

  @Test
  void sweepWithABadDurationNamesTheOption() {
    assertThat(run("sweep", "fancam-flood", "--profiles", "naive", "--warm-up", "soon")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("--warm-up: 'soon' is not a duration");
  }

  @Test
  void compareNeedsTwoRunDirectories(@TempDir Path dir) {
    assertThat(run("compare", dir.toString())).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void compareOfADirectoryThatIsNoRunIsAMissingFile(@TempDir Path dir) {
    assertThat(run("compare", dir.resolve("a").toString(), dir.resolve("b").toString())).isEqualTo(ExitCodes.MISSING_FILE);
    assertThat(err.toString()).contains(dir.resolve("a") + ": missing (a run directory)");
  }

  @Test
  void runsOfDifferentScenariosAreABadUsageNamingBoth() {
    int code = TipfloodCli.handle(dev.tipflood.reports.compare.ComparisonException.differentScenarios("runs/a", "smoke",
        "runs/b", "gif-spam"), TipfloodCli.commandLine(), null);
    assertThat(code).isEqualTo(ExitCodes.USAGE);
  }
}
