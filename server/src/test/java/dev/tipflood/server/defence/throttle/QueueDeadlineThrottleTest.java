package dev.tipflood.server.defence.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tipflood.server.defence.Attempt;
import dev.tipflood.server.defence.Decision;
import dev.tipflood.server.defence.ManualClock;
import dev.tipflood.server.defence.Outcome;
import dev.tipflood.server.defence.Point;
import dev.tipflood.server.defence.Reason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueueDeadlineThrottleTest {
  private final ManualClock clock = new ManualClock();

  private QueueDeadlineThrottle queue(QueueDeadlineThrottle.Mode mode) {
    return new QueueDeadlineThrottle(new QueueDeadlineThrottle.Settings(1, 100, Duration.ofSeconds(2), mode,
        Duration.ofMillis(100), Duration.ofSeconds(1)), clock);
  }

  private Decision offer(QueueDeadlineThrottle q) {
    return q.decide(Point.HEADERS, new Attempt("10.0.0.1", 10, clock.nanoTime()));
  }

  private static List<Decision> settled(Decision.Queued q) {
    List<Decision> out = new ArrayList<>();
    q.ticket().onSettled(out::add);
    return out;
  }

  @Test
  void queuedWorkStartsWhenASlotFrees() {
    QueueDeadlineThrottle q = queue(QueueDeadlineThrottle.Mode.DEADLINE);
    Decision.Admit first = (Decision.Admit) offer(q);
    List<Decision> second = settled((Decision.Queued) offer(q));
    assertThat(second).isEmpty();
    clock.advance(Duration.ofMillis(500));
    first.release().done(Outcome.DURABLE);
    assertThat(second).singleElement().isInstanceOf(Decision.Admit.class);
  }

  @Test
  void workPastItsDeadlineIsShedBySweepWith503Reason() {
    QueueDeadlineThrottle q = queue(QueueDeadlineThrottle.Mode.DEADLINE);
    offer(q);
    List<Decision> waiting = settled((Decision.Queued) offer(q));
    clock.advance(Duration.ofMillis(1999));
    q.sweep();
    assertThat(waiting).isEmpty();
    clock.advance(Duration.ofMillis(2));
    q.sweep();
    assertThat(waiting).singleElement().satisfies(d ->
        assertThat(((Decision.Reject) d).reason()).isEqualTo(Reason.QUEUE_TIMEOUT));
  }

  @Test
  void workPastItsDeadlineIsShedAtDequeueTooNotStarted() {
    QueueDeadlineThrottle q = queue(QueueDeadlineThrottle.Mode.DEADLINE);
    Decision.Admit first = (Decision.Admit) offer(q);
    List<Decision> late = settled((Decision.Queued) offer(q));
    clock.advance(Duration.ofSeconds(3));
    first.release().done(Outcome.DURABLE);
    assertThat(late).singleElement().isInstanceOf(Decision.Reject.class);
    assertThat(offer(q)).as("the slot is free again").isInstanceOf(Decision.Admit.class);
  }

  /** A standing queue (every sojourn above target for over an interval) makes CoDel shed; plain deadline does not. */
  @Test
  void codelShedsAStandingQueueThatDeadlineModeLetsThrough() {
    assertThat(shedUnderStandingQueue(QueueDeadlineThrottle.Mode.CODEL)).isPositive();
    assertThat(shedUnderStandingQueue(QueueDeadlineThrottle.Mode.DEADLINE)).isZero();
  }

  /** One slot, 300ms per tip, a tip offered every 250ms for 20s: the queue grows; sojourns stay under 2s for a while. */
  private int shedUnderStandingQueue(QueueDeadlineThrottle.Mode mode) {
    clock.set(1_000_000_000L);
    QueueDeadlineThrottle q = queue(mode);
    List<Decision> outcomes = new ArrayList<>();
    List<long[]> due = new ArrayList<>();
    List<Decision.Admit> running = new ArrayList<>();
    int shed = 0;
    for (int step = 0; step < 16; step++) {
      Decision d = offer(q);
      if (d instanceof Decision.Queued queued) {
        queued.ticket().onSettled(outcomes::add);
      } else {
        outcomes.add(d);
      }
      clock.advance(Duration.ofMillis(250));
      // complete whatever runs once 300ms have passed since it started: approximate with one per 300ms
      while (!running.isEmpty() || outcomes.stream().anyMatch(o -> o instanceof Decision.Admit)) {
        for (Decision o : List.copyOf(outcomes)) {
          if (o instanceof Decision.Admit a) {
            running.add(a);
            outcomes.remove(o);
          } else if (o instanceof Decision.Reject) {
            shed++;
            outcomes.remove(o);
          }
        }
        if (running.isEmpty()) {
          break;
        }
        if (due.size() < running.size()) {
          due.add(new long[] {clock.nanoTime() + 300_000_000L});
        }
        if (due.get(0)[0] > clock.nanoTime()) {
          break;
        }
        due.remove(0);
        running.remove(0).release().done(Outcome.DURABLE);
      }
    }
    return shed + (int) outcomes.stream().filter(o -> o instanceof Decision.Reject).count();
  }
}
