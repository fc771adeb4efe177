package dev.tipflood.server.model.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VirtualSchedulerTest {

  private final VirtualScheduler clock = new VirtualScheduler();

  @Test
  void runsTasksInTimeOrderThenFifoAmongEquals() {
    List<String> ran = new ArrayList<>();
    clock.schedule(20, () -> ran.add("b@" + clock.nanoTime()));
    clock.schedule(10, () -> ran.add("a@" + clock.nanoTime()));
    clock.schedule(20, () -> ran.add("c@" + clock.nanoTime()));

    clock.advanceBy(Duration.ofNanos(15));
    assertThat(ran).containsExactly("a@10");
    assertThat(clock.nanoTime()).isEqualTo(15);

    clock.advanceBy(Duration.ofNanos(100));
    assertThat(ran).containsExactly("a@10", "b@20", "c@20");
    assertThat(clock.nanoTime()).isEqualTo(115);
  }

  @Test
  void tasksScheduledWhileRunningRunInTheSameAdvanceIfDue() {
    List<Long> ran = new ArrayList<>();
    clock.schedule(5, () -> clock.schedule(5, () -> ran.add(clock.nanoTime())));
    clock.advanceBy(Duration.ofNanos(10));
    assertThat(ran).containsExactly(10L);
  }

  @Test
  void cancelledTaskNeverRuns() {
    List<String> ran = new ArrayList<>();
    Scheduler.Cancellable handle = clock.schedule(5, () -> ran.add("x"));
    assertThat(handle.cancel()).isTrue();
    clock.advanceBy(Duration.ofNanos(10));
    assertThat(ran).isEmpty();
    assertThat(handle.cancel()).isFalse();
  }

  @Test
  void runUntilIdleRefusesToSpinForever() {
    Runnable[] again = new Runnable[1];
    again[0] = () -> clock.schedule(1, again[0]);
    clock.schedule(1, again[0]);
    assertThatThrownBy(() -> clock.runUntilIdle(100))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("still pending after 100");
  }

  @Test
  void cannotGoBackInTime() {
    clock.advanceBy(Duration.ofNanos(10));
    assertThatThrownBy(() -> clock.advanceTo(5)).hasMessageContaining("before now 10");
  }
}
