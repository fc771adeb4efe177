package dev.tipflood.loadgen.shaping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tipflood.loadgen.measure.TimeSource;
import org.junit.jupiter.api.Test;

class UploadShaperTest {
  /** A clock that only moves when told. */
  static final class ManualTime implements TimeSource {
    long nanos = 1_000_000_000L;

    void advanceMillis(long ms) {
      nanos += ms * 1_000_000L;
    }

    @Override
    public long nanoTime() {
      return nanos;
    }

    @Override
    public long currentTimeMillis() {
      return nanos / 1_000_000L;
    }
  }

  @Test
  void startsWithOneBurstOfOneHundredMillisecondsWorth() {
    ManualTime time = new ManualTime();
    UploadShaper shaper = new UploadShaper(16_000, time);
    assertThat(shaper.burstBytes()).isEqualTo(1_600);
    assertThat(shaper.grant(10_000)).isEqualTo(1_600);
    assertThat(shaper.grant(10_000)).isZero();
  }

  @Test
  void refillsAtTheCapAndNeverAboveTheBurst() {
    ManualTime time = new ManualTime();
    UploadShaper shaper = new UploadShaper(16_000, time);
    shaper.grant(Long.MAX_VALUE);
    time.advanceMillis(50);
    assertThat(shaper.grant(10_000)).isEqualTo(800);
    time.advanceMillis(10_000); // a long idle pause refills one burst, not ten seconds' worth
    assertThat(shaper.grant(1_000_000)).isEqualTo(1_600);
  }

  @Test
  void overAStreamTheGrantedBytesAreTheCapTimesTimePlusOneBurst() {
    ManualTime time = new ManualTime();
    long cap = 819; // slow-uploads: 16KB/s at scale 0.05
    UploadShaper shaper = new UploadShaper(cap, time);
    long sent = 0;
    for (int step = 0; step < 6_000; step++) { // 60 s in 10 ms steps, always more to send
      sent += shaper.grant(1_000_000);
      time.advanceMillis(10);
    }
    assertThat(sent).isBetween(cap * 60 - cap / 100, cap * 60 + shaper.burstBytes());
  }

  @Test
  void waitsForABatchNotForOneByte() {
    ManualTime time = new ManualTime();
    UploadShaper shaper = new UploadShaper(1_000, time); // burst 100 bytes
    shaper.grant(Long.MAX_VALUE);
    assertThat(shaper.nanosUntilAvailable(5_000)).isEqualTo(100_000_000L);
    assertThat(shaper.nanosUntilAvailable(10)).isEqualTo(10_000_000L);
    time.advanceMillis(100);
    assertThat(shaper.nanosUntilAvailable(5_000)).isZero();
    assertThat(shaper.grant(5_000)).isEqualTo(100);
  }

  @Test
  void tinyCapsStillGrantWholeBytes() {
    ManualTime time = new ManualTime();
    UploadShaper shaper = new UploadShaper(5, time);
    assertThat(shaper.burstBytes()).isEqualTo(1);
    assertThat(shaper.grant(100)).isEqualTo(1);
    time.advanceMillis(200);
    assertThat(shaper.grant(100)).isEqualTo(1);
  }

  @Test
  void rejectsANonPositiveCapNamingTheField() {
    assertThatThrownBy(() -> new UploadShaper(0, new ManualTime()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("uploadBandwidthBytesPerSecond");
  }
}
