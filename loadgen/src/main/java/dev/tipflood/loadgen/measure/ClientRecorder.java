package dev.tipflood.loadgen.measure;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Records request latencies per {@link ClassKey}, twice: corrected (from the intended send time)
 * and raw (from the actual send). Thread-safe and wait-free on the recording path; an interval
 * reader {@link #drain} takes what was recorded since its previous call.
 *
 * <pre>{@code
 * ClientRecorder r = new ClientRecorder();
 * r.record(new ClassKey("fans", "submit-tip", "201"), correctedMicros, rawMicros);
 * r.drain(startMs, endMs, (kind, histogram) -> writer.outputIntervalHistogram(histogram));
 * }</pre>
 */
public final class ClientRecorder {
  /** Which clock a histogram measures from. */
  public enum Kind { CORRECTED, RAW }

  /**
   * One hour in microseconds: the largest latency recorded; longer ones are clamped to it.
   * A fixed range (not auto-resizing) because HdrHistogram sizes a decoded histogram from the
   * range written in the log, which for an auto-resized one can be smaller than its counts.
   */
  public static final long MAX_MICROS = 3_600_000_000L;

  private final Map<ClassKey, Pair> recorders = new ConcurrentHashMap<>();

  /**
   * The two recorders of one class, and the interval histograms they last handed out, recycled at
   * the next drain: a histogram over one hour in µs at 3 digits is ~190 KB, four of them a second.
   */
  private static final class Pair {
    final Recorder corrected = new Recorder(1, MAX_MICROS, 3);
    final Recorder raw = new Recorder(1, MAX_MICROS, 3);
    Histogram correctedSpare;
    Histogram rawSpare;
  }

  /**
   * Latencies in microseconds, both clamped alike to [1, {@link #MAX_MICROS}], so a pair with
   * corrected &ge; raw (as {@link SendTiming} makes them) keeps that order.
   */
  public void record(ClassKey key, long correctedMicros, long rawMicros) {
    Pair pair = recorders.computeIfAbsent(key, k -> new Pair());
    pair.corrected.recordValue(clamp(correctedMicros));
    pair.raw.recordValue(clamp(rawMicros));
  }

  private static long clamp(long micros) {
    return Math.max(1, Math.min(MAX_MICROS, micros));
  }

  /**
   * Hands every non-empty interval histogram recorded since the last drain to {@code sink},
   * tagged with its class and stamped with the given interval. A histogram is valid only during
   * its {@code sink} call: it is reused by the next drain. Called by one thread at a time.
   */
  public synchronized void drain(long startMillis, long endMillis, BiConsumer<Kind, Histogram> sink) {
    recorders.entrySet().stream()
        .sorted(Map.Entry.comparingByKey(java.util.Comparator.comparing(ClassKey::tag)))
        .forEach(e -> {
          Pair p = e.getValue();
          p.correctedSpare = emit(Kind.CORRECTED, e.getKey(), p.corrected.getIntervalHistogram(p.correctedSpare),
              startMillis, endMillis, sink);
          p.rawSpare = emit(Kind.RAW, e.getKey(), p.raw.getIntervalHistogram(p.rawSpare), startMillis, endMillis, sink);
        });
  }

  private static Histogram emit(Kind kind, ClassKey key, Histogram h, long start, long end,
                                BiConsumer<Kind, Histogram> sink) {
    if (h.getTotalCount() > 0) {
      h.setTag(key.tag());
      h.setStartTimeStamp(start);
      h.setEndTimeStamp(end);
      sink.accept(kind, h);
    }
    return h;
  }
}
