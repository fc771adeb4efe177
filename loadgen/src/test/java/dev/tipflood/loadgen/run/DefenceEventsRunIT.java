package dev.tipflood.loadgen.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Run-time control end to end: a run whose scenario enables a defence at 8 s. The event is sent
 * to the real server's admin port at its time, and the server's timeline shows none of the
 * defence's decisions before it, and its refusals in the first sample that covers a whole interval
 * after it (samples are a second apart).
 */
class DefenceEventsRunIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path work;

  @Test
  void aTimedEnableEventShowsTheDefencesDecisionsInTheFirstFullSampleAfterIt() throws Exception {
    Path profile = work.resolve("events-profile.yaml");
    Files.writeString(profile, """
        name: events-test
        jvm: {heap: 256MB}
        defences:
          - {name: per-address, kind: token-bucket, key: address, capacity: 2, refill: 1/1m, enabled: false}
        """);
    Path scenario = work.resolve("defence-events.yaml");
    Files.writeString(scenario, """
        name: defence-events
        description: a steady junk stream from ten phones behind one address; a per-address bucket goes on at 8s
        seed: 7
        duration: 16s
        scale: 0.01
        profile: %s
        populations:
          - name: fans
            truth: junk
            arrival: {kind: constant, rate: 15}
            identity: {devices: 10, rotationShare: 0, ipMapping: "shared-nat:10"}
            media:
              files: 4
              perTip: 1
              types:
                photo: {weight: 1, size: {kind: lognormal, median: 1MB, sigma: 0.3, max: 2MB}}
              sourcePool: {size: 2, variants: {exact: 1}}
        events:
          - {at: 8s, enable: per-address}
        """.formatted(profile.toAbsolutePath()));
    CliRunner.Result result = CliRunner.run(work, 120, "run", scenario.toString(), "--out", work.resolve("runs").toString(),
        "--server-jar", CliRunner.serverJar().toString(), "--grace", "3s");
    assertThat(result.exitCode()).as(result.stderr()).isZero();
    Path run;
    try (Stream<Path> dirs = Files.list(work.resolve("runs"))) {
      run = dirs.filter(d -> d.getFileName().toString().endsWith("-defence-events")).findFirst().orElseThrow();
    }

    List<String> events = Files.readAllLines(run.resolve("events.ndjson"));
    assertThat(events).hasSize(1);
    JsonNode event = JSON.readTree(events.get(0));
    assertThat(event.path("event").asText()).isEqualTo("at 8s enable per-address");
    assertThat(event.path("status").asInt()).as(event.toString()).isEqualTo(200);
    long applied = event.path("answeredEpochMillis").asLong();

    List<JsonNode> samples = new ArrayList<>();
    for (String line : Files.readAllLines(run.resolve("server/timeline.ndjson"))) {
      samples.add(JSON.readTree(line));
    }
    JsonNode firstAfter = null;
    JsonNode firstFull = null;
    for (JsonNode s : samples) {
      long t = s.path("t").asLong();
      long decided = decisions(s.path("defences").path("per-address"));
      if (t < applied - 50) {
        assertThat(decided).as("decisions in the sample at %d, before the event at %d", t, applied).isZero();
        continue;
      }
      if (firstAfter == null) {
        firstAfter = s;
      }
      if (firstFull == null && t >= applied + 950) {
        firstFull = s;
      }
    }
    assertThat(firstAfter).as("a timeline sample after the event").isNotNull();
    assertThat(firstFull).as("a timeline sample a full interval after the event").isNotNull();
    long lag = firstAfter.path("t").asLong() - applied;
    long fullLag = firstFull.path("t").asLong() - applied;
    JsonNode perAddress = firstFull.path("defences").path("per-address");
    System.out.printf("defence enabled at %d; first timeline sample after it at +%d ms, first full one at +%d ms"
        + " with %d decisions: %s%n", applied, lag, fullLag, decisions(perAddress), perAddress);
    // The sampler ticks once a second, so the first sample after the event can come a few
    // milliseconds after it and hold nothing yet; the next one covers a whole second of the
    // defence at work (15 tips/s from one address).
    assertThat(lag).isBetween(-50L, 1_100L);
    assertThat(fullLag).isBetween(950L, 3_000L);
    assertThat(decisions(perAddress)).isPositive();
    assertThat(perAddress.path("reject.rate_limited").path("junk").asLong())
        .as("one address, two tokens: the bucket refuses within the first full second").isPositive();
  }

  private static long decisions(JsonNode perDecision) {
    long n = 0;
    for (JsonNode byClass : perDecision) {
      for (JsonNode count : byClass) {
        n += count.asLong();
      }
    }
    return n;
  }
}
