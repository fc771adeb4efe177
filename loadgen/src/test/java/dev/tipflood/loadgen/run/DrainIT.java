package dev.tipflood.loadgen.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The honest end of a run: the run drains until every started tip has an outcome, and a tip with
 * none when the drain is over is reported lost, never folded into "completed". A profile that
 * answers every tip 6 s late, after a 3 s schedule, tells the two apart.
 */
class DrainIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String PROFILE = """
      name: slow-answers
      description: Answers every tip 6 s late, to test the end of a run.
      debug:
        fixedResponseDelay: 6s
      """;

  private static final String SCENARIO = """
      name: drain
      description: Three legit tips in three seconds, each answered 6 s later by a slow profile.
      seed: 3
      duration: 3s
      scale: 0.01
      target: embedded
      profile: slow-answers.yaml
      slo: {legitAcceptP99: 10s, legitSuccessRatio: 0.99, legitTimeToReviewP95: 30m, junkStorageShareMax: 0.5}
      populations:
        - name: citizens
          truth: legit
          arrival: {kind: constant, rate: 1}
          identity: {devices: 10, rotationShare: 0, ipMapping: per-device}
          media:
            files: 2
            perTip: {min: 1, max: 1}
            types:
              none: {weight: 1}
          metadata: {inJurisdiction: 1, realDescription: 1, plausibleTime: 1}
          client: {timeout: 20s, retry: {on: [503], max: 0, backoff: none, honourRetryAfter: true}}
      """;

  @TempDir
  Path work;

  private Path scenario() throws Exception {
    Files.writeString(work.resolve("slow-answers.yaml"), PROFILE);
    Path file = work.resolve("drain.yaml");
    Files.writeString(file, SCENARIO);
    return file;
  }

  private JsonNode manifest(Path runs) throws Exception {
    try (Stream<Path> dirs = Files.list(runs)) {
      Path run = dirs.filter(d -> d.getFileName().toString().endsWith("-drain")).findFirst().orElseThrow();
      return JSON.readTree(run.resolve("manifest.json").toFile());
    }
  }

  @Test
  void byDefaultTheRunWaitsForEveryTipsAnswer() throws Exception {
    Path runs = work.resolve("runs");
    CliRunner.Result r = CliRunner.run(work, 180, "run", scenario().toString(), "--out", runs.toString(),
        "--server-jar", CliRunner.serverJar().toString());
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    assertThat(r.stdout()).contains("then draining up to 20 s").contains("accepted 3 (100.0% of started)")
        .doesNotContain("LOST");
    assertThat(manifest(runs).path("lostTips").path("citizens").asLong()).isZero();
  }

  @Test
  void aTipWithNoOutcomeWhenTheDrainEndsIsLostAndSaidSo() throws Exception {
    Path runs = work.resolve("runs");
    CliRunner.Result r = CliRunner.run(work, 180, "run", scenario().toString(), "--out", runs.toString(),
        "--server-jar", CliRunner.serverJar().toString(), "--grace", "1s");
    // The tool worked: its exit status says so; the summary says what the service did.
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    assertThat(r.stdout()).contains("run completed; 3 tips LOST (3 legit)")
        .contains("3 LEGIT TIPS LOST: sent and never answered, the worst outcome");
    JsonNode m = manifest(runs);
    assertThat(m.path("status").asText()).isEqualTo("completed");
    assertThat(m.path("lostTips").path("citizens").asLong()).isEqualTo(3);
  }
}
