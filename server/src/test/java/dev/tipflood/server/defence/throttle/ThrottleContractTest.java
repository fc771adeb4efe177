package dev.tipflood.server.defence.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tipflood.server.defence.Attempt;
import dev.tipflood.server.defence.Decision;
import dev.tipflood.server.defence.Defence;
import dev.tipflood.server.defence.ManualClock;
import dev.tipflood.server.defence.NanoClock;
import dev.tipflood.server.defence.Outcome;
import dev.tipflood.server.defence.Point;
import dev.tipflood.server.defence.Reason;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The contract every throttle keeps, run on each one with a manual clock (in the style of
 * resilience4j's RateLimitersImplementationTest): it admits up to its limit, refuses beyond it
 * with a reason, recovers after the wait it named, names the real wait within one tick, and
 * keeps memory bounded under a million distinct clients.
 */
abstract class ThrottleContractTest {
  /** One tick of the manual clock: a millisecond, Retry-After's finest useful grain. */
  static final long TICK = 1_000_000L;

  /** The throttle under test, on {@code clock}. */
  abstract Defence create(NanoClock clock);

  /** Requests one client gets admitted in a row, from a fresh throttle. */
  abstract int limit(Defence fresh);

  abstract Reason expectedReason();

  /** How long admitted work holds what it took before it is durable; 0 releases at once. */
  long serviceNanos() {
    return 0;
  }

  /** Bytes per request for throttles that act on the body. */
  long bytesPerRequest() {
    return 0;
  }

  /** Keys a throttle keeps per client; null for throttles with no per-client state. */
  Long liveKeys(Defence d) {
    return null;
  }

  /** The client key bound: the throttle must keep no more than this many clients. */
  long maxKeys() {
    return 10_000;
  }

  /** One throttle, its clock, and the work it admitted that is still in flight. */
  final class Run {
    final ManualClock clock = new ManualClock();
    final Defence defence = create(clock);
    final List<long[]> dueAt = new ArrayList<>();
    final List<dev.tipflood.server.defence.Release> releases = new ArrayList<>();

    /** Offers one request of {@code client} at every point the throttle acts; the first non-admit decides. */
    Decision offer(String client) {
      Attempt a = new Attempt("10.0." + client, bytesPerRequest() > 0 ? bytesPerRequest() : 4096, clock.nanoTime());
      a.deviceId("dev-" + client);
      List<Decision.Admit> admits = new ArrayList<>();
      for (Point p : Point.values()) {
        if (!defence.points().contains(p)) {
          continue;
        }
        Decision d = defence.decide(p, a, p == Point.BODY ? bytesPerRequest() : 0);
        if (d instanceof Decision.Admit admit) {
          admits.add(admit);
        } else {
          admits.forEach(x -> x.release().done(Outcome.IGNORED));
          return d;
        }
      }
      for (Decision.Admit admit : admits) {
        if (serviceNanos() == 0) {
          admit.release().done(Outcome.DURABLE);
        } else {
          dueAt.add(new long[] {clock.nanoTime() + serviceNanos(), releases.size()});
          releases.add(admit.release());
        }
      }
      return Decision.admit();
    }

    /** Moves time on, completing (durably) the work that falls due on the way, each at its own time. */
    void advance(long nanos) {
      long target = clock.nanoTime() + nanos;
      dueAt.sort(Comparator.comparingLong(x -> x[0]));
      while (!dueAt.isEmpty() && dueAt.get(0)[0] <= target) {
        long[] next = dueAt.remove(0);
        clock.set(Math.max(clock.nanoTime(), next[0]));
        releases.get((int) next[1]).done(Outcome.DURABLE);
      }
      clock.set(target);
    }

    /** A completed cycle first, so limits that learn from samples have one; then the client's limit. */
    Decision.Refusal fillAndRefuse() {
      if (serviceNanos() > 0) {
        assertThat(offer("warm")).isInstanceOf(Decision.Admit.class);
        advance(serviceNanos());
      }
      int limit = limit(defence);
      for (int i = 0; i < limit; i++) {
        assertThat(offer("a")).as("request %d of %d", i + 1, limit).isInstanceOf(Decision.Admit.class);
      }
      Decision beyond = offer("a");
      assertThat(beyond).as("request %d, beyond the limit", limit + 1).isInstanceOf(Decision.Refusal.class);
      return (Decision.Refusal) beyond;
    }
  }

  @Test
  void admitsUpToItsLimit() {
    Run run = new Run();
    int limit = limit(run.defence);
    assertThat(limit).isPositive();
    for (int i = 0; i < limit; i++) {
      assertThat(run.offer("a")).isInstanceOf(Decision.Admit.class);
    }
  }

  @Test
  void refusesBeyondItsLimitWithAReasonAndAWait() {
    Decision.Refusal refusal = new Run().fillAndRefuse();
    assertThat(refusal.reason()).isEqualTo(expectedReason());
    assertThat(refusal.waitNanos()).isPositive();
    if (refusal instanceof Decision.Reject r) {
      assertThat(r.detail()).isNotBlank();
    }
  }

  @Test
  void recoversAfterTheWaitItNamed() {
    Run run = new Run();
    Decision.Refusal refusal = run.fillAndRefuse();
    run.advance(refusal.waitNanos());
    assertThat(run.offer("a")).isInstanceOf(Decision.Admit.class);
  }

  /** Two identical histories: one asks again a tick before the named wait, the other at it. */
  @Test
  void retryAfterIsTheRealWaitWithinOneTick() {
    Run early = new Run();
    long wait = early.fillAndRefuse().waitNanos();
    assertThat(wait).isGreaterThan(TICK);
    early.advance(wait - TICK);
    assertThat(early.offer("a")).as("a tick before the wait of %dns", wait).isInstanceOf(Decision.Refusal.class);

    Run onTime = new Run();
    assertThat(onTime.fillAndRefuse().waitNanos()).isEqualTo(wait);
    onTime.advance(wait);
    assertThat(onTime.offer("a")).as("at the wait of %dns", wait).isInstanceOf(Decision.Admit.class);
  }

  @Test
  void otherClientsAreNotHeldBackByOneClientsLimitUnlessTheLimitIsGlobal() {
    Run run = new Run();
    run.fillAndRefuse();
    Decision other = run.offer("b");
    if (liveKeys(run.defence) != null) {
      assertThat(other).isInstanceOf(Decision.Admit.class);
    } else {
      assertThat(other).isInstanceOf(Decision.Refusal.class);
    }
  }

  /**
   * A million clients, each seen once (identity rotation), one microsecond apart. The heap the
   * throttle retains is measured after a full GC; an unbounded map of buckets would hold hundreds
   * of megabytes.
   */
  @Test
  void memoryStaysBoundedUnderAMillionDistinctKeys() {
    long before = usedHeapAfterGc();
    Run run = new Run();
    int refused = 0;
    for (int i = 0; i < 1_000_000; i++) {
      if (!(run.offer(Integer.toString(i)) instanceof Decision.Admit)) {
        refused++;
      }
      run.advance(1_000);
      if (run.dueAt.size() > 1_000) {
        run.advance(serviceNanos());
      }
      if (run.releases.size() > 100_000 && run.dueAt.isEmpty()) {
        run.releases.clear();
      }
    }
    run.advance(serviceNanos());
    run.releases.clear();
    long retained = usedHeapAfterGc() - before;
    Long keys = liveKeys(run.defence);
    System.out.printf(Locale.ROOT, "memory under 1M distinct keys: %s retains %.1f MB, %s live keys, %d refused%n",
        getClass().getSimpleName(), retained / 1048576.0, keys == null ? "no" : keys.toString(), refused);
    if (keys != null) {
      assertThat(keys).isLessThanOrEqualTo(maxKeys());
    }
    assertThat(retained).as("heap retained by the throttle").isLessThan(48L << 20);
    java.lang.ref.Reference.reachabilityFence(run);
  }

  static long usedHeapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
