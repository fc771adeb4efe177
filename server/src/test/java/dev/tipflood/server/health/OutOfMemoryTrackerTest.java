package dev.tipflood.server.health;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutOfMemoryTrackerTest {

  private final OutOfMemoryTracker tracker = new OutOfMemoryTracker();

  @Test
  void recordsOutOfMemoryErrorsDirectOrAsACause() {
    assertThat(tracker.record(new OutOfMemoryError("Java heap space"))).isTrue();
    assertThat(tracker.record(new IllegalStateException("wrapped", new OutOfMemoryError("Direct buffer memory"))))
        .isTrue();
    assertThat(tracker.count()).isEqualTo(2);
  }

  @Test
  void ignoresOtherFailures() {
    assertThat(tracker.record(new IllegalStateException("boom", new StackOverflowError()))).isFalse();
    assertThat(tracker.count()).isZero();
  }
}
