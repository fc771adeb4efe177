package dev.tipflood.server.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GcOverheadWindowTest {

  private static final long SECOND = 1_000_000_000L;
  private static final long TICK = SECOND / 10;
  private final GcOverheadWindow window = new GcOverheadWindow(5 * SECOND);

  @Test
  void noCollectionsMeansNoOverhead() {
    for (int i = 0; i <= 100; i++) {
      assertThat(window.record(i * TICK, 1234)).isZero();
    }
  }

  @Test
  void overheadIsTheShareOfTheWindowSpentCollecting() {
    long gc = 0;
    for (int i = 0; i <= 100; i++) {
      window.record(i * TICK, gc);
      gc += 40; // 40 ms of every 100 ms
    }
    assertThat(window.overhead()).isCloseTo(0.4, within(0.01));
  }

  @Test
  void aCollectionAtStartUpIsSpreadOverTheWholeWindow() {
    window.record(0, 0);
    // 300 ms of GC in the first 500 ms is 6 % of a 5 s window, not 60 %
    assertThat(window.record(5 * TICK, 300)).isCloseTo(0.06, within(1e-9));
  }

  @Test
  void collectionsOlderThanTheWindowAreForgotten() {
    window.record(0, 0);
    window.record(SECOND, 4000); // a burst of thrash
    long gc = 4000;
    for (int i = 11; i <= 80; i++) {
      assertThat(window.record(i * TICK, gc)).isLessThanOrEqualTo(1.0);
    }
    assertThat(window.overhead()).isZero();
  }

  @Test
  void thrashReadsAsNearlyAllOfTheTime() {
    long gc = 0;
    for (int i = 0; i <= 60; i++) {
      window.record(i * TICK, gc);
      gc += 98;
    }
    assertThat(window.overhead()).isGreaterThan(0.95);
  }
}
