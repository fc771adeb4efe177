package dev.tipflood.reports.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CapacityReportTest {
  @TempDir
  Path dir;

  /** A profile that holds up to {@code breaks}: legit goodput 1/s, then it falls off; throughput follows a USL. */
  private static List<CapacityPoint> steps(double breaks, double... intensities) {
    UslModel truth = new UslModel(1.0, 0.02, 0.0005, Double.NaN, 0);
    List<CapacityPoint> out = new ArrayList<>();
    for (double x : intensities) {
      boolean held = x <= breaks;
      double offered = 1 + 150 * x;
      out.add(new CapacityPoint(x, 150 * x, offered, truth.throughput(offered), held ? 1.0 : Math.max(0, 1 - (x - breaks)
          / breaks), held ? 900 : 7000, 60_000, held, held ? List.of() : List.of("legitAcceptP99"), null));
    }
    return out;
  }

  private static CapacityReport report(List<CapacityCurve> curves) {
    return new CapacityReport("fancam-flood", 150, 1, 5, 15, List.of("legitAcceptP99"), 600, 590, false, curves);
  }

  @Test
  void theBreakingPointIsTheLastHeldBelowTheFirstBroken() {
    BreakingPoint bp = BreakingPoint.of(steps(0.3, 0.1, 0.2, 0.4, 0.28, 0.34));
    assertThat(bp.status()).isEqualTo(BreakingPoint.Status.BRACKETED);
    assertThat(bp.held()).isEqualTo(0.28);
    assertThat(bp.broke()).isEqualTo(0.34);
  }

  @Test
  void aNoisyPassAboveABreakDoesNotWidenTheBracket() {
    List<CapacityPoint> noisy = new ArrayList<>(steps(0.3, 0.2, 0.4));
    noisy.addAll(steps(1.0, 0.5)); // held at 0.5 although 0.4 broke
    BreakingPoint bp = BreakingPoint.of(noisy);
    assertThat(bp.held()).isEqualTo(0.2);
    assertThat(bp.broke()).isEqualTo(0.4);
  }

  @Test
  void theStatementRanksProfilesAndGivesBrackets() {
    CapacityCurve naive = CapacityCurve.of("naive", steps(0.02, 0.0144, 0.0288, 0.0204, 0.0171), "budget spent");
    CapacityCurve tipline = CapacityCurve.of("tipline", steps(0.3, 0.2, 0.4, 0.283, 0.336), "budget spent");
    String s = report(List.of(naive, tipline)).statement();
    assertThat(s).startsWith("With tipline the service keeps legit tips within SLO up to 0.283\u00d7 the scenario's junk "
        + "peak (42.4 junk tips/s; bracket 0.283\u00d7-0.336\u00d7)");
    assertThat(s).contains("; with naive the service keeps legit tips within SLO up to 0.0171\u00d7");
  }

  @Test
  void aProfileThatNeverHeldIsSaidToBreakBelowTheSmallestFloodTried() {
    CapacityCurve naive = CapacityCurve.of("naive", steps(0.001, 0.0144, 0.0072, 0.0036), "budget spent");
    assertThat(report(List.of(naive)).statement()).isEqualTo("With naive it breaks even at 0.0036\u00d7 the junk peak "
        + "(0.54 junk tips/s), the smallest flood tried: the breaking point is below that.");
  }

  @Test
  void theKneeOfTheGoodputCurveIsWhereItFallsOff() {
    CapacityCurve c = CapacityCurve.of("tipline", steps(0.3, 0.05, 0.1, 0.2, 0.3, 0.45, 0.55, 0.6), "converged");
    assertThat(c.knee()).isPresent();
    assertThat(c.knee().get().x()).isEqualTo(0.3);
  }

  @Test
  void theUslIsFittedOnlyWhereThereAreEnoughSteps() {
    CapacityCurve three = CapacityCurve.of("naive", steps(0.3, 0.1, 0.2, 0.4), "budget spent");
    assertThat(three.usl()).isEmpty();
    CapacityCurve seven = CapacityCurve.of("tipline", steps(0.3, 0.05, 0.1, 0.2, 0.3, 0.45, 0.55, 0.6), "converged");
    assertThat(seven.usl()).isPresent();
    assertThat(seven.usl().get().sigma()).isCloseTo(0.02, org.assertj.core.data.Percentage.withPercentage(1));
  }

  @Test
  void writesTheHtmlAndTheJson() throws Exception {
    CapacityCurve naive = CapacityCurve.of("naive", steps(0.02, 0.0144, 0.0288, 0.0204), "budget spent");
    CapacityCurve tipline = CapacityCurve.of("tipline", steps(0.3, 0.05, 0.1, 0.2, 0.3, 0.45, 0.55, 0.6), "converged");
    CapacityFiles.write(report(List.of(naive, tipline)), dir);

    String html = Files.readString(dir.resolve(CapacityReport.HTML));
    assertThat(html).contains("<figure id=\"goodput\"").contains("<figure id=\"p99\"").contains("<figure id=\"ttr\"")
        .contains("<figure id=\"usl\"").contains("breaking-point bracket").contains("R\u00b2").doesNotContain("NaN");
    JsonNode json = new ObjectMapper().readTree(dir.resolve(CapacityReport.JSON).toFile());
    assertThat(json.path("schema").asText()).isEqualTo(CapacityJson.SCHEMA);
    JsonNode t = json.path("profiles").get(1);
    assertThat(t.path("breakingPoint").path("held").asDouble()).isEqualTo(0.3);
    assertThat(t.path("breakingPoint").path("broke").asDouble()).isEqualTo(0.45);
    assertThat(t.path("usl").path("lambda").isNumber()).isTrue();
    assertThat(json.path("profiles").get(0).path("usl").isNull()).isTrue();
    assertThat(t.path("steps")).hasSize(7);
  }

  @Test
  void aPointMustAgreeWithItsVerdict() {
    assertThatThrownBy(() -> new CapacityPoint(1, 1, 1, 1, 1, 1, 1, true, List.of("legitAcceptP99"), null))
        .hasMessageContaining("passed exactly when no SLO failed");
  }
}
