package dev.tipflood.loadgen.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tipflood.loadgen.measure.ClassKey;
import dev.tipflood.loadgen.measure.ClientLogs;
import dev.tipflood.loadgen.measure.ClientRecorder;
import dev.tipflood.loadgen.measure.TimeSource;
import java.nio.file.Path;
import java.util.Map;
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

  @Test
  void countsTipsRetriesAndOutcomesPerPopulation(@TempDir Path dir) throws Exception {
    ClientRecorder r = new ClientRecorder();
    try (ClientLogs logs = new ClientLogs(dir, r, Map.of(), FIXED)) {
      r.record(new ClassKey("fans", "submit-tip", "503"), 10_000, 9_000);
      r.record(new ClassKey("fans", "submit-tip-retry", "201"), 20_000, 19_000);
      r.record(new ClassKey("fans", "tip", "201"), 40_000, 30_000);
      r.record(new ClassKey("fans", "submit-tip", "timeout"), 30_000_000, 30_000_000);
      r.record(new ClassKey("fans", "tip", "timeout"), 30_000_000, 30_000_000);
    }
    var progress = new ObjectMapper().readTree(
        "{\"populations\":{\"fans\":{\"tips\":3,\"requests\":4,\"completed\":3}}}");
    RunSummary s = RunSummary.read(ProgressLineTest.plan(), dir.resolve("latency-corrected.hlog"),
        dir.resolve("latency-raw.hlog")).withProgress(progress);
    RunSummary.PopulationFacts f = s.facts().get("fans");
    assertThat(f.tips()).isEqualTo(2);
    assertThat(f.accepted()).isEqualTo(1);
    assertThat(f.requests()).isEqualTo(3);
    assertThat(f.retries()).isEqualTo(1);
    assertThat(f.outcomes()).containsEntry("503", 1L).containsEntry("201", 1L).containsEntry("timeout", 1L);
    assertThat(s.text())
        .contains("fans (junk): planned 60 tips, started 3, finished 2, accepted 1 (33.3% of started); 3 requests incl. 1 retries")
        .contains("1 unfinished when the run stopped")
        .contains("accepted tip latency: p50 40.0ms");
  }
}
