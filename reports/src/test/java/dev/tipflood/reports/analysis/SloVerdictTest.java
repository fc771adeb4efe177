package dev.tipflood.reports.analysis;

import static dev.tipflood.reports.SyntheticRun.range;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tipflood.reports.SyntheticRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SloVerdictTest {
  @TempDir
  Path dir;

  private SyntheticRun run() {
    return SyntheticRun.at(dir, 10).population("citizens", true, 100).population("fans", false, 1)
        .slo("slo:\n  legitAcceptP99: 50ms\n  legitSuccessRatio: 0.95\n  legitTimeToReviewP95: 60s\n"
            + "  junkStorageShareMax: 0.5\n");
  }

  @Test
  void eachSloGivesItsMeasuredValueBoundAndVerdict() {
    SyntheticRun r = run().startAndEnd("citizens", 0, "201", range(1000, 98)).startAndEnd("citizens", 0, "201", 80_000, 90_000);
    r.sample(9).with("reviewed").with("legit").put("total", 5).with("ttrMs").put("p50", 10_000).put("p95", 30_000)
        .put("p99", 31_000).put("max", 31_000);
    r.sample(9).with("storage").with("byTruth").put("legit", 400).put("junk", 600);
    r.write();

    RunAnalysis a = RunAnalyzer.analyze(dir);

    SloVerdict p99 = a.slo("legitAcceptP99");
    assertThat(p99.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(p99.measured()).isEqualTo(80.0, org.assertj.core.data.Offset.offset(0.1));
    assertThat(p99.bound()).isEqualTo(50.0);
    assertThat(a.slo("legitSuccessRatio").verdict()).isEqualTo(Verdict.PASS);
    assertThat(a.slo("legitSuccessRatio").measured()).isEqualTo(1.0);
    SloVerdict ttr = a.slo("legitTimeToReviewP95");
    assertThat(ttr.verdict()).isEqualTo(Verdict.PASS);
    assertThat(ttr.measured()).isEqualTo(30_000.0);
    SloVerdict junk = a.slo("junkStorageShareMax");
    assertThat(junk.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(junk.measured()).isEqualTo(0.6);
    assertThat(a.failedSlos()).isEqualTo(2);
    assertThat(Headline.of(a)).startsWith("FAILED: 2 of 4 measured SLOs failed; 0 of 100 legit tips");
  }

  @Test
  void withoutServerTheServerSideSlosAreNotMeasured() {
    run().withoutServer().startAndEnd("citizens", 0, "201", range(1000, 100)).write();

    RunAnalysis a = RunAnalyzer.analyze(dir);

    assertThat(a.slo("legitTimeToReviewP95").verdict()).isEqualTo(Verdict.NOT_MEASURED);
    assertThat(a.slo("junkStorageShareMax").verdict()).isEqualTo(Verdict.NOT_MEASURED);
    assertThat(a.slosPassed()).isTrue();
    assertThat(Headline.of(a)).startsWith("HELD: all 2 measured SLOs passed");
  }

  @Test
  void unreviewedTipsFailTheReviewSloOnlyOnceTheyHaveWaitedLongerThanItsBound() {
    run().startAndEnd("citizens", 0, "201", range(1000, 100)).write();
    assertThat(RunAnalyzer.analyze(dir).slo("legitTimeToReviewP95").verdict()).isEqualTo(Verdict.NOT_MEASURED);

    Path longer = dir.resolve("longer");
    SyntheticRun.at(longer, 90).population("citizens", true, 100).startAndEnd("citizens", 0, "201", range(1000, 100))
        .write();
    SloVerdict ttr = RunAnalyzer.analyze(longer).slo("legitTimeToReviewP95");
    assertThat(ttr.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(ttr.detail()).isEqualTo("no accepted legit tip was reviewed; the first waited 90 s, over the bound");
  }
}
