package dev.tipflood.server.measure.timeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;

/**
 * Builds one timeline sample per call to {@link #sample()} (the server calls it every second)
 * from its contributors, and keeps the most recent ones in a bounded buffer for {@link #since}.
 * Thread-safe.
 *
 * <pre>{@code
 * TimelineSampler timeline = new TimelineSampler(Clock.systemUTC(), System::nanoTime, 3600);
 * timeline.add(new JvmContributor());
 * timeline.sample();
 * String ndjson = timeline.ndjsonSince(0);
 * }</pre>
 */
public final class TimelineSampler {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Clock wall;
  private final LongSupplier nanoTime;
  private final int capacity;
  private final List<TimelineContributor> contributors = new CopyOnWriteArrayList<>();
  private final ArrayDeque<Sample> samples = new ArrayDeque<>();
  private long lastNanos;

  /** @param capacity samples kept; older ones are dropped first */
  public TimelineSampler(Clock wall, LongSupplier nanoTime, int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
    }
    this.wall = wall;
    this.nanoTime = nanoTime;
    this.capacity = capacity;
    this.lastNanos = nanoTime.getAsLong();
  }

  public void add(TimelineContributor contributor) {
    contributors.add(contributor);
  }

  /** Takes a sample now and keeps it. */
  public synchronized Map<String, Object> sample() {
    long now = nanoTime.getAsLong();
    long interval = Math.max(1, now - lastNanos);
    lastNanos = now;
    long t = wall.millis();
    Map<String, Object> sample = new LinkedHashMap<>();
    sample.put("t", t);
    sample.put("intervalMs", Math.round(interval / 1e6));
    for (TimelineContributor contributor : contributors) {
      contributor.contribute(sample, interval);
    }
    samples.addLast(new Sample(t, toJson(sample)));
    while (samples.size() > capacity) {
      samples.removeFirst();
    }
    return sample;
  }

  /** Samples taken strictly after {@code sinceMillis}, oldest first, one JSON object per line. */
  public synchronized String ndjsonSince(long sinceMillis) {
    StringBuilder out = new StringBuilder();
    for (Sample s : samples) {
      if (s.t > sinceMillis) {
        out.append(s.json).append('\n');
      }
    }
    return out.toString();
  }

  /** The number of samples kept. */
  public synchronized int size() {
    return samples.size();
  }

  /** The JSON of kept samples after {@code sinceMillis}, for tests and tools. */
  public synchronized List<String> jsonSince(long sinceMillis) {
    List<String> out = new ArrayList<>();
    samples.stream().filter(s -> s.t > sinceMillis).forEach(s -> out.add(s.json));
    return out;
  }

  private static String toJson(Map<String, Object> sample) {
    try {
      return JSON.writeValueAsString(sample);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("timeline sample is not serialisable: " + sample, e);
    }
  }

  private record Sample(long t, String json) {}
}
