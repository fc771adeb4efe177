package dev.tipflood.reports.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tipflood.reports.SyntheticRun;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Known timelines: the flood and the legit trickle both arrive in seconds 0..29 (flood and load
 * end at 30); metastable means still unavailable at 40 or later (10 s after).
 */
class DegradationTest {
  @TempDir
  Path dir;

  private SyntheticRun run(int seconds) {
    int[] thirty = new int[30];
    java.util.Arrays.fill(thirty, 1);
    return SyntheticRun.at(dir, seconds).population("citizens", true, thirty).population("fans", false, thirty);
  }

  @Test
  void readyFailingAfterTheLoadIsGoneIsMetastable() {
    run(60).readyRange(0, 10, 200).readyRange(10, 21, 503, "heapAfterGc").readyRange(21, 35, 200)
        .readyRange(35, 60, 0).start("fans", 12, 7).write();

    Degradation d = RunAnalyzer.analyze(dir).degradation();

    assertThat(d.firstReadyFailure()).get().satisfies(e -> {
      assertThat(e.second()).isEqualTo(10);
      assertThat(e.what()).isEqualTo("/ready failed: 503 heapAfterGc");
    });
    assertThat(d.unavailable()).containsExactly(new Unavailability(10, 21, "/ready 503 heapAfterGc"),
        new Unavailability(35, 60, "/ready no answer (timeout)"));
    assertThat(d.floodEndSecond()).isEqualTo(30);
    assertThat(d.recoverySeconds()).isEmpty();
    assertThat(d.metastability()).isEqualTo(Metastability.METASTABLE);
  }

  @Test
  void readyBackFiveSecondsAfterTheFloodGivesRecoveryTimeFive() {
    run(60).readyRange(0, 10, 200).readyRange(10, 35, 503, "gcOverhead").readyRange(35, 60, 200).write();

    Degradation d = RunAnalyzer.analyze(dir).degradation();

    assertThat(d.unavailable()).containsExactly(new Unavailability(10, 35, "/ready 503 gcOverhead"));
    assertThat(d.recoverySeconds()).hasValue(5);
    assertThat(d.metastability()).isEqualTo(Metastability.STABLE);
  }

  @Test
  void downLongAfterTheLoadThenBackIsMetastableWithARecoveryTime() {
    run(60).readyRange(0, 10, 200).readyRange(10, 45, 503, "heapAfterGc").readyRange(45, 60, 200).write();

    RunAnalysis a = RunAnalyzer.analyze(dir);

    assertThat(a.degradation().metastability()).isEqualTo(Metastability.METASTABLE);
    assertThat(a.degradation().recoverySeconds()).hasValue(15);
    assertThat(Headline.of(a)).endsWith("; still down 10 s after the load ended (metastable), available again 15 s after "
        + "the flood ended.");
  }

  @Test
  void unavailableRunsCloserThanTheSettleTimeAreOneInterval() {
    run(60).readyRange(0, 10, 200).readyRange(10, 15, 503, "eventLoopLag").readyRange(15, 17, 200)
        .readyRange(17, 21, 0).readyRange(21, 60, 200).write();

    Degradation d = RunAnalyzer.analyze(dir).degradation();

    assertThat(d.unavailable()).containsExactly(new Unavailability(10, 21, "/ready 503 eventLoopLag"));
    assertThat(d.recoverySeconds()).hasValue(0);
  }

  @Test
  void neverUnavailableRecoversAtOnce() {
    run(40).readyRange(0, 40, 200).write();

    Degradation d = RunAnalyzer.analyze(dir).degradation();

    assertThat(d.unavailable()).isEmpty();
    assertThat(d.firstReadyFailure()).isEmpty();
    assertThat(d.recoverySeconds()).hasValue(0);
    assertThat(d.metastability()).isEqualTo(Metastability.STABLE);
  }

  @Test
  void dataEndingWhileStillDownIsUnknown() {
    run(32).readyRange(0, 20, 200).readyRange(20, 32, 0).write();

    Degradation d = RunAnalyzer.analyze(dir).degradation();

    assertThat(d.recoverySeconds()).isEmpty();
    assertThat(d.metastability()).isEqualTo(Metastability.UNKNOWN);
  }

  @Test
  void withoutServerErrorsAboveTheThresholdMakeASecondUnavailable() {
    run(40).withoutServer()
        .requests("fans", 12, "201", 1000, 1000, 1000, 1000, 1000)
        .requests("fans", 12, "timeout", 30_000_000, 30_000_000, 30_000_000)
        .requests("fans", 12, "connection-error", 5, 5)
        .requests("fans", 13, "503", 100, 100) // 2 of 2 fail, but fewer than 3: not counted
        .write();

    List<Unavailability> u = RunAnalyzer.analyze(dir).degradation().unavailable();

    assertThat(u).containsExactly(new Unavailability(12, 13, "errors 5 of 10 requests (50%)"));
  }

  @Test
  void firstSloBreachIsWhenMoreLegitTipsFailedThanTheRunAllows() {
    // 30 legit tips, ratio 0.9: 3 may fail. The 4th failure, at 20 s, breaks the SLO for good.
    SyntheticRun r = run(40);
    for (int s = 0; s < 30; s++) {
      r.start("citizens", s, 1);
    }
    r.start("fans", 20, 6);
    r.tips("citizens", 5, "503", 1000).tips("citizens", 8, "503", 1000).tips("citizens", 12, "503", 1000)
        .tips("citizens", 20, "503", 1000).readyRange(0, 40, 200).write();

    Degradation d = RunAnalyzer.analyze(dir).degradation();

    assertThat(d.firstSloBreach()).get().satisfies(e -> {
      assertThat(e.second()).isEqualTo(20);
      assertThat(e.what()).startsWith("legitSuccessRatio: 4 legit tips rejected or failed");
      assertThat(e.offeredPerSecond()).isEqualTo(7);
    });
  }
}
