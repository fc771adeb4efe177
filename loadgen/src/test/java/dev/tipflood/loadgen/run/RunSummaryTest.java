package dev.tipflood.loadgen.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tipflood.loadgen.measure.ClassKey;
import dev.tipflood.loadgen.measure.ClientLogs;
import dev.tipflood.loadgen.measure.ClientRecorder;
import dev.tipflood.loadgen.measure.TimeSource;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunSummaryTest {
  private static final TimeSource FIXED = new TimeSource() {
    @Override
    public long nanoTime() {
      return 0;
    }

    @Override
    public long currentTimeMillis() {
      return 1_590_955_200_000L;
    }
  };

  private static RunSummary summary(Path dir, String progress, Consumer<ClientRecorder> records) throws Exception {
    ClientRecorder r = new ClientRecorder();
    try (ClientLogs logs = new ClientLogs(dir, r, new dev.tipflood.loadgen.measure.SendLagRecorder(), Map.of(), FIXED)) {
      records.accept(r);
    }
    return RunSummary.read(ProgressLineTest.plan(), dir.resolve("latency-corrected.hlog"), dir.resolve("latency-raw.hlog"))
        .withProgress(progress == null ? null : new ObjectMapper().readTree(progress));
  }

  private static void record(ClientRecorder r, String request, String outcome, int times, long micros) {
    for (int i = 0; i < times; i++) {
      r.record(new ClassKey("fans", request, outcome), micros, micros);
    }
  }

  private static long sum(Map<String, Long> outcomes) {
    return outcomes.values().stream().mapToLong(Long::longValue).sum();
  }

  @Test
  void countsTipsRetriesAndOutcomesPerPopulation(@TempDir Path dir) throws Exception {
    RunSummary s = summary(dir, "{\"populations\":{\"fans\":{\"tips\":3,\"requests\":4,\"completed\":3}}}", r -> {
      r.record(new ClassKey("fans", "submit-tip", "503"), 10_000, 9_000);
      r.record(new ClassKey("fans", "submit-tip-retry", "201"), 20_000, 19_000);
      r.record(new ClassKey("fans", "tip", "201"), 40_000, 30_000);
      r.record(new ClassKey("fans", "submit-tip", "timeout"), 30_000_000, 30_000_000);
      r.record(new ClassKey("fans", "tip", "timeout"), 30_000_000, 30_000_000);
    });
    RunSummary.PopulationFacts f = s.facts().get("fans");
    assertThat(f.started()).isEqualTo(3);
    assertThat(f.tips()).isEqualTo(2);
    assertThat(f.lost()).isEqualTo(1);
    assertThat(f.accepted()).isEqualTo(1);
    // the third tip's first attempt is in flight: 4 requests, 1 of them a retry
    assertThat(f.requests()).isEqualTo(4);
    assertThat(f.retries()).isEqualTo(1);
    assertThat(f.outcomes()).containsOnly(Map.entry("503", 1L), Map.entry("201", 1L), Map.entry("timeout", 1L),
        Map.entry("lost", 1L));
    assertThat(sum(f.outcomes())).isEqualTo(f.requests());
    assertThat(s.text())
        .contains("fans (junk): planned 60 tips, started 3, finished 2, LOST 1, accepted 1 (33.3% of started); "
            + "4 requests incl. 1 retries")
        .contains("request outcomes: 201 x1 503 x1 timeout x1 lost x1 (lost: sent, no outcome by the end of the drain)")
        .contains("accepted tip latency: p50 40.0ms");
  }

  /** A 202 deferred tip's later media uploads are neither first attempts nor retries, nor lost requests. */
  @Test
  void laterMediaUploadsAreCountedApartFromTheTipsAttempts(@TempDir Path dir) throws Exception {
    RunSummary s = summary(dir, "{\"populations\":{\"fans\":{\"tips\":2,\"requests\":2,\"completed\":2}}}", r -> {
      record(r, "submit-tip", "202", 1, 10_000);
      record(r, "tip", "202", 1, 10_000);
      record(r, "submit-tip", "201", 1, 10_000);
      record(r, "tip", "201", 1, 10_000);
      record(r, "submit-media", "503", 2, 5_000);
      record(r, "submit-media", "201", 1, 20_000);
    });
    RunSummary.PopulationFacts f = s.facts().get("fans");
    assertThat(f.requests()).isEqualTo(2);
    assertThat(f.retries()).isZero();
    assertThat(f.lost()).isZero();
    assertThat(f.outcomes()).containsOnly(Map.entry("202", 1L), Map.entry("201", 1L));
    assertThat(f.accepted()).isEqualTo(2);
    assertThat(f.deferred()).isEqualTo(1);
    assertThat(f.mediaLater()).isEqualTo(1);
    assertThat(f.mediaOutcomes()).containsOnly(Map.entry("503", 2L), Map.entry("201", 1L));
    assertThat(s.text()).contains("2 requests incl. 0 retries")
        .contains("deferred (202) 1 tips; media accepted later for 1; media uploads: 201 x1 503 x2");
  }

  /** The fancam-flood-smoke case on naive: every timed-out first attempt was retried, and no retry finished. */
  @Test
  void aRetryCutOffByTheEndIsOneLostRequestNotASecondCountOfItsTimedOutAttempt(@TempDir Path dir) throws Exception {
    RunSummary s = summary(dir, "{\"populations\":{\"fans\":{\"tips\":484,\"requests\":879,\"completed\":484}}}", r -> {
      record(r, "submit-tip", "201", 89, 10_000_000);
      record(r, "tip", "201", 89, 10_000_000);
      record(r, "submit-tip", "timeout", 395, 30_000_000);
    });
    RunSummary.PopulationFacts f = s.facts().get("fans");
    assertThat(f.tips()).isEqualTo(89);
    assertThat(f.lost()).isEqualTo(395);
    assertThat(f.requests()).isEqualTo(879);
    assertThat(f.retries()).isEqualTo(395);
    assertThat(f.outcomes()).containsOnly(Map.entry("201", 89L), Map.entry("timeout", 395L), Map.entry("lost", 395L));
    assertThat(sum(f.outcomes())).isEqualTo(f.requests());
    assertThat(s.text())
        .contains("started 484, finished 89, LOST 395, accepted 89 (18.4% of started); 879 requests incl. 395 retries")
        .contains("request outcomes: 201 x89 timeout x395 lost x395");
  }

  @Test
  void firstAttemptsCutOffAreLostRequestsButNotRetries(@TempDir Path dir) throws Exception {
    RunSummary s = summary(dir, "{\"populations\":{\"fans\":{\"tips\":68,\"requests\":68,\"completed\":22}}}", r -> {
      record(r, "submit-tip", "201", 22, 1_800_000);
      record(r, "tip", "201", 22, 1_800_000);
    });
    RunSummary.PopulationFacts f = s.facts().get("fans");
    assertThat(f.requests()).isEqualTo(68);
    assertThat(f.retries()).isZero();
    assertThat(f.lost()).isEqualTo(46);
    assertThat(f.outcomes()).containsOnly(Map.entry("201", 22L), Map.entry("lost", 46L));
  }

  @Test
  void withoutProgressCountersOnlyFinishedRequestsAreCounted(@TempDir Path dir) throws Exception {
    RunSummary s = summary(dir, null, r -> {
      record(r, "submit-tip", "201", 3, 50_000);
      record(r, "tip", "201", 3, 50_000);
    });
    RunSummary.PopulationFacts f = s.facts().get("fans");
    assertThat(f.started()).isEqualTo(-1);
    assertThat(f.requests()).isEqualTo(3);
    assertThat(f.outcomes()).containsOnly(Map.entry("201", 3L));
    assertThat(s.text()).contains("planned 60 tips, finished 3, accepted 3 (100.0% of finished); 3 requests incl. 0 retries")
        .doesNotContain("lost");
  }
}
