package dev.tipflood.reports.analysis;

import static dev.tipflood.reports.SyntheticRun.range;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tipflood.reports.SyntheticRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Values 1..1000 µs, 900 of them in one interval and 100 in the next: the merged histogram has
 * exact percentiles (HdrHistogram is exact below 2048 at 3 digits). Averaging the two intervals'
 * medians would give 700 µs, not 500.
 */
class MergedPercentilesTest {
  @TempDir
  Path dir;

  @Test
  void knownHistogramGivesExactPercentilesWhenIntervalsAreAdded() {
    SyntheticRun.at(dir, 5).population("citizens", true, 900, 100)
        .startAndEnd("citizens", 0, "201", range(1, 900))
        .startAndEnd("citizens", 1, "201", range(901, 100)).write();

    RunAnalysis a = RunAnalyzer.analyze(dir);

    Percentiles p = a.classReport("citizens").acceptedLatency().corrected();
    assertThat(p.count()).isEqualTo(1000);
    assertThat(p.p50Ms()).isEqualTo(0.5);
    assertThat(p.p90Ms()).isEqualTo(0.9);
    assertThat(p.p99Ms()).isEqualTo(0.99);
    assertThat(p.p999Ms()).isEqualTo(0.999);
    assertThat(p.maxMs()).isEqualTo(1.0);
    assertThat(a.legitLatency().corrected()).isEqualTo(p);
    // The raw log holds the same tips 100 µs faster (never below 1 µs): its 500th value is 400 µs.
    assertThat(a.classReport("citizens").acceptedLatency().raw().p50Ms()).isEqualTo(0.4);
  }

  @Test
  void perSecondSeriesMergeOnlyTheirOwnSecond() {
    SyntheticRun.at(dir, 5).population("citizens", true, 900, 100)
        .startAndEnd("citizens", 0, "201", range(1, 900))
        .startAndEnd("citizens", 1, "201", range(901, 100)).write();

    TimeSeries.ClassSeries s = RunAnalyzer.analyze(dir).series().classes().get(0);

    assertThat(s.p50Ms()[0]).isEqualTo(0.45);
    assertThat(s.p50Ms()[1]).isEqualTo(0.95);
    assertThat(s.p50Ms()[2]).isNaN();
    assertThat(s.offered()).startsWith(900.0, 100.0, 0.0);
    assertThat(s.accepted()).startsWith(900.0, 100.0, 0.0);
  }
}
