package dev.tipflood.reports.analysis;

import static dev.tipflood.reports.SyntheticRun.range;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tipflood.reports.SyntheticRun;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassOutcomeTest {
  @TempDir
  Path dir;

  @Test
  void everyStartedTipEndsAcceptedRejectedFailedOrLost() {
    SyntheticRun.at(dir, 40).population("citizens", true, 3).population("fans", false, 10)
        .start("citizens", 0, 3).start("fans", 0, 10)
        .tips("citizens", 0, "201", 200_000, 900_000)
        .tips("citizens", 3, "201", 2_500_000) // over the 1 s latency SLO: accepted, not goodput
        .tips("fans", 1, "201", range(1000, 4))
        .tips("fans", 1, "429", range(1000, 3))
        .tips("fans", 31, "timeout", 30_000_000)
        .requests("fans", 1, "503", 1000) // a first attempt whose retry got the 429: a request, not a tip
        .write();

    RunAnalysis a = RunAnalyzer.analyze(dir);

    ClassReport fans = a.classReport("fans");
    assertThat(fans.offered()).isEqualTo(10);
    assertThat(fans.accepted()).isEqualTo(4);
    assertThat(fans.rejectedByStatus()).isEqualTo(Map.of("429", 3L));
    assertThat(fans.failedByKind()).isEqualTo(Map.of("timeout", 1L));
    assertThat(fans.lost()).isEqualTo(2);
    assertThat(fans.requests()).isEqualTo(9);
    ClassReport citizens = a.classReport("citizens");
    assertThat(citizens.accepted()).isEqualTo(3);
    assertThat(citizens.goodput()).isEqualTo(2);
    assertThat(citizens.lost()).isZero();

    Scorecard s = a.scorecard();
    assertThat(s.legitNotAccepted()).isZero();
    assertThat(s.legitGoodput()).isEqualTo(2);
    assertThat(s.junkAccepted()).isEqualTo(4);
    assertThat(s.junkOffered()).isEqualTo(10);
  }

  @Test
  void deferredTipsAndTheirLaterMediaUploadsAreCountedApartFromTipAttempts() {
    SyntheticRun.at(dir, 10).population("citizens", true, 4).start("citizens", 0, 4)
        .tips("citizens", 0, "202", 1000, 1000, 1000).tips("citizens", 0, "201", 1000)
        .mediaUploads("citizens", 3, "503", 1000, 1000).mediaUploads("citizens", 5, "201", 1000, 1000)
        .write();

    ClassReport citizens = RunAnalyzer.analyze(dir).classReport("citizens");

    assertThat(citizens.requests()).isEqualTo(4);
    assertThat(citizens.retries()).isZero();
    assertThat(citizens.accepted()).isEqualTo(4);
    assertThat(citizens.lost()).isZero();
    assertThat(citizens.deferred()).isEqualTo(new ClassReport.DeferredMedia(3, 2, 4));
  }

  @Test
  void lostLegitTipsAreCountedFromProgressMinusFinishedTips() {
    SyntheticRun.at(dir, 10).population("citizens", true, 5).start("citizens", 0, 5)
        .tips("citizens", 1, "201", 1000, 1000).tips("citizens", 2, "503", 1000).write();

    RunAnalysis a = RunAnalyzer.analyze(dir);

    assertThat(a.scorecard().legitLost()).isEqualTo(2);
    assertThat(a.scorecard().legitRejected()).isEqualTo(1);
    assertThat(a.scorecard().legitNotAccepted()).isEqualTo(3);
    assertThat(a.series().classes().get(0).open()).startsWith(5.0, 3.0, 2.0, 2.0);
    SloVerdict ratio = a.slo("legitSuccessRatio");
    assertThat(ratio.verdict()).isEqualTo(Verdict.FAIL);
    assertThat(ratio.measured()).isEqualTo(0.4);
    assertThat(ratio.detail()).contains("2 lost");
  }
}
