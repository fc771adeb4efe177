package dev.tipflood.loadgen.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Polls the server's measurement endpoints (docs/contracts.md) and appends what they return:
 * {@code GET /measure/histograms} into {@code server/histograms.hlog} (HdrHistogram log lines,
 * after a header this class writes) and {@code GET /measure/timeline?since=} into
 * {@code server/timeline.ndjson}. A poll that fails (a collapsing server answers late or not at
 * all) is counted and skipped; the next one catches up, since histograms are "since last call"
 * and the timeline is "since t". Each poll also probes {@code GET /ready} and appends the answer
 * to {@code server/ready.ndjson} (beside the timeline): {@code {"t","status","failing","error"}},
 * status 0 when the server did not answer; the reports read unavailability from it.
 */
public final class ServerPoller implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Function<String, URI> admin;
  private final String token;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final BufferedWriter histograms;
  private final BufferedWriter timeline;
  private final BufferedWriter ready;
  private final AtomicReference<JsonNode> lastSample = new AtomicReference<>();
  private final AtomicInteger failures = new AtomicInteger();
  private final AtomicInteger polls = new AtomicInteger();
  private final AtomicReference<String> lastError = new AtomicReference<>();
  private long since;

  public ServerPoller(Function<String, URI> admin, String token, Path histogramsFile, Path timelineFile, long sinceMillis) {
    this.admin = admin;
    this.token = token;
    this.since = sinceMillis;
    try {
      histograms = Files.newBufferedWriter(histogramsFile, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.TRUNCATE_EXISTING);
      timeline = Files.newBufferedWriter(timelineFile, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.TRUNCATE_EXISTING);
      ready = Files.newBufferedWriter(timelineFile.resolveSibling("ready.ndjson"), StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
      histograms.write("#[Histogram log format version 1.3]\n");
      histograms.write("#tipflood server latency, microseconds, polled from /measure/histograms once a second\n");
      histograms.write("\"StartTimestamp\",\"Interval_Length\",\"Interval_Max\",\"Interval_Compressed_Histogram\"\n");
      histograms.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create server measurement files", e);
    }
  }

  /** One poll of both endpoints. Never throws for a server that misbehaves. */
  public synchronized void poll() {
    polls.incrementAndGet();
    probeReady();
    try {
      String h = get("/measure/histograms");
      for (String line : h.split("\n")) {
        if (!line.isBlank() && !line.startsWith("#") && !line.startsWith("\"StartTimestamp\"")) {
          histograms.write(line.strip());
          histograms.newLine();
        }
      }
      histograms.flush();
      String t = get("/measure/timeline?since=" + since);
      for (String line : t.split("\n")) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode sample = JSON.readTree(line);
        long ts = sample.path("t").asLong(0);
        if (ts > since) {
          timeline.write(line.strip());
          timeline.newLine();
          since = ts;
          lastSample.set(sample);
        }
      }
      timeline.flush();
    } catch (IOException e) {
      failures.incrementAndGet();
      lastError.set(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** One {@code GET /ready}, recorded whatever the answer; a probe that gets none is status 0. */
  private void probeReady() {
    long t = System.currentTimeMillis();
    var line = JSON.createObjectNode().put("t", t);
    try {
      HttpRequest req = HttpRequest.newBuilder(admin.apply("/ready")).timeout(Duration.ofSeconds(2)).GET().build();
      HttpResponse<String> resp = http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      line.put("status", resp.statusCode());
      var failing = line.putArray("failing");
      try {
        JSON.readTree(resp.body()).path("failing").forEach(f -> failing.add(f.asText()));
      } catch (IOException e) {
        line.put("error", "unreadable body");
      }
    } catch (IOException e) {
      line.put("status", 0).put("error", e instanceof java.net.http.HttpTimeoutException ? "timeout"
          : e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    try {
      ready.write(line.toString());
      ready.newLine();
      ready.flush();
    } catch (IOException e) {
      failures.incrementAndGet();
      lastError.set("cannot write ready.ndjson: " + e.getMessage());
    }
  }

  private String get(String path) throws IOException, InterruptedException {
    HttpRequest req = HttpRequest.newBuilder(admin.apply(path)).timeout(Duration.ofSeconds(3))
        .header("Authorization", "Bearer " + token).GET().build();
    HttpResponse<String> resp = http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (resp.statusCode() != 200) {
      throw new PollException(path + " answered " + resp.statusCode());
    }
    return resp.body();
  }

  /** The newest timeline sample, or null before the first. */
  public JsonNode lastSample() {
    return lastSample.get();
  }

  public int failures() {
    return failures.get();
  }

  /** Why the last failed poll failed, or null. */
  public String lastError() {
    return lastError.get();
  }

  public int polls() {
    return polls.get();
  }

  @Override
  public synchronized void close() {
    try {
      histograms.close();
      timeline.close();
      ready.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close server measurement files", e);
    }
  }

  private static final class PollException extends IOException {
    private static final long serialVersionUID = 1L;

    PollException(String message) {
      super(message);
    }
  }
}
