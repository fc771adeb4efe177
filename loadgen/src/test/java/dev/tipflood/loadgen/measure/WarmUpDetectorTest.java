package dev.tipflood.loadgen.measure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WarmUpDetectorTest {
  private static final long T0 = 1_000_000L;
  private static final long LATE = WarmUpDetector.LAG_LIMIT_MICROS + 1;
  private static final long ON_TIME = WarmUpDetector.LAG_LIMIT_MICROS;

  private static WarmUpDetector fed(long... p99PerSecond) {
    WarmUpDetector d = new WarmUpDetector();
    for (int s = 0; s < p99PerSecond.length; s++) {
      d.interval(T0 + s * 1000L, 100, p99PerSecond[s]);
    }
    return d;
  }

  @Test
  void warmFromTheFirstOfThreeGoodSecondsInARow() {
    WarmUpDetector d = fed(LATE, LATE, ON_TIME, LATE, ON_TIME, ON_TIME, ON_TIME, LATE);
    assertThat(d.warm()).isTrue();
    assertThat(d.warmUpSeconds(T0 + 8000)).isEqualTo(4.0);
  }

  @Test
  void aClientWarmFromTheStartHasNoWarmUp() {
    assertThat(fed(ON_TIME, ON_TIME, ON_TIME).warmUpSeconds(T0 + 3000)).isZero();
  }

  @Test
  void aClientThatNeverKeptUpIsAllWarmUpAndSaysSo() {
    WarmUpDetector d = fed(LATE, ON_TIME, ON_TIME, LATE, ON_TIME);
    assertThat(d.warm()).isFalse();
    assertThat(d.warmUpSeconds(T0 + 5000)).isEqualTo(5.0);
    assertThat(d.report(T0 + 5000)).containsEntry("warm", false).containsEntry("warmFromMillis", -1L);
  }

  @Test
  void secondsWithoutRequestsNeitherCountNorBreakARun() {
    WarmUpDetector d = new WarmUpDetector();
    d.interval(T0, 0, 0); // the lead second: nothing sent yet
    d.interval(T0 + 1000, 50, LATE);
    d.interval(T0 + 2000, 50, ON_TIME);
    d.interval(T0 + 3000, 0, 0); // a gap in the schedule
    d.interval(T0 + 4000, 50, ON_TIME);
    d.interval(T0 + 5000, 50, ON_TIME);
    assertThat(d.warm()).isTrue();
    assertThat(d.warmUpSeconds(T0 + 6000)).as("from the first second with requests").isEqualTo(1.0);
  }
}
