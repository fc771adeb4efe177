package dev.tipflood.server.health;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventLoopLagProbeTest {

  private static final long MS = 1_000_000L;
  private final EventLoopLagProbe probe = new EventLoopLagProbe("loop-0", 5000 * MS);

  @Test
  void timersOnTimeMeanNoLag() {
    for (long t = 0; t < 10_000 * MS; t += 100 * MS) {
      probe.armed(t + 100 * MS);
      probe.fired(t + 100 * MS);
    }
    assertThat(probe.lagNanos(10_000 * MS)).isZero();
  }

  @Test
  void aLateTimerIsLag() {
    probe.armed(100 * MS);
    probe.fired(350 * MS);
    assertThat(probe.lagNanos(360 * MS)).isEqualTo(250 * MS);
  }

  @Test
  void aStalledLoopLagsByHowOverdueItsTimerIs() {
    probe.armed(100 * MS);
    // the loop is stuck: the timer has not fired, yet the lag keeps growing
    assertThat(probe.lagNanos(90 * MS)).isZero();
    assertThat(probe.lagNanos(1100 * MS)).isEqualTo(1000 * MS);
    assertThat(probe.lagNanos(3100 * MS)).isEqualTo(3000 * MS);
  }

  @Test
  void aSpikeIsRememberedForTheHoldTimeThenForgotten() {
    probe.armed(100 * MS);
    probe.fired(2100 * MS); // 2 s late
    long t = 2100 * MS;
    for (int i = 0; i < 10; i++) { // then on time
      probe.armed(t + 100 * MS);
      t += 100 * MS;
      probe.fired(t);
    }
    assertThat(probe.lagNanos(t)).isEqualTo(2000 * MS);
    for (int i = 0; i < 60; i++) {
      probe.armed(t + 100 * MS);
      t += 100 * MS;
      probe.fired(t);
    }
    assertThat(probe.lagNanos(t)).isZero();
  }
}
