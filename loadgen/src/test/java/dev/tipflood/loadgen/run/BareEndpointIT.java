package dev.tipflood.loadgen.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tipflood.bench.bare.BareEndpointMain;
import dev.tipflood.loadgen.measure.ClassKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Corrected vs raw at sub-millisecond service times: {@code tipflood run} against the server
 * jar's bare endpoint (it answers 201 at once), 200, 500, then 1000 tips/s over 14 s on loopback. A latency
 * measured from a request's intended send can never be shorter than one measured from its actual
 * send, so every percentile of the corrected log must be at least the raw one.
 */
class BareEndpointIT {
  private static final int WARM_UP_SECONDS = 6;
  private static final Pattern LISTENING = Pattern.compile("bare-endpoint listening public=(\\d+)");

  @TempDir
  static Path work;
  static Process bare;
  static CliRunner.Result result;
  static Path run;

  @BeforeAll
  static void runAgainstTheBareEndpoint() throws Exception {
    Path out = work.resolve("bare.out");
    bare = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
        "-cp", CliRunner.serverJar() + java.io.File.pathSeparator + benchClasses(), BareEndpointMain.class.getName())
        .redirectErrorStream(true).redirectOutput(out.toFile()).start();
    int port = Awaitility.await().atMost(30, TimeUnit.SECONDS).pollInterval(100, TimeUnit.MILLISECONDS)
        .until(() -> port(out), p -> p > 0);
    Path scenario = Path.of("src/test/resources/measure/bare-fast.yaml").toAbsolutePath();
    result = CliRunner.run(work, 120, "run", scenario.toString(), "--target", "http://127.0.0.1:" + port,
        "--out", work.resolve("runs").toString(), "--grace", "5s");
    try (Stream<Path> dirs = Files.list(work.resolve("runs"))) {
      run = dirs.filter(d -> d.getFileName().toString().endsWith("-bare-fast")).findFirst().orElseThrow();
    }
  }

  /** Where the bench module's classes are on this test's class path: its jar, or its classes directory. */
  private static String benchClasses() throws Exception {
    return Path.of(BareEndpointMain.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }

  @AfterAll
  static void stopTheEndpoint() throws InterruptedException {
    if (bare != null) {
      bare.destroy();
      bare.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static int port(Path out) throws IOException {
    Matcher m = LISTENING.matcher(Files.exists(out) ? Files.readString(out, StandardCharsets.UTF_8) : "");
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }

  /** After the first seconds (both JVMs cold) the service time is well below a millisecond. */
  @Test
  void correctedMedianIsAtLeastRawMedianAtSubMillisecondServiceTimes() {
    assertThat(result.exitCode()).as(result.stderr()).isZero();
    ClassKey accepted = new ClassKey("probe", "submit-tip", "201");
    Histogram c = RunSummary.totals(run.resolve("client/latency-corrected.hlog"), WARM_UP_SECONDS).get(accepted);
    Histogram r = RunSummary.totals(run.resolve("client/latency-raw.hlog"), WARM_UP_SECONDS).get(accepted);
    System.out.printf("bare endpoint after %d s: corrected p50 %d µs, raw p50 %d µs%n", WARM_UP_SECONDS,
        c.getValueAtPercentile(50), r.getValueAtPercentile(50));
    assertThat(c.getValueAtPercentile(50)).as("corrected p50 vs raw p50 (µs)").isGreaterThanOrEqualTo(r.getValueAtPercentile(50));
  }

  @Test
  void noRequestLeftBeforeItsIntendedTime() throws IOException {
    List<String> progress = Files.readAllLines(run.resolve("client/progress.ndjson"));
    JsonNode probe = new ObjectMapper().readTree(progress.get(progress.size() - 1)).path("populations").path("probe");
    assertThat(probe.path("early").isIntegralNumber()).as("progress has an early count").isTrue();
    assertThat(probe.path("early").asLong()).as("requests sent early").isZero();
  }

  @Test
  void theClientWarmUpIsMarkedAndTheSendLagWrittenEverySecond() throws IOException {
    JsonNode warmUp = new ObjectMapper().readTree(run.resolve("client/warmup.json").toFile());
    assertThat(warmUp.path("rule").asText()).contains("intended send time");
    assertThat(warmUp.path("warmUpSeconds").asDouble()).isBetween(0.0, 20.0);
    List<String> progress = Files.readAllLines(run.resolve("client/progress.ndjson"));
    long lagged = 0;
    for (String line : progress) {
      lagged += new ObjectMapper().readTree(line).path("sendLag").path("requests").asLong();
    }
    assertThat(lagged).as("every finished request has a send lag").isEqualTo(
        RunSummary.totals(run.resolve("client/latency-raw.hlog")).entrySet().stream()
            .filter(e -> !e.getKey().request().equals("tip")).mapToLong(e -> e.getValue().getTotalCount()).sum());
  }

  @Test
  void correctedIsNeverBelowRawAtAnyPercentile() {
    assertThat(result.exitCode()).as(result.stderr()).isZero();
    Map<ClassKey, Histogram> corrected = RunSummary.totals(run.resolve("client/latency-corrected.hlog"));
    Map<ClassKey, Histogram> raw = RunSummary.totals(run.resolve("client/latency-raw.hlog"));
    ClassKey accepted = new ClassKey("probe", "submit-tip", "201");
    assertThat(corrected).containsKey(accepted);
    assertThat(corrected.get(accepted).getTotalCount()).isPositive();
    for (ClassKey key : corrected.keySet()) {
      Histogram c = corrected.get(key);
      Histogram r = raw.get(key);
      assertThat(c.getTotalCount()).as("%s counts", key).isEqualTo(r.getTotalCount());
      for (double q : List.of(50.0, 0.0, 10.0, 90.0, 99.0, 100.0)) {
        assertThat(c.getValueAtPercentile(q)).as("%s corrected p%s vs raw (µs)", key.tag(), q)
            .isGreaterThanOrEqualTo(r.getValueAtPercentile(q));
      }
    }
  }
}
