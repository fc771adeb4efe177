package dev.tipflood.loadgen.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tipflood.loadgen.measure.AckedTipLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The brownout's later media upload, end to end: a profile whose brownout holds from the start
 * ({@code queueAbove: -1}) with a 2 s slot, switched off at 4 s by a scenario event. Legit tips of
 * the first 4 s are answered 202 deferred; their users wait for the slot, meet 503 while the
 * brownout still holds, follow its Retry-After, and upload the same photos once it is off. Every
 * deferred tip's media are accepted, each such tip is reviewed (its journal has a review; the
 * reviewers take 1 s and the run lasts 10 s), and {@code tipflood verify} finds every
 * acknowledged tip by SHA-256, the later-uploaded ones included.
 */
class DeferredMediaRunIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path work;

  @Test
  void deferredTipsUploadTheirMediaLaterAndAreAcknowledgedReviewedAndVerified() throws Exception {
    Path profile = work.resolve("deferred-profile.yaml");
    Files.writeString(profile, """
        name: deferred-test
        jvm: {heap: 256MB}
        processing:
          workers: 2
          costPerMb: {photo: 10ms, gif: 10ms, video: 10ms, other: 10ms}
          queue: {discipline: fifo, bound: 200}
        review:
          reviewers: 8
          perPhoto: 1s
          perVideoMinute: 1s
          errorRate: 0
          seed: 1
          queue: {discipline: fifo, bound: 200}
        defences:
          - {name: brownout, kind: brownout, queueAbove: -1, later: 2s}
        """);
    Path scenario = work.resolve("deferred-media.yaml");
    Files.writeString(scenario, """
        name: deferred-media
        description: legit photo tips; the brownout defers every tip's media until it is switched off at 4s
        seed: 11
        duration: 10s
        scale: 0.01
        profile: %s
        populations:
          - name: witnesses
            truth: legit
            arrival: {kind: constant, rate: 2}
            media:
              files: 6
              perTip: 1
              types:
                photo: {weight: 1, size: {kind: lognormal, median: 1MB, sigma: 0.3, max: 2MB}}
        events:
          - {at: 4s, disable: brownout}
        """.formatted(profile.toAbsolutePath()));
    CliRunner.Result result = CliRunner.run(work, 150, "run", scenario.toString(), "--out", work.resolve("runs").toString(),
        "--server-jar", CliRunner.serverJar().toString(), "--grace", "10s");
    assertThat(result.exitCode()).as(result.stderr()).isZero();
    Path run;
    try (Stream<Path> dirs = Files.list(work.resolve("runs"))) {
      run = dirs.filter(d -> d.getFileName().toString().endsWith("-deferred-media")).findFirst().orElseThrow();
    }

    JsonNode witnesses = classNamed(JSON.readTree(run.resolve("summary.json").toFile()), "witnesses");
    JsonNode deferred = witnesses.path("deferred");
    long offered = witnesses.path("offered").asLong();
    System.out.println("witnesses: " + witnesses);
    assertThat(deferred.path("tips").asLong()).as("tips of the first 4 s answered 202").isBetween(4L, offered - 4);
    assertThat(deferred.path("mediaLater").asLong()).as("every deferred tip's media accepted later")
        .isEqualTo(deferred.path("tips").asLong());
    assertThat(deferred.path("uploads").asLong()).as("uploads before 4 s met 503 and were sent again")
        .isGreaterThan(deferred.path("mediaLater").asLong());
    assertThat(witnesses.path("requests").asLong()).as("later uploads are not tip attempts").isEqualTo(offered);
    assertThat(Files.readString(run.resolve("summary.txt"))).contains("media accepted later for " + deferred.path("tips").asLong());

    List<AckedTipLog.Entry> acked = AckedTipLog.read(run.resolve("client").resolve(AckedTipLog.FILE));
    assertThat(acked).as("201 at once, or when the deferred media were accepted").hasSize((int) offered);
    assertThat(acked).allSatisfy(e -> assertThat(e.media()).hasSize(1));

    List<String> timeline = Files.readAllLines(run.resolve("server/timeline.ndjson"));
    JsonNode last = JSON.readTree(timeline.get(timeline.size() - 1));
    assertThat(last.path("deferredMedia").path("arrived").path("legit").asLong())
        .isEqualTo(deferred.path("tips").asLong());

    // The server's journal: a 'media' record per deferred tip whose media arrived, a 'review' per reviewed tip.
    Set<String> mediaLater = new HashSet<>();
    Set<String> reviewed = new HashSet<>();
    for (String line : Files.readAllLines(run.resolve("server/data/tips.journal"))) {
      JsonNode n = JSON.readTree(line);
      (n.path("type").asText().equals("media") ? mediaLater : n.path("type").asText().equals("review") ? reviewed
          : new HashSet<String>()).add(n.path("id").asText());
    }
    assertThat(mediaLater).hasSize((int) deferred.path("tips").asLong());
    assertThat(reviewed).as("every deferred tip reviewed once its media came").containsAll(mediaLater);
    assertThat(acked.stream().map(AckedTipLog.Entry::id).toList()).containsAll(mediaLater);

    CliRunner.Result verify = CliRunner.run(work, 120, "verify", run.toString(), "--server-jar",
        CliRunner.serverJar().toString());
    assertThat(verify.exitCode()).as(verify.stdout() + verify.stderr()).isZero();
    System.out.println(verify.stdout());
  }

  private static JsonNode classNamed(JsonNode summary, String name) {
    for (JsonNode c : summary.path("classes")) {
      if (c.path("name").asText().equals(name)) {
        return c;
      }
    }
    throw new AssertionError("no class " + name + " in summary.json: " + summary);
  }
}
