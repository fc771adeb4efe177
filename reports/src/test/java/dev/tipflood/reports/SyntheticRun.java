package dev.tipflood.reports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tipflood.scenarios.catalogue.Catalogue;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * Writes a run directory with known contents, in the format of docs/run-directory.md, so that
 * analysis tests have exact answers. Second {@code s} of the schedule is
 * {@code [ORIGIN + 1000 s, ORIGIN + 1000 (s + 1))}; the load generator started one second (the
 * lead) before {@code ORIGIN}.
 */
public final class SyntheticRun {
  public static final long LOADGEN_START = 1_800_000_000_000L;
  public static final long ORIGIN = LOADGEN_START + 1000;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path root;
  private final int seconds;
  private final Map<String, Boolean> legit = new LinkedHashMap<>();
  private final Map<String, int[]> arrivals = new LinkedHashMap<>();
  private final Map<String, long[]> started = new LinkedHashMap<>();
  private final List<Entry> entries = new ArrayList<>();
  private final Map<Integer, ObjectNode> timeline = new TreeMap<>();
  private final List<ObjectNode> ready = new ArrayList<>();
  private String slo = "slo:\n  legitAcceptP99: 1s\n  legitSuccessRatio: 0.9\n  legitTimeToReviewP95: 60s\n"
      + "  junkStorageShareMax: 0.5\n";
  private boolean server = true;

  private record Entry(String population, String request, String outcome, int second, long[] micros) {
  }

  private SyntheticRun(Path root, int seconds) {
    this.root = root;
    this.seconds = seconds;
  }

  /** A run directory at {@code root} whose data covers {@code seconds} seconds of schedule. */
  public static SyntheticRun at(Path root, int seconds) {
    return new SyntheticRun(root, seconds);
  }

  /** A population whose schedule has {@code arrivals[s]} tips in second s. */
  public SyntheticRun population(String name, boolean isLegit, int... perSecond) {
    legit.put(name, isLegit);
    arrivals.put(name, perSecond.clone());
    started.put(name, new long[seconds]);
    return this;
  }

  /** {@code n} tips of a population start in second {@code s}. */
  public SyntheticRun start(String population, int s, long n) {
    started.get(population)[s] += n;
    return this;
  }

  /** Tips that end in second {@code s} with an outcome, one per latency value (µs); first attempts, no retries. */
  public SyntheticRun tips(String population, int s, String outcome, long... micros) {
    entries.add(new Entry(population, "tip", outcome, s, micros));
    entries.add(new Entry(population, "submit-tip", outcome, s, micros));
    return this;
  }

  /** Tips that start and end in second {@code s}. */
  public SyntheticRun startAndEnd(String population, int s, String outcome, long... micros) {
    start(population, s, micros.length);
    return tips(population, s, outcome, micros);
  }

  /** Plain requests (no tip end), e.g. failed first attempts that will be retried. */
  public SyntheticRun requests(String population, int s, String outcome, long... micros) {
    entries.add(new Entry(population, "submit-tip", outcome, s, micros));
    return this;
  }

  /** A deferred tip's later media uploads ({@code submit-media}): neither tips nor tip attempts. */
  public SyntheticRun mediaUploads(String population, int s, String outcome, long... micros) {
    entries.add(new Entry(population, "submit-media", outcome, s, micros));
    return this;
  }

  /** A {@code /ready} probe in second {@code s}: status 0 for no answer. */
  public SyntheticRun ready(int s, int status, String... failing) {
    ObjectNode n = JSON.createObjectNode().put("t", ORIGIN + 1000L * s + 300).put("status", status);
    ArrayNode f = n.putArray("failing");
    for (String x : failing) {
      f.add(x);
    }
    if (status == 0) {
      n.put("error", "timeout");
    }
    ready.add(n);
    return this;
  }

  /** Probes in every second of {@code [from, to)} with this status. */
  public SyntheticRun readyRange(int from, int to, int status, String... failing) {
    for (int s = from; s < to; s++) {
      ready(s, status, failing);
    }
    return this;
  }

  /** The timeline sample of second {@code s}, to fill in (created with zeros). */
  public ObjectNode sample(int s) {
    return timeline.computeIfAbsent(s, k -> {
      ObjectNode n = JSON.createObjectNode().put("t", ORIGIN + 1000L * k + 500).put("intervalMs", 1000);
      n.putObject("heap").put("usedBytes", 50L << 20).put("committedBytes", 256L << 20).put("maxBytes", 256L << 20);
      n.putObject("gc").put("count", 1).put("timeMs", 1).put("intervalTimeMs", 0).put("fraction", 0.0);
      ObjectNode storage = n.putObject("storage").put("usedBytes", 0).put("refusals", 0).put("activeUploads", 0);
      storage.putObject("byTruth").put("legit", 0).put("junk", 0).put("unlabelled", 0);
      n.putObject("connections").put("open", 0);
      ObjectNode stages = n.putObject("stages");
      stages.putObject("processing").put("queued", 0).put("rejected", 0);
      stages.putObject("review").put("queued", 0).put("rejected", 0);
      ObjectNode reviewed = n.putObject("reviewed");
      for (String t : List.of("legit", "junk", "unlabelled")) {
        ObjectNode c = reviewed.putObject(t).put("total", 0).put("interval", 0).put("wrong", 0);
        c.putObject("ttrMs").putNull("p50").putNull("p95").putNull("p99").putNull("max");
      }
      n.putObject("reviewers").put("count", 2).put("busy", 0).put("utilisation", 0.0).put("seconds", 0.0)
          .put("junkSeconds", 0.0);
      return n;
    });
  }

  /** Replaces the scenario's {@code slo:} block. */
  public SyntheticRun slo(String yamlBlock) {
    this.slo = yamlBlock;
    return this;
  }

  /** A {@code --target} run: no server files. */
  public SyntheticRun withoutServer() {
    this.server = false;
    return this;
  }

  public Path write() {
    try {
      Files.createDirectories(root.resolve("client"));
      manifest();
      scenario();
      plan();
      hlog(root.resolve("client/latency-corrected.hlog"), 0);
      hlog(root.resolve("client/latency-raw.hlog"), 100);
      progress();
      if (server) {
        Files.createDirectories(root.resolve("server"));
        for (int s = 0; s < seconds; s++) {
          sample(s);
        }
        lines(root.resolve("server/timeline.ndjson"), new ArrayList<>(timeline.values()));
        lines(root.resolve("server/ready.ndjson"), ready);
        Files.writeString(root.resolve("server/histograms.hlog"), "#[Histogram log format version 1.3]\n");
      }
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void manifest() throws IOException {
    ObjectNode m = JSON.createObjectNode().put("formatVersion", 1).put("status", "completed").put("exitCode", 0)
        .put("commandLine", "synthetic").put("startedAt", "2027-01-15T08:00:00Z");
    ObjectNode s = m.putObject("scenario").put("name", "synthetic").put("profile", "naive")
        .put("target", server ? "embedded" : "http://127.0.0.1:9").put("scale", 0.01)
        .put("durationSeconds", arrivals.values().stream().mapToInt(a -> a.length).max().orElse(1));
    ObjectNode pops = s.putObject("populations");
    legit.forEach((k, v) -> pops.putObject(k).put("truth", v ? "legit" : "junk"));
    ObjectNode planned = m.putObject("plannedTips");
    arrivals.forEach((k, v) -> planned.put(k, java.util.Arrays.stream(v).sum()));
    JSON.writeValue(root.resolve("manifest.json").toFile(), m);
  }

  private void scenario() throws IOException {
    String yaml = Catalogue.yaml("smoke").orElseThrow();
    int from = yaml.indexOf("\nslo:") + 1;
    int to = yaml.indexOf("\npopulations:") + 1;
    Files.writeString(root.resolve("scenario.yaml"), yaml.substring(0, from) + slo + yaml.substring(to));
  }

  private void plan() throws IOException {
    ObjectNode p = JSON.createObjectNode().put("scenario", "synthetic");
    ArrayNode pops = p.putArray("populations");
    legit.forEach((k, v) -> {
      ObjectNode n = pops.addObject().put("name", k).put("truth", v ? "legit" : "junk");
      ArrayNode a = n.putArray("arrivalsPerSecond");
      for (int x : arrivals.get(k)) {
        a.add(x);
      }
    });
    JSON.writeValue(root.resolve("plan.json").toFile(), p);
  }

  /** Writes the entries; {@code rawSaving} µs less per value in the raw log (never below 1). */
  private void hlog(Path file, long rawSaving) throws IOException {
    try (PrintStream out = new PrintStream(Files.newOutputStream(file), true, StandardCharsets.UTF_8)) {
      HistogramLogWriter w = new HistogramLogWriter(out);
      w.outputLogFormatVersion();
      w.outputComment("synthetic");
      w.outputLegend();
      for (Entry e : entries) {
        Histogram h = new Histogram(3_600_000_000L, 3);
        for (long v : e.micros()) {
          h.recordValue(Math.max(1, v - rawSaving));
        }
        h.setTag("pop=" + e.population() + ";ep=" + e.request() + ";out=" + e.outcome());
        double start = (ORIGIN + 1000L * e.second()) / 1000.0;
        w.outputIntervalHistogram(start, start + 1, h, 1e6);
      }
    }
  }

  private void progress() throws IOException {
    List<ObjectNode> lines = new ArrayList<>();
    Map<String, long[]> cum = new LinkedHashMap<>();
    legit.keySet().forEach(k -> cum.put(k, new long[1]));
    // Line k is written at the end of second k-1 of the schedule (one lead second after the load generator started).
    for (int k = 1; k <= seconds; k++) {
      long t = ORIGIN + 1000L * k;
      ObjectNode n = JSON.createObjectNode().put("t", t).put("elapsedMillis", t - LOADGEN_START);
      ObjectNode pops = n.putObject("populations");
      for (String pop : legit.keySet()) {
        cum.get(pop)[0] += started.get(pop)[k - 1];
        long done = completedBy(pop, k - 1);
        pops.putObject(pop).put("tips", cum.get(pop)[0]).put("requests", Math.max(cum.get(pop)[0], done))
            .put("completed", done).put("ok", 0).put("http4xx", 0).put("http5xx", 0).put("timeout", 0)
            .put("connectionError", 0).put("bytesSent", 0);
      }
      lines.add(n);
    }
    lines(root.resolve("client/progress.ndjson"), lines);
  }

  private long completedBy(String pop, int second) {
    return entries.stream().filter(e -> e.population().equals(pop) && !e.request().equals("tip") && e.second() <= second)
        .mapToLong(e -> e.micros().length).sum();
  }

  private static void lines(Path file, List<ObjectNode> nodes) throws IOException {
    StringBuilder b = new StringBuilder();
    for (ObjectNode n : nodes) {
      b.append(n).append('\n');
    }
    Files.writeString(file, b.toString());
  }

  /** {@code n} values {@code from, from+1, ...} in µs. */
  public static long[] range(long from, int n) {
    long[] v = new long[n];
    for (int i = 0; i < n; i++) {
      v[i] = from + i;
    }
    return v;
  }
}
