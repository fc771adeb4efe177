package dev.tipflood.loadgen.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tipflood.loadgen.run.CliRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real sweep of the smoke scenario over two profiles with a budget for a short step or two each (the
 * shaded CLI jar, real server and Gatling children), then {@code compare} on the two steps: the
 * steps are ordinary run directories.
 */
class SweepIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path work;
  static CliRunner.Result sweep;
  static Path sweepDir;
  static JsonNode capacity;

  @BeforeAll
  static void sweepSmoke() throws Exception {
    // A step is estimated at 2 s warm-up + 5 s measured + 10 s drain + 25 s start-up = 42 s; 100 s pays for at least one
    // per profile, and for a second only when steps run much faster than that on this machine.
    sweep = CliRunner.run(work, 240, "sweep", "smoke", "--profiles", "naive,tipline", "--budget", "100s", "--warm-up", "2s", "--step", "5s",
        "--out", work.resolve("runs").toString(), "--server-jar", CliRunner.serverJar().toString());
    try (Stream<Path> dirs = Files.list(work.resolve("runs"))) {
      sweepDir = dirs.filter(d -> d.getFileName().toString().endsWith("-sweep-smoke")).findFirst().orElseThrow();
    }
    capacity = JSON.readTree(sweepDir.resolve("capacity.json").toFile());
  }

  @Test
  void runsAStepPerProfileWithinTheBudgetAndWritesTheCapacityReport() {
    assertThat(sweep.exitCode()).as(sweep.stderr()).isZero();
    assertThat(sweep.stdout()).contains("naive step 1:").contains("tipline step 1:").contains("Capacity report: ");
    assertThat(capacity.path("schema").asText()).isEqualTo("tipflood-capacity/1");
    // A step only starts when the time left covers the costliest so far; only a step slower than all before it overruns.
    assertThat(capacity.path("wallSeconds").asDouble()).isLessThanOrEqualTo(100 + 30);
    assertThat(capacity.path("profiles")).hasSize(2);
    for (JsonNode p : capacity.path("profiles")) {
      assertThat(p.path("steps").size()).as(p.path("profile").asText()).isPositive();
      assertThat(p.path("stopped").asText()).isIn("budget spent", "bracket narrow enough");
      JsonNode step = p.path("steps").get(0);
      assertThat(step.path("legitGoodputPerSecond").asDouble()).isPositive();
      assertThat(Path.of(step.path("runDirectory").asText()).resolve("report.html")).isRegularFile();
    }
    assertThat(sweepDir.resolve("capacity.html")).content().contains("<figure id=\"goodput\"").contains("smoke");
  }

  @Test
  void stepsAreOrdinaryRunDirectoriesThatCompareWorksOn() throws Exception {
    List<String> args = new ArrayList<>(List.of("compare"));
    for (JsonNode p : capacity.path("profiles")) {
      Path run = Path.of(p.path("steps").get(0).path("runDirectory").asText());
      JsonNode step = JSON.readTree(run.resolve("sweep-step.json").toFile());
      assertThat(step.path("profile").asText()).isEqualTo(p.path("profile").asText());
      assertThat(run.resolve("scenario.yaml")).content().startsWith("# tipflood sweep step 1 on ");
      args.add(run.toString());
    }
    args.addAll(List.of("--out", work.resolve("compare").toString()));
    CliRunner.Result r = CliRunner.run(work, 60, args.toArray(String[]::new));
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    JsonNode compare = JSON.readTree(work.resolve("compare/compare.json").toFile());
    assertThat(compare.path("runs")).extracting(n -> n.path("profile").asText()).containsExactly("naive", "tipline");
    assertThat(work.resolve("compare/compare.html")).content().contains("Ground-truth scorecard");
  }
}
