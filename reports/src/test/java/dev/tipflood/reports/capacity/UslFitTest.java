package dev.tipflood.reports.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

class UslFitTest {
  private static final ReferenceData CISCO = ReferenceData.load("usl-cisco.csv");

  @Test
  void fitsTheCiscoBenchmarkWithinATenthOfAPercentOfTheBook() {
    UslModel m = UslFit.fit(CISCO.x, CISCO.y).orElseThrow();
    assertThat(CISCO.x).hasSize(32);
    assertThat(m.lambda()).isCloseTo(CISCO.headerValue("lambda"), Percentage.withPercentage(0.1));
    assertThat(m.sigma()).isCloseTo(CISCO.headerValue("sigma"), Percentage.withPercentage(0.1));
    assertThat(m.kappa()).isCloseTo(CISCO.headerValue("kappa"), Percentage.withPercentage(0.1));
    // The book gives N_max rounded down: sqrt((1 - sigma) / kappa) = 35.57.
    assertThat(m.peakLoad()).isCloseTo(CISCO.headerValue("N_max"), within(1.0));
    assertThat(m.peakThroughput()).isCloseTo(CISCO.headerValue("X_max"), Percentage.withPercentage(0.1));
    assertThat(m.rSquared()).isGreaterThan(0.99).isLessThanOrEqualTo(1);
    assertThat(m.points()).isEqualTo(32);
  }

  @Test
  void aFitToHalfTheDataIsNotTheBooks() {
    // Negative control: the first 12 points alone do not pin kappa down to the book's value.
    double[] n = java.util.Arrays.copyOf(CISCO.x, 12);
    double[] x = java.util.Arrays.copyOf(CISCO.y, 12);
    UslModel m = UslFit.fit(n, x).orElseThrow();
    assertThat(Math.abs(m.kappa() / CISCO.headerValue("kappa") - 1)).isGreaterThan(0.001);
  }

  @Test
  void recoversAKnownModelExactly() {
    UslModel truth = new UslModel(50, 0.05, 0.002, Double.NaN, 0);
    double[] n = {1, 2, 4, 8, 12, 16, 24, 32, 48};
    double[] x = new double[n.length];
    for (int i = 0; i < n.length; i++) {
      x[i] = truth.throughput(n[i]);
    }
    UslModel m = UslFit.fit(n, x).orElseThrow();
    assertThat(m.lambda()).isCloseTo(50, within(1e-6));
    assertThat(m.sigma()).isCloseTo(0.05, within(1e-8));
    assertThat(m.kappa()).isCloseTo(0.002, within(1e-9));
    assertThat(m.rSquared()).isCloseTo(1, within(1e-9));
  }

  @Test
  void tooFewUsablePointsGiveNoModel() {
    assertThat(UslFit.fit(new double[] {1, 2, 3}, new double[] {1, 2, 3})).isEmpty();
    assertThat(UslFit.fit(new double[] {0, 1, 2, 3}, new double[] {0, 1, 2, 3})).isEmpty();
  }
}
