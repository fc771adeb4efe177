package dev.tipflood.loadgen.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tipflood.loadgen.forecast.Forecast;
import dev.tipflood.loadgen.forecast.Forecast.Resource;
import dev.tipflood.loadgen.forecast.ForecastText;
import dev.tipflood.loadgen.forecast.Forecaster;
import dev.tipflood.loadgen.forecast.ProfileCapacity;
import dev.tipflood.loadgen.process.ServerProcess;
import dev.tipflood.loadgen.process.ServerProfileInfo;
import dev.tipflood.scenarios.model.Scenario;
import dev.tipflood.scenarios.Scenarios;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The forecast against a real run of {@code baseline} (shortened to 90 s) on tipline: the work the
 * server's own timeline integrates, once every tip has been processed and reviewed, is the work
 * the forecast said the schedule would offer, within 15% per resource (0.005 at least, see
 * {@link #tolerance}). Busy time comes from the timeline's per-interval utilisation, checked
 * against the server's busy-time counter.
 */
class ForecastAgreesWithRunIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PROFILE = "tipline";
  private static final Duration SCHEDULE = Duration.ofSeconds(90);

  @TempDir
  Path work;

  @Test
  void measuredUtilisationIsTheForecastWithin15Percent() throws Exception {
    Scenario baseline = Scenarios.builtin("baseline").withDuration(SCHEDULE);
    ServerProfileInfo info = ServerProfileInfo.read(CliRunner.serverJar(), PROFILE, baseline.scale());
    Forecast forecast = Forecaster.forecast(baseline, ProfileCapacity.parse(PROFILE, info.capacity()));
    String token = "forecast-it";
    try (ServerProcess server = ServerProcess.start(new ServerProcess.Spec(CliRunner.serverJar(), PROFILE,
        baseline.scale(), info.xmx(), work.resolve("data"), token, work.resolve("server-out.log"),
        work.resolve("server-err.log"), List.of()), Duration.ofSeconds(60))) {
      CliRunner.Result run = CliRunner.run(work, 300, "run", "baseline", "--duration", "90s", "--out",
          work.resolve("runs").toString(), "--target", server.publicUri().toString());
      assertThat(run.exitCode()).as(run.stderr()).isZero();
      assertThat(run.stdout()).doesNotContain("LOST");
      long accepted = forecastTips(forecast);
      // Every tip is through processing and review: the work is all done.
      await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).until(() -> {
        JsonNode last = last(timeline(server, token));
        return last.path("stages").path("review").path("departed").asLong() >= accepted
            && last.path("stages").path("review").path("inService").asLong() == 0;
      });
      List<JsonNode> samples = timeline(server, token);
      double seconds = SCHEDULE.toSeconds();
      double storage = last(samples).path("storage").path("byTruth").path("legit").asDouble()
          / seconds / forecast.capacity().storageBytesPerSecond();
      String metrics = admin(server, token, "/metrics");
      double processing = busySeconds(samples, "processing") / seconds / forecast.capacity().workers();
      double review = busySeconds(samples, "review") / seconds / forecast.capacity().reviewers();
      for (String stage : List.of("processing", "review")) {
        assertThat(busySeconds(samples, stage)).as("%s busy seconds: the timeline's integral is the counter", stage)
            .isCloseTo(busyCounter(metrics, stage), org.assertj.core.data.Offset.offset(0.01 + 0.01 * busyCounter(metrics, stage)));
      }
      String context = ForecastText.render(forecast);
      assertThat(review).as("review utilisation, measured vs forecast%n%s", context)
          .isCloseTo(util(forecast, Resource.REVIEW), tolerance(util(forecast, Resource.REVIEW)));
      assertThat(storage).as("storage utilisation%n%s", context)
          .isCloseTo(util(forecast, Resource.STORAGE), tolerance(util(forecast, Resource.STORAGE)));
      assertThat(processing).as("processing utilisation%n%s", context)
          .isCloseTo(util(forecast, Resource.PROCESSING), tolerance(util(forecast, Resource.PROCESSING)));
      System.out.printf("baseline 90 s on tipline: review %.3f (forecast %.3f), storage %.5f (%.5f), processing %.5f (%.5f)%n",
          review, util(forecast, Resource.REVIEW), storage, util(forecast, Resource.STORAGE), processing,
          util(forecast, Resource.PROCESSING));
    }
  }

  /**
   * 15% of the forecast, but at least 0.005 utilisation: the real server serves each job on a
   * Vert.x timer that fires a few milliseconds late on a busy machine, which matters only for
   * near-zero loads (baseline's processing: 0.0005).
   */
  private static org.assertj.core.data.Offset<Double> tolerance(double forecast) {
    return org.assertj.core.data.Offset.offset(Math.max(0.15 * forecast, 0.005));
  }

  private static long forecastTips(Forecast f) {
    return Math.round(f.whole().populations().get(0).tipsPerSecond() * (f.whole().toSeconds() - f.whole().fromSeconds()));
  }

  private static double util(Forecast f, Resource r) {
    return f.whole().resource(r).orElseThrow().utilisation();
  }

  /** Busy server-seconds of a stage: its per-interval utilisation times the interval times its servers. */
  private static double busySeconds(List<JsonNode> samples, String stage) {
    double busy = 0;
    for (JsonNode s : samples) {
      JsonNode st = s.path("stages").path(stage);
      busy += st.path("utilisation").asDouble() * s.path("intervalMs").asDouble() / 1000 * st.path("servers").asDouble();
    }
    return busy;
  }

  /** The stage's busy server-seconds since start, from {@code tipflood_stage_busy_seconds_total}. */
  private static double busyCounter(String metrics, String stage) {
    for (String line : metrics.split("\n")) {
      if (line.startsWith("tipflood_stage_busy_seconds_total{") && line.contains("stage=\"" + stage + "\"")) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    throw new AssertionError("no tipflood_stage_busy_seconds_total for " + stage + " in /metrics");
  }

  private static JsonNode last(List<JsonNode> samples) {
    return samples.get(samples.size() - 1);
  }

  private static String admin(ServerProcess server, String token, String path) throws Exception {
    HttpResponse<String> r = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
        HttpRequest.newBuilder(server.adminUri(path)).header("Authorization", "Bearer " + token).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(path).isEqualTo(200);
    return r.body();
  }

  private static List<JsonNode> timeline(ServerProcess server, String token) throws Exception {
    List<JsonNode> samples = new ArrayList<>();
    for (String line : admin(server, token, "/measure/timeline?since=0").split("\n")) {
      if (!line.isBlank()) {
        samples.add(JSON.readTree(line));
      }
    }
    assertThat(samples).isNotEmpty();
    return samples;
  }
}
