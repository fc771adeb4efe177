package dev.tipflood.reports.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class KneedleTest {
  private static final ReferenceData FIGURE2 = ReferenceData.load("kneedle-figure2.csv");

  @Test
  void findsThePapersFigure2KneeAtTwoNinths() {
    Kneedle.Knee k = Kneedle.find(FIGURE2.x, FIGURE2.y, 1.0, Kneedle.Curve.CONCAVE, Kneedle.Direction.INCREASING)
        .orElseThrow();
    assertThat(k.x()).isCloseTo(FIGURE2.headerValue("knee at x"), within(1e-6));
    assertThat(k.y()).isCloseTo(FIGURE2.headerValue("y"), within(1e-6));
    assertThat(k.index()).isEqualTo(2);
  }

  @Test
  void detectsFigure2sShapeByItself() {
    Kneedle.Knee k = Kneedle.find(FIGURE2.x, FIGURE2.y, 1.0).orElseThrow();
    assertThat(k.curve()).isEqualTo(Kneedle.Curve.CONCAVE);
    assertThat(k.direction()).isEqualTo(Kneedle.Direction.INCREASING);
    assertThat(k.x()).isCloseTo(0.2222222, within(1e-6));
  }

  @Test
  void theWrongShapeGivesAnotherAnswer() {
    // Negative control: told the curve is convex, the same data give no knee at 2/9.
    var k = Kneedle.find(FIGURE2.x, FIGURE2.y, 1.0, Kneedle.Curve.CONVEX, Kneedle.Direction.INCREASING);
    assertThat(k.map(Kneedle.Knee::index)).isNotEqualTo(java.util.Optional.of(2));
  }

  @Test
  void aConcaveDecreasingCliffHasItsKneeWhereItFallsOff() {
    // Legit goodput against flood intensity: flat, then it falls off.
    double[] x = {1, 2, 3, 4, 5, 6, 7, 8};
    double[] y = {10, 10, 9.9, 9.8, 9.5, 6, 2, 0.5};
    Kneedle.Knee k = Kneedle.find(x, y, 1.0).orElseThrow();
    assertThat(k.direction()).isEqualTo(Kneedle.Direction.DECREASING);
    assertThat(k.curve()).isEqualTo(Kneedle.Curve.CONCAVE);
    assertThat(k.x()).isEqualTo(5);
  }

  @Test
  void aConvexDecreasingCurveHasItsElbowAfterTheDrop() {
    double[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9};
    double[] y = {100, 40, 20, 12, 10, 9, 8.5, 8.2, 8};
    Kneedle.Knee k = Kneedle.find(x, y, 1.0).orElseThrow();
    assertThat(k.curve()).isEqualTo(Kneedle.Curve.CONVEX);
    assertThat(k.x()).isEqualTo(3);
  }

  @Test
  void aStraightLineOrTooFewPointsHaveNoKnee() {
    assertThat(Kneedle.find(new double[] {1, 2, 3, 4}, new double[] {2, 4, 6, 8}, 1.0)).isEmpty();
    assertThat(Kneedle.find(new double[] {1, 2}, new double[] {2, 3}, 1.0)).isEmpty();
    assertThat(Kneedle.find(new double[] {1, 2, 3}, new double[] {5, 5, 5}, 1.0)).isEmpty();
  }

  @Test
  void rejectsUnsortedX() {
    assertThatThrownBy(() -> Kneedle.find(new double[] {1, 3, 2}, new double[] {1, 2, 3}, 1.0))
        .hasMessageContaining("x[2]");
  }

  @Test
  void unevenlySpacedStepsFindTheCliffToo() {
    // A sweep's steps crowd around the breaking point: x is far from evenly spaced.
    double[] x = {0.0144, 0.0288, 0.0342, 0.0357, 0.0373, 0.0407, 0.0575};
    double[] y = {1, 1, 1, 1, 0.87, 0.8, 0.3};
    Kneedle.Knee k = Kneedle.find(x, y, 1.0).orElseThrow();
    assertThat(k.direction()).isEqualTo(Kneedle.Direction.DECREASING);
    assertThat(k.x()).isEqualTo(0.0357);
  }

  @Test
  void aNoisyStepAfterTheCliffDoesNotMoveTheKneeToAnEnd() {
    // Goodput of a real sweep (tipline+throttle): the last step happened to keep more legit tips than the one before.
    double[] x = {0.0144, 0.0288, 0.0342, 0.0357, 0.0373, 0.0407, 0.0575};
    double[] y = {1, 1, 1, 1, 0.867, 0.8, 0.867};
    Kneedle.Knee k = Kneedle.find(x, y, 1.0, Kneedle.Curve.CONCAVE, Kneedle.Direction.DECREASING).orElseThrow();
    assertThat(k.x()).isEqualTo(0.0357);
  }

  @Test
  void aLastStepThatRecoveredIsNotTheKnee() {
    // Goodput of the second real sweep (tipline+throttle): its last step rose again after the cliff.
    double[] x = {0.0144, 0.0288, 0.0314, 0.0328, 0.0342, 0.0407, 0.0575};
    double[] y = {1, 1, 1, 1, 0.933, 0.667, 0.867};
    Kneedle.Knee k = Kneedle.find(x, y, 1.0, Kneedle.Curve.CONCAVE, Kneedle.Direction.DECREASING).orElseThrow();
    assertThat(k.x()).isEqualTo(0.0328);
  }
}
