package dev.tipflood.loadgen.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tipflood.loadgen.measure.AckedTipLog;
import dev.tipflood.loadgen.measure.ClassKey;
import dev.tipflood.scenarios.Scenarios;
import dev.tipflood.scenarios.arrival.ArrivalSchedule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The smoke scenario end to end: the shaded CLI jar, a real tipflood-server child JVM, a real
 * Gatling child JVM. Asserts on the recorded data, not on the console.
 */
class SmokeRunIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path work;
  static CliRunner.Result result;
  static Path run;
  static JsonNode manifest;

  @BeforeAll
  static void runSmoke() throws Exception {
    long t0 = System.nanoTime();
    result = CliRunner.run(work, 120, "run", "smoke", "--out", work.resolve("runs").toString(),
        "--server-jar", CliRunner.serverJar().toString(), "--grace", "5s");
    System.out.printf("smoke run took %.1f s%n", (System.nanoTime() - t0) / 1e9);
    try (Stream<Path> dirs = Files.list(work.resolve("runs"))) {
      run = dirs.filter(d -> d.getFileName().toString().endsWith("-smoke")).findFirst().orElseThrow();
    }
    manifest = JSON.readTree(run.resolve("manifest.json").toFile());
  }

  @Test
  void completesWithExitZeroAndSaysWhereTheResultsAre() {
    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.stdout()).contains("Results: " + run).contains("citizens (legit)").contains("fans (junk)");
    assertThat(manifest.path("status").asText()).isEqualTo("completed");
    assertThat(manifest.path("versions").path("gatling").asText()).isEqualTo("3.15.1");
    assertThat(run.resolve(manifest.path("gatlingReport").asText())).isRegularFile();
    assertThat(run.resolve("server/stdout.log")).content().contains("tipflood-server listening ");
    // No population has an upload cap: recorded as 0, and nothing went through a shaping proxy.
    assertThat(manifest.path("scenario").path("populations").path("fans").path("uploadBandwidthBytesPerSecond").isIntegralNumber()).isTrue();
    assertThat(manifest.path("scenario").path("populations").path("fans").path("uploadBandwidthBytesPerSecond").asLong()).isZero();
    assertThat(manifest.has("shaping")).isFalse();
    assertThat(run.resolve("client/shaping.json")).doesNotExist();
  }

  @Test
  void theSummaryFileSaysWhatTheClientWarmUpWasAndThatItsFiguresIncludeIt() throws Exception {
    assertThat(run.resolve("client/warmup.json")).exists();
    assertThat(Files.readString(run.resolve("summary.txt"))).containsPattern(
        "client warm-up: (the first [0-9.]+ s \\(load generator sending late, see client/warmup.json\\), included above"
            + "|the load generator never kept to its schedule)");
  }

  @Test
  void bothClassesArePresentAndTheClientFollowedTheSchedule() throws Exception {
    Map<ClassKey, Histogram> corrected = RunSummary.totals(run.resolve("client/latency-corrected.hlog"));
    Map<ClassKey, Histogram> raw = RunSummary.totals(run.resolve("client/latency-raw.hlog"));
    ArrivalSchedule schedule = ArrivalSchedule.of(Scenarios.builtin("smoke"));
    List<String> progress = Files.readAllLines(run.resolve("client/progress.ndjson"));
    JsonNode last = JSON.readTree(progress.get(progress.size() - 1));
    for (String pop : List.of("citizens", "fans")) {
      long planned = schedule.population(pop).arrivalOffsetsMillis().length;
      assertThat(manifest.path("plannedTips").path(pop).asLong()).isEqualTo(planned);
      JsonNode counters = last.path("populations").path(pop);
      // Offered load: every scheduled tip was started (the open model does not wait for the server).
      assertThat(counters.path("tips").asLong()).as(pop + " tips started").isBetween(planned * 98 / 100, planned);
      // Every finished request is in the logs exactly once, in both clocks.
      long recorded = count(corrected, pop, "submit-tip") + count(corrected, pop, "submit-tip-retry");
      assertThat(recorded).as(pop + " recorded requests").isEqualTo(counters.path("completed").asLong()).isPositive();
      assertThat(count(raw, pop, "submit-tip") + count(raw, pop, "submit-tip-retry")).isEqualTo(recorded);
      assertThat(count(corrected, pop, "tip")).isPositive().isLessThanOrEqualTo(count(corrected, pop, "submit-tip"));
    }
    // Offered load over time: cumulative starts track the schedule second by second.
    var plan = dev.tipflood.loadgen.plan.LoadPlanFiles.read(run.resolve("plan.json"));
    for (String line : progress) {
      JsonNode p = JSON.readTree(line);
      int second = (int) (p.path("elapsedMillis").asLong() / 1000);
      for (var pop : plan.populations()) {
        long expected = new dev.tipflood.loadgen.client.UserStartSchedule(pop.arrivalsPerSecond()).plannedBefore(second);
        long actual = p.path("populations").path(pop.name()).path("tips").asLong();
        assertThat(actual).as("%s tips started by %d s", pop.name(), second)
            .isBetween(expected - pop.plannedTips() / 10 - 5, expected + pop.plannedTips() / 10 + 5);
      }
    }
  }

  @Test
  void everyTipAnsweredWith201IsInTheAckedTipLogWithItsId() throws Exception {
    Map<ClassKey, Histogram> corrected = RunSummary.totals(run.resolve("client/latency-corrected.hlog"));
    long answered201 = corrected.entrySet().stream()
        .filter(e -> e.getKey().outcome().equals("201") && !e.getKey().request().equals("tip"))
        .mapToLong(e -> e.getValue().getTotalCount()).sum();
    List<AckedTipLog.Entry> acked = AckedTipLog.read(run.resolve("client/" + AckedTipLog.FILE));
    assertThat(acked).hasSize((int) answered201).isNotEmpty()
        .allSatisfy(e -> assertThat(e.id()).matches("[0-9a-f]{26}"));
    assertThat(acked.stream().map(AckedTipLog.Entry::id).distinct().count()).isEqualTo(acked.size());
  }

  @Test
  void correctedLatencyIsNeverBelowRaw() {
    Map<ClassKey, Histogram> corrected = RunSummary.totals(run.resolve("client/latency-corrected.hlog"));
    Map<ClassKey, Histogram> raw = RunSummary.totals(run.resolve("client/latency-raw.hlog"));
    for (var e : corrected.entrySet()) {
      if (e.getKey().request().equals("submit-tip")) {
        Histogram r = raw.get(e.getKey());
        // Same requests measured from an earlier (intended) start: the median can only grow,
        // up to HdrHistogram's 0.1% resolution.
        assertThat(e.getValue().getValueAtPercentile(50) * 1001 / 1000).isGreaterThanOrEqualTo(r.getValueAtPercentile(50));
      }
    }
  }

  @Test
  void clientProgressHasOneLinePerSecond() throws Exception {
    List<String> lines = Files.readAllLines(run.resolve("client/progress.ndjson"));
    assertThat(lines.size()).isBetween(30, 45);
  }

  @Test
  void serverHistogramsDecodeAndTimelineHasOneSamplePerSecond() throws Exception {
    Map<ClassKey, Histogram> server = RunSummary.totals(run.resolve("server/histograms.hlog"));
    List<Long> t = new ArrayList<>();
    for (String line : Files.readAllLines(run.resolve("server/timeline.ndjson"))) {
      t.add(JSON.readTree(line).path("t").asLong());
    }
    assertThat(server.keySet()).extracting(ClassKey::population).contains("citizens", "fans");
    assertThat(t.size()).isGreaterThanOrEqualTo(30);
    for (int i = 1; i < t.size(); i++) {
      assertThat(t.get(i) - t.get(i - 1)).as("timeline step %d", i).isBetween(500L, 1500L);
    }
  }

  private static long count(Map<ClassKey, Histogram> m, String pop, String request) {
    return m.entrySet().stream().filter(e -> e.getKey().population().equals(pop) && e.getKey().request().equals(request))
        .mapToLong(e -> e.getValue().getTotalCount()).sum();
  }
}
