package dev.tipflood.server.measure.review;

import dev.tipflood.server.measure.truth.Truth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** A counter per truth class ({@code legit}, {@code junk}, {@code unlabelled}). Thread-safe. */
public final class ClassCounters {

  /** Every class, in the order the timeline lists them. */
  public static final List<String> CLASSES = List.of("legit", "junk", Truth.UNLABELLED);

  private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();

  public ClassCounters() {
    CLASSES.forEach(c -> counters.put(c, new LongAdder()));
  }

  public void add(String truthClass, long amount) {
    LongAdder counter = counters.get(truthClass);
    if (counter == null) {
      throw new IllegalArgumentException("unknown truth class '" + truthClass + "', expected " + CLASSES);
    }
    counter.add(amount);
  }

  public long get(String truthClass) {
    return counters.get(truthClass).sum();
  }

  /** Every class's count, in {@link #CLASSES} order, as the timeline lists them. */
  public java.util.Map<String, Object> byClass() {
    java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
    CLASSES.forEach(c -> m.put(c, get(c)));
    return m;
  }
}
