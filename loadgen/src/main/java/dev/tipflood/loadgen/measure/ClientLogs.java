package dev.tipflood.loadgen.measure;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * Writes the client's interval logs into a run's {@code client/} directory, one interval per
 * call to {@link #tick()} (once a second in a run):
 * <ul>
 *   <li>{@code latency-corrected.hlog}, {@code latency-raw.hlog}: HdrHistogram interval logs,
 *       microseconds, tagged {@code pop=..;ep=..;out=..}, absolute timestamps;</li>
 *   <li>{@code progress.ndjson}: cumulative counters per population, and the interval's send lag
 *       (how late the client sent, see {@link SendLagRecorder}), one line per tick;</li>
 *   <li>{@code warmup.json}, at {@link #close()}: the client's warm-up interval
 *       ({@link WarmUpDetector}).</li>
 * </ul>
 */
public final class ClientLogs implements Closeable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ClientRecorder recorder;
  private final SendLagRecorder sendLag;
  private final WarmUpDetector warmUp = new WarmUpDetector();
  private final Path dir;
  private final Map<String, ProgressCounters> progress;
  private final TimeSource time;
  private final PrintStream corrected;
  private final PrintStream raw;
  private final HistogramLogWriter correctedWriter;
  private final HistogramLogWriter rawWriter;
  private final BufferedWriter progressOut;
  private final long startMillis;
  private long lastTickMillis;

  public ClientLogs(Path dir, ClientRecorder recorder, SendLagRecorder sendLag, Map<String, ProgressCounters> progress,
                    TimeSource time) {
    this.dir = dir;
    this.recorder = recorder;
    this.sendLag = sendLag;
    this.progress = progress;
    this.time = time;
    try {
      Files.createDirectories(dir);
      corrected = new PrintStream(new FileOutputStream(dir.resolve("latency-corrected.hlog").toFile()), false, StandardCharsets.UTF_8);
      raw = new PrintStream(new FileOutputStream(dir.resolve("latency-raw.hlog").toFile()), false, StandardCharsets.UTF_8);
      progressOut = Files.newBufferedWriter(dir.resolve("progress.ndjson"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create client logs in " + dir, e);
    }
    startMillis = time.currentTimeMillis();
    lastTickMillis = startMillis;
    correctedWriter = header(corrected, "corrected: from the intended send time of the open schedule");
    rawWriter = header(raw, "raw: from the actual send time");
  }

  private HistogramLogWriter header(PrintStream out, String what) {
    HistogramLogWriter w = new HistogramLogWriter(out);
    w.outputLogFormatVersion();
    w.outputComment("tipflood client latency, microseconds, " + what);
    w.outputStartTime(startMillis);
    w.outputLegend();
    return w;
  }

  /** Closes the interval that ends now and writes it. */
  public synchronized void tick() {
    long now = time.currentTimeMillis();
    recorder.drain(lastTickMillis, now, (kind, h) ->
        (kind == ClientRecorder.Kind.CORRECTED ? correctedWriter : rawWriter).outputIntervalHistogram(h));
    corrected.flush();
    raw.flush();
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("t", now);
    line.put("elapsedMillis", now - startMillis);
    Map<String, Object> pops = new LinkedHashMap<>();
    progress.forEach((name, counters) -> pops.put(name, counters.snapshot()));
    line.put("populations", pops);
    line.put("sendLag", sendLag(lastTickMillis));
    try {
      progressOut.write(JSON.writeValueAsString(line));
      progressOut.newLine();
      progressOut.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write progress", e);
    }
    lastTickMillis = now;
  }

  /** This interval's send lag, for the progress line and the warm-up detector. */
  private Map<String, Object> sendLag(long intervalStartMillis) {
    Histogram h = sendLag.interval();
    long p99 = h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(99);
    warmUp.interval(intervalStartMillis, h.getTotalCount(), p99);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("requests", h.getTotalCount());
    m.put("p50Micros", h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(50));
    m.put("p99Micros", p99);
    m.put("maxMicros", h.getMaxValue());
    return m;
  }

  @Override
  public synchronized void close() {
    tick();
    try {
      JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("warmup.json").toFile(), warmUp.report(lastTickMillis));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write warmup.json", e);
    }
    corrected.close();
    raw.close();
    try {
      progressOut.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close progress", e);
    }
  }
}
