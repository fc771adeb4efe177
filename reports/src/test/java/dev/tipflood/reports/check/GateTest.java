package dev.tipflood.reports.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tipflood.reports.Fixtures;
import dev.tipflood.reports.analysis.RunAnalyzer;
import dev.tipflood.reports.json.SummaryJson;
import dev.tipflood.reports.rundir.RunDirectoryException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GateTest {
  @TempDir
  Path dir;

  @Test
  void aRunAgainstItselfHasNoRegression() {
    JsonNode held = Baseline.load(Fixtures.held(dir.resolve("held")));

    CheckResult r = Gate.compare(held, held, Tolerances.defaults());

    assertThat(r.regressed()).isFalse();
    assertThat(r.slosFailed()).isFalse();
    assertThat(r.table()).endsWith("no regression\n");
  }

  @Test
  void aCollapseAgainstAHeldBaselineRegressesWithAReadableTable() throws Exception {
    Path held = Fixtures.held(dir.resolve("held"));
    SummaryJson.write(RunAnalyzer.analyze(held), held.resolve("summary.json"));

    CheckResult r = Gate.compare(Baseline.load(held.resolve("summary.json")), Baseline.load(Fixtures.collapse(dir.resolve("c"))),
        Tolerances.defaults());

    assertThat(r.regressed()).isTrue();
    assertThat(r.rows()).filteredOn(MetricComparison::regression).extracting(c -> c.metric().id())
        .contains("legit.notAccepted", "legit.goodput", "junk.accepted", "junk.bytesStored");
    assertThat(r.table()).contains("metric", "baseline", "now", "change", "tolerance")
        .containsPattern("legit\\.notAccepted +0 +\\d+ +\\+\\d+ +\\+10%\\+2 +REGRESSION")
        .contains("SLO failed: legitSuccessRatio");
  }

  @Test
  void aLooserToleranceTurnsARegressionIntoOk() {
    MetricComparison tight = new MetricComparison(Metric.LEGIT_P99, 100, 140, Tolerances.defaults().of(Metric.LEGIT_P99));
    MetricComparison loose = new MetricComparison(Metric.LEGIT_P99, 100, 140,
        Tolerances.parse(List.of("legit.p99=50%")).of(Metric.LEGIT_P99));

    assertThat(tight.regression()).isFalse(); // 25% of 100 + 50 ms = 75 ms allowed
    assertThat(new MetricComparison(Metric.LEGIT_P99, 100, 176, Tolerances.defaults().of(Metric.LEGIT_P99)).regression())
        .isTrue();
    assertThat(loose.regression()).isFalse();
    assertThat(new MetricComparison(Metric.LEGIT_GOODPUT, 100, 87, new Tolerance(0.10, 2)).regression()).isTrue();
    assertThat(new MetricComparison(Metric.LEGIT_GOODPUT, 100, 88, new Tolerance(0.10, 2)).regression()).isFalse();
  }

  @Test
  void aMetricThatDisappearsIsARegression() {
    assertThat(new MetricComparison(Metric.LEGIT_P50, 20, Double.NaN, new Tolerance(0.25, 50)).regression()).isTrue();
    assertThat(new MetricComparison(Metric.LEGIT_P50, Double.NaN, Double.NaN, new Tolerance(0.25, 50)).status())
        .isEqualTo("not measured");
  }

  @Test
  void tolerancesParseAndBadOnesSayWhatIsValid() {
    assertThat(Tolerance.parse("10%")).isEqualTo(new Tolerance(0.10, 0));
    assertThat(Tolerance.parse("5")).isEqualTo(new Tolerance(0, 5));
    assertThat(Tolerance.parse("12.5%+3")).isEqualTo(new Tolerance(0.125, 3));
    assertThatThrownBy(() -> Tolerance.parse("ten")).hasMessageContaining("expected a percentage (10%)");
    assertThatThrownBy(() -> Tolerances.parse(List.of("legit.p42=10%"))).hasMessageContaining("unknown metric 'legit.p42'")
        .hasMessageContaining("legit.p99");
  }

  @Test
  void aBadBaselineIsAPreciseError() throws Exception {
    Path bad = dir.resolve("summary.json");
    Files.writeString(bad, "{\"schema\":\"tipflood-summary\",\"schemaVersion\":7}");
    assertThatThrownBy(() -> Baseline.load(bad)).isInstanceOf(RunDirectoryException.class)
        .hasMessage(bad + ": summary schemaVersion 7, this tipflood reads version 1");
    Files.writeString(bad, "{\"schema\":\"tipflood-summary\",\"schemaVersion\":1,\"run\":{\"scenario\":\"x\"}}");
    assertThatThrownBy(() -> Baseline.load(bad)).hasMessage(bad + ": summary.json has no /score/legitNotAccepted");
    Files.writeString(bad, "[1,2");
    assertThatThrownBy(() -> Baseline.load(bad)).hasMessageStartingWith(bad + ":1: not valid JSON");
  }
}
