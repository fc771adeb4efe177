package dev.tipflood.server.measure.latency;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.HdrHistogram.Recorder;

/**
 * Server-side latency in microseconds, one HdrHistogram {@link Recorder} per {@link LatencyTag}.
 * Recording is wait-free and thread-safe; {@link #drainLogLines()} swaps every recorder's
 * interval out and writes it as an HdrHistogram log line, so successive drains add up exactly.
 *
 * <pre>{@code
 * recorders.record(new LatencyTag("fans", Endpoints.TIPS_POST, "201"), micros);
 * String lines = recorders.drainLogLines(); // Tag=pop=fans;ep=tips.post;out=201,1764403200.000,1.000,...
 * }</pre>
 */
public final class LatencyRecorders {

  /**
   * One hour in microseconds: the largest latency recorded; longer ones are clamped to it, and
   * values under 1 us to 1. The range is fixed, not auto-resizing, because a decoder sizes a
   * histogram from the range written in its header, which for an auto-resized interval
   * histogram can be smaller than its counts: the stock reader then fails.
   */
  public static final long MAX_MICROS = 3_600_000_000L;

  private static final int SIGNIFICANT_DIGITS = 3;

  private final Clock wall;
  private final ConcurrentMap<LatencyTag, Recorder> recorders = new ConcurrentHashMap<>();
  private final Map<LatencyTag, Histogram> recycled = new ConcurrentHashMap<>();
  private final LongAdder clamped = new LongAdder();
  private long intervalStartMillis;

  public LatencyRecorders(Clock wall) {
    this.wall = wall;
    this.intervalStartMillis = wall.millis();
  }

  /** Records one latency; a value outside 1 us .. {@link #MAX_MICROS} is clamped and counted. */
  public void record(LatencyTag tag, long micros) {
    long value = micros;
    if (micros < 1 || micros > MAX_MICROS) {
      clamped.increment();
      value = Math.max(1, Math.min(MAX_MICROS, micros));
    }
    recorders.computeIfAbsent(tag, t -> new Recorder(1, MAX_MICROS, SIGNIFICANT_DIGITS)).recordValue(value);
  }

  /** Values recorded since start that fell outside 1 us .. {@link #MAX_MICROS} and were clamped. */
  public long clampedValues() {
    return clamped.sum();
  }

  /**
   * The histograms recorded since the previous drain, one log line per tag that saw a value,
   * sorted by tag. Start time stamps are absolute epoch seconds (base time 0); no header lines.
   */
  public synchronized String drainLogLines() {
    long end = wall.millis();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream print = new PrintStream(out, false, StandardCharsets.UTF_8);
    HistogramLogWriter writer = new HistogramLogWriter(print);
    writer.setBaseTime(0);
    Map<String, Histogram> sorted = new TreeMap<>();
    recorders.forEach(
        (tag, recorder) -> {
          Histogram interval = recorder.getIntervalHistogram(recycled.get(tag));
          recycled.put(tag, interval);
          if (interval.getTotalCount() > 0) {
            interval.setStartTimeStamp(intervalStartMillis);
            interval.setEndTimeStamp(end);
            interval.setTag(tag.wire());
            sorted.put(tag.wire(), interval);
          }
        });
    sorted.values().forEach(writer::outputIntervalHistogram);
    print.flush();
    intervalStartMillis = end;
    return out.toString(StandardCharsets.UTF_8);
  }
}
