package dev.tipflood.loadgen.client;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.PrimitiveIterator;

/**
 * The intended start times of a population's tips, from its per-second arrival counts.
 * Within second {@code s} that has {@code n} arrivals, arrival {@code i} is intended at
 * {@code s + floor(1000 i / n) ms}: exactly where Gatling's open injection places its users (it
 * shards each second's users over 1000 one-millisecond slots, see Gatling's {@code Shard}), so
 * the k-th user Gatling starts is the k-th intended time here. Latency measured from these
 * times is free of coordinated omission: a stalled injector or server cannot hide waiting.
 */
public final class ArrivalSchedule {
  private final int[] perSecond;

  public ArrivalSchedule(List<Integer> arrivalsPerSecond) {
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

  /** Intended offsets from the start of the run, in microseconds, in arrival order. */
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
