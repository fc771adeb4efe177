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
import org.HdrHistogram.HistogramLogWriter;

/**
 * Writes the client's interval logs into a run's {@code client/} directory, one interval per
 * call to {@link #tick()} (once a second in a run):
 * <ul>
 *   <li>{@code latency-corrected.hlog}, {@code latency-raw.hlog}: HdrHistogram interval logs,
 *       microseconds, tagged {@code pop=..;ep=..;out=..}, absolute timestamps;</li>
 *   <li>{@code progress.ndjson}: cumulative counters per population, one line per tick.</li>
 * </ul>
 */
public final class ClientLogs implements Closeable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ClientRecorder recorder;
  private final Map<String, ProgressCounters> progress;
  private final TimeSource time;
  private final PrintStream corrected;
  private final PrintStream raw;
  private final HistogramLogWriter correctedWriter;
  private final HistogramLogWriter rawWriter;
  private final BufferedWriter progressOut;
  private final long startMillis;
  private long lastTickMillis;

  public ClientLogs(Path dir, ClientRecorder recorder, Map<String, ProgressCounters> progress, TimeSource time) {
    this.recorder = recorder;
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
    try {
      progressOut.write(JSON.writeValueAsString(line));
      progressOut.newLine();
      progressOut.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write progress", e);
    }
    lastTickMillis = now;
  }

  @Override
  public synchronized void close() {
    tick();
    corrected.close();
    raw.close();
    try {
      progressOut.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close progress", e);
    }
  }
}
