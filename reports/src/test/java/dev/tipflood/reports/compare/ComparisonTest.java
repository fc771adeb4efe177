package dev.tipflood.reports.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tipflood.reports.Fixtures;
import dev.tipflood.reports.analysis.RunAnalysis;
import dev.tipflood.reports.analysis.RunAnalyzer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparisonTest {
  @TempDir
  Path dir;

  private RunAnalysis collapse() {
    return RunAnalyzer.analyze(Fixtures.collapse(dir.resolve("collapse")));
  }

  private RunAnalysis held() {
    return RunAnalyzer.analyze(Fixtures.held(dir.resolve("held")));
  }

  private static ScoreRow row(Comparison c, String id) {
    return c.rows().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void highlightsWhereTheRunsDifferAndWhichIsBetter() {
    Comparison c = Comparison.of(List.of(collapse(), held()));
    ScoreRow lost = row(c, "legit.notAccepted");
    assertThat(lost.differs()).isTrue();
    assertThat(lost.best()).isEqualTo(1);
    assertThat(lost.worst()).isEqualTo(0);
    assertThat(row(c, "legit.offered").differs()).isFalse();
  }

  @Test
  void theSameRunTwiceDiffersNowhere() {
    RunAnalysis a = held();
    Comparison c = Comparison.of(List.of(a, a));
    assertThat(c.rows()).noneMatch(ScoreRow::differs);
    assertThat(c.labels()).hasSize(2).doesNotHaveDuplicates();
  }

  @Test
  void writesTheTableTheVerdictsAndOverlaidCharts() throws Exception {
    Comparison c = Comparison.of(List.of(collapse(), held()));
    CompareFiles.write(c, dir.resolve("out"));
    String html = Files.readString(dir.resolve("out").resolve(CompareFiles.HTML));
    assertThat(html).contains("Ground-truth scorecard").contains("SLO verdicts").contains("(differs)")
        .contains("<figure id=\"legit-accepted\"").contains("<figure id=\"review-backlog\"").doesNotContain("NaN");
    JsonNode json = new ObjectMapper().readTree(dir.resolve("out").resolve(CompareFiles.JSON).toFile());
    assertThat(json.path("schema").asText()).isEqualTo(CompareJson.SCHEMA);
    assertThat(json.path("runs")).hasSize(2);
    assertThat(json.path("runs").get(0).path("slos").path("legitSuccessRatio").path("verdict").asText()).isEqualTo("fail");
  }

  @Test
  void refusesRunsOfDifferentScenariosNamingThem() throws Exception {
    Path other = Fixtures.held(dir.resolve("other"));
    ObjectMapper json = new ObjectMapper();
    ObjectNode manifest = (ObjectNode) json.readTree(other.resolve("manifest.json").toFile());
    ((ObjectNode) manifest.path("scenario")).put("name", "gif-spam");
    json.writeValue(other.resolve("manifest.json").toFile(), manifest);
    RunAnalysis gif = RunAnalyzer.analyze(other);
    assertThatThrownBy(() -> Comparison.of(List.of(held(), gif))).isInstanceOf(ComparisonException.class)
        .hasMessageContaining("scenario 'gif-spam' differs from 'synthetic'").hasMessageContaining(other.toString());
  }

  @Test
  void needsTwoRuns() {
    assertThatThrownBy(() -> Comparison.of(List.of(held()))).hasMessageContaining("at least 2");
  }
}
