package dev.tipflood.loadgen.client;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.PrimitiveIterator;

/**
 * Where Gatling starts a population's users, from its per-second arrival counts. Within second
 * {@code s} that has {@code n} arrivals, user {@code i} starts at {@code s + floor(1000 i / n) ms}:
 * exactly where Gatling's open injection places them (it shards each second's users over 1000
 * one-millisecond slots, see Gatling's {@code Shard}), so the k-th user Gatling starts is the k-th
 * offset here. Only whole seconds are Gatling's to place: inside a second it spreads users evenly.
 *
 * <p>So the schedule runs {@link #LEAD_MICROS} ahead: the users of the plan's second {@code s}
 * start in Gatling's second {@code s}, and each waits until its own arrival time (the plan's
 * {@code arrivalOffsetsMillis}: exponential gaps for a Poisson process) plus the lead, which is
 * never earlier than its start. Latency is measured from that arrival time, free of coordinated
 * omission: a stalled injector or server cannot hide waiting.
 */
public final class UserStartSchedule {
  /** How far Gatling's start of a user runs ahead of its arrival, at most: one second. */
  public static final int LEAD_SECONDS = 1;
  /** {@link #LEAD_SECONDS} in microseconds. */
  public static final long LEAD_MICROS = LEAD_SECONDS * 1_000_000L;

  private final int[] perSecond;

  public UserStartSchedule(List<Integer> arrivalsPerSecond) {
    this.perSecond = arrivalsPerSecond.stream().mapToInt(Integer::intValue).toArray();
  }

  public long total() {
    long t = 0;
    for (int n : perSecond) {
      t += n;
    }
    return t;
  }

  /** Arrivals planned up to (excluding) second {@code second}. */
  public long plannedBefore(int second) {
    long t = 0;
    for (int s = 0; s < Math.min(second, perSecond.length); s++) {
      t += perSecond[s];
    }
    return t;
  }

  public int seconds() {
    return perSecond.length;
  }

  public int arrivalsIn(int second) {
    return perSecond[second];
  }

  /** Where Gatling starts each user, in microseconds from the start of its injection, in order. */
  public PrimitiveIterator.OfLong offsetsMicros() {
    return new PrimitiveIterator.OfLong() {
      private int second;
      private int index;

      @Override
      public boolean hasNext() {
        while (second < perSecond.length && index >= perSecond[second]) {
          second++;
          index = 0;
        }
        return second < perSecond.length;
      }

      @Override
      public long nextLong() {
        if (!hasNext()) {
          throw new NoSuchElementException("schedule exhausted after " + total() + " arrivals");
        }
        long offset = second * 1_000_000L + (index * 1000L / perSecond[second]) * 1000L;
        index++;
        return offset;
      }
    };
  }
}
