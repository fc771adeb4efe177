package dev.tipflood.reports.check;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A figure of {@code summary.json} the check compares, with the direction that is worse and its
 * default tolerance (docs/report.md, "check").
 */
public enum Metric {
  LEGIT_NOT_ACCEPTED("legit.notAccepted", "legit tips rejected, failed or lost", "/score/legitNotAccepted", true, "tips",
      new Tolerance(0.10, 2)),
  LEGIT_GOODPUT("legit.goodput", "legit tips accepted within the latency SLO", "/score/legitGoodput", false, "tips",
      new Tolerance(0.10, 2)),
  LEGIT_P50("legit.p50", "accepted legit latency p50 (corrected)", "/score/legitAcceptedLatency/corrected/p50Ms", true, "ms",
      new Tolerance(0.25, 50)),
  LEGIT_P90("legit.p90", "accepted legit latency p90 (corrected)", "/score/legitAcceptedLatency/corrected/p90Ms", true, "ms",
      new Tolerance(0.25, 50)),
  LEGIT_P99("legit.p99", "accepted legit latency p99 (corrected)", "/score/legitAcceptedLatency/corrected/p99Ms", true, "ms",
      new Tolerance(0.25, 50)),
  JUNK_ACCEPTED("junk.accepted", "junk tips accepted", "/score/junkAccepted", true, "tips", new Tolerance(0.10, 5)),
  JUNK_BYTES("junk.bytesStored", "junk media bytes stored", "/score/junkBytesStored", true, "bytes", new Tolerance(0.10, 0)),
  REVIEWER_JUNK("reviewer.junkSeconds", "reviewer time spent on junk", "/score/reviewerJunkSeconds", true, "s",
      new Tolerance(0.10, 5));

  private final String id;
  private final String title;
  private final String pointer;
  private final boolean lowerIsBetter;
  private final String unit;
  private final Tolerance defaultTolerance;

  Metric(String id, String title, String pointer, boolean lowerIsBetter, String unit, Tolerance defaultTolerance) {
    this.id = id;
    this.title = title;
    this.pointer = pointer;
    this.lowerIsBetter = lowerIsBetter;
    this.unit = unit;
    this.defaultTolerance = defaultTolerance;
  }

  public String id() {
    return id;
  }

  public String title() {
    return title;
  }

  public boolean lowerIsBetter() {
    return lowerIsBetter;
  }

  public String unit() {
    return unit;
  }

  public Tolerance defaultTolerance() {
    return defaultTolerance;
  }

  /** The value in a summary, NaN when it is null or absent (not measured). */
  public double read(JsonNode summary) {
    JsonNode v = summary.at(pointer);
    return v.isNumber() ? v.asDouble() : Double.NaN;
  }

  /** The metric with this id; IllegalArgumentException listing the valid ones. */
  public static Metric byId(String id) {
    for (Metric m : values()) {
      if (m.id.equals(id)) {
        return m;
      }
    }
    StringBuilder valid = new StringBuilder();
    for (Metric m : values()) {
      valid.append(valid.length() == 0 ? "" : ", ").append(m.id);
    }
    throw new IllegalArgumentException("unknown metric '" + id + "'; valid: " + valid);
  }
}
