package dev.tipflood.reports.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tipflood.reports.analysis.AnalysisSettings;
import dev.tipflood.reports.analysis.ClassReport;
import dev.tipflood.reports.analysis.Degradation;
import dev.tipflood.reports.analysis.DefenceDecision;
import dev.tipflood.reports.analysis.Headline;
import dev.tipflood.reports.analysis.Latency;
import dev.tipflood.reports.analysis.Percentiles;
import dev.tipflood.reports.analysis.RunAnalysis;
import dev.tipflood.reports.analysis.Scorecard;
import dev.tipflood.reports.analysis.SloVerdict;
import dev.tipflood.reports.analysis.TimedEvent;
import dev.tipflood.reports.analysis.Unavailability;
import dev.tipflood.reports.rundir.ReviewStats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code summary.json}: the machine interface of a run, versioned ({@link #SCHEMA_VERSION}) and
 * described by {@code summary.schema.json} (a resource of this module, and docs/report.md).
 * Times are seconds since the start of the arrival schedule; latencies are milliseconds;
 * a figure that could not be measured is {@code null}.
 */
public final class SummaryJson {
  /** The schema version written in {@code schemaVersion}; raised on any incompatible change. */
  public static final int SCHEMA_VERSION = 1;
  /** The schema resource on the classpath. */
  public static final String SCHEMA_RESOURCE = "/summary.schema.json";

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private SummaryJson() {
  }

  public static ObjectNode of(RunAnalysis a) {
    ObjectNode root = JSON.createObjectNode();
    root.put("schema", "tipflood-summary").put("schemaVersion", SCHEMA_VERSION);
    var r = a.run();
    root.putObject("run").put("directory", r.directory()).put("scenario", r.scenario()).put("profile", r.profile())
        .put("target", r.target()).put("scale", r.scale()).put("durationSeconds", r.durationSeconds())
        .put("status", r.status()).put("startedAt", r.startedAt());
    root.put("headline", Headline.of(a));
    root.put("slosPassed", a.slosPassed());
    ArrayNode slos = root.putArray("slos");
    for (SloVerdict v : a.slos()) {
      ObjectNode n = slos.addObject().put("slo", v.slo()).put("title", v.title()).put("verdict", v.verdict().id());
      num(n, "measured", v.measured());
      n.put("bound", v.bound()).put("comparison", v.comparison()).put("unit", v.unit()).put("detail", v.detail());
    }
    root.set("score", score(a.scorecard(), a));
    ArrayNode classes = root.putArray("classes");
    a.classes().forEach(c -> classes.add(classReport(c)));
    ArrayNode decisions = root.putArray("decisions");
    for (DefenceDecision d : a.decisions()) {
      decisions.addObject().put("defence", d.defence()).put("count", d.count()).put("source", d.source());
    }
    root.set("degradation", degradation(a.degradation()));
    AnalysisSettings s = a.settings();
    root.putObject("settings").put("errorShare", s.errorShare()).put("minErrors", s.minErrors())
        .put("settleSeconds", s.settleSeconds()).put("metastableAfterSeconds", s.metastableAfterSeconds())
        .put("leadMillis", s.leadMillis());
    return root;
  }

  public static String text(RunAnalysis a) {
    try {
      return JSON.writeValueAsString(of(a)) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void write(RunAnalysis a, Path file) {
    try {
      JSON.writeValue(file.toFile(), of(a));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static ObjectNode score(Scorecard s, RunAnalysis a) {
    ObjectNode n = JSON.createObjectNode();
    n.put("legitNotAccepted", s.legitNotAccepted()).put("legitOffered", s.legitOffered())
        .put("legitRejected", s.legitRejected()).put("legitFailed", s.legitFailed()).put("legitLost", s.legitLost())
        .put("legitGoodput", s.legitGoodput()).put("junkOffered", s.junkOffered()).put("junkAccepted", s.junkAccepted());
    boolean server = s.hasServerData();
    optLong(n, "junkBytesStored", server, s.junkBytesStored());
    optLong(n, "legitBytesStored", server, s.legitBytesStored());
    num(n, "junkStorageShare", s.junkStorageShare());
    num(n, "reviewerSeconds", server ? s.reviewerSeconds() : Double.NaN);
    num(n, "reviewerJunkSeconds", server ? s.reviewerJunkSeconds() : Double.NaN);
    ObjectNode lat = n.putObject("legitAcceptedLatency");
    lat.set("corrected", percentiles(a.legitLatency().corrected()));
    lat.set("raw", percentiles(a.legitLatency().raw()));
    return n;
  }

  private static ObjectNode classReport(ClassReport c) {
    ObjectNode n = JSON.createObjectNode();
    n.put("name", c.name()).put("truth", c.truth()).put("planned", c.planned()).put("offered", c.offered())
        .put("accepted", c.accepted()).put("rejected", c.rejected()).put("failed", c.failed()).put("lost", c.lost());
    ObjectNode byStatus = n.putObject("rejectedByStatus");
    c.rejectedByStatus().forEach(byStatus::put);
    ObjectNode byKind = n.putObject("failedByKind");
    c.failedByKind().forEach(byKind::put);
    n.put("requests", c.requests()).put("retries", c.retries()).put("goodput", c.goodput());
    n.putObject("deferred").put("tips", c.deferred().tips()).put("mediaLater", c.deferred().mediaLater())
        .put("uploads", c.deferred().uploads());
    Latency l = c.acceptedLatency();
    ObjectNode lat = n.putObject("acceptedLatency");
    lat.set("corrected", percentiles(l.corrected()));
    lat.set("raw", percentiles(l.raw()));
    ReviewStats t = c.timeToReview();
    ObjectNode ttr = n.putObject("timeToReview").put("reviewed", t.total()).put("wrong", t.wrong())
        .put("expired", t.expired());
    num(ttr, "p50Ms", t.ttrP50Ms());
    num(ttr, "p95Ms", t.ttrP95Ms());
    num(ttr, "p99Ms", t.ttrP99Ms());
    num(ttr, "maxMs", t.ttrMaxMs());
    return n;
  }

  private static ObjectNode percentiles(Percentiles p) {
    ObjectNode n = JSON.createObjectNode().put("count", p.count());
    num(n, "p50Ms", p.p50Ms());
    num(n, "p90Ms", p.p90Ms());
    num(n, "p99Ms", p.p99Ms());
    num(n, "p999Ms", p.p999Ms());
    num(n, "maxMs", p.maxMs());
    return n;
  }

  private static ObjectNode degradation(Degradation d) {
    ObjectNode n = JSON.createObjectNode();
    event(n, "firstSloBreach", d.firstSloBreach());
    event(n, "firstReadyFailure", d.firstReadyFailure());
    ArrayNode u = n.putArray("unavailable");
    for (Unavailability i : d.unavailable()) {
      u.addObject().put("fromSecond", i.fromSecond()).put("toSecond", i.toSecond()).put("reason", i.reason());
    }
    n.put("floodEndSecond", d.floodEndSecond()).put("loadEndSecond", d.loadEndSecond())
        .put("lastObservedSecond", d.lastObservedSecond());
    if (d.recoverySeconds().isPresent()) {
      n.put("recoverySeconds", d.recoverySeconds().getAsInt());
    } else {
      n.putNull("recoverySeconds");
    }
    switch (d.metastability()) {
      case METASTABLE -> n.put("metastable", true);
      case STABLE -> n.put("metastable", false);
      default -> n.putNull("metastable");
    }
    n.put("metastability", d.metastability().id());
    return n;
  }

  private static void event(ObjectNode n, String field, Optional<TimedEvent> e) {
    if (e.isEmpty()) {
      n.putNull(field);
    } else {
      n.putObject(field).put("second", e.get().second()).put("what", e.get().what())
          .put("offeredPerSecond", e.get().offeredPerSecond());
    }
  }

  private static void num(ObjectNode n, String field, double v) {
    JsonNodes.num(n, field, v);
  }

  private static void optLong(ObjectNode n, String field, boolean present, long v) {
    if (present) {
      n.put(field, v);
    } else {
      n.putNull(field);
    }
  }

  /** Reads a summary written by {@link #write}; the check uses it for baselines. */
  public static JsonNode read(Path file) throws IOException {
    return JSON.readTree(file.toFile());
  }
}
