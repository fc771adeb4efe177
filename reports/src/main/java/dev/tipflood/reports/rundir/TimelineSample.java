package dev.tipflood.reports.rundir;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures of one {@code server/timeline.ndjson} sample that reports use (docs/measurement.md).
 * Sections a profile does not model read as zero.
 *
 * @param t                  epoch ms
 * @param heapUsedBytes      heap in use
 * @param heapMaxBytes       maximum heap ({@code -Xmx})
 * @param gcFraction         share of the interval spent in GC
 * @param storedLegitBytes   media bytes of acknowledged legit tips
 * @param storedJunkBytes    media bytes of acknowledged junk tips
 * @param storageRefusals    uploads refused with 507, total
 * @param connectionsOpen    open public connections
 * @param processingQueued   tips waiting for a processing worker
 * @param processingRejected tips refused by a full processing queue, total
 * @param reviewQueued       tips waiting for a reviewer (the review backlog)
 * @param reviewRejected     tips refused by a full review queue, total
 * @param legitReview        review figures of legit tips
 * @param junkReview         review figures of junk tips
 * @param reviewerSeconds    reviewer time spent, total
 * @param reviewerJunkSeconds reviewer time spent on tips that are really junk, total
 * @param defenceCounters    numeric counters of a {@code defences} section, flattened as {@code name.field}; empty when absent
 */
public record TimelineSample(long t, long heapUsedBytes, long heapMaxBytes, double gcFraction, long storedLegitBytes,
                             long storedJunkBytes, long storageRefusals, long connectionsOpen, long processingQueued,
                             long processingRejected, long reviewQueued, long reviewRejected, ReviewStats legitReview,
                             ReviewStats junkReview, double reviewerSeconds, double reviewerJunkSeconds,
                             Map<String, Double> defenceCounters) {
  public TimelineSample {
    defenceCounters = Map.copyOf(defenceCounters);
  }

  static TimelineSample of(JsonNode n) {
    JsonNode stages = n.path("stages");
    JsonNode byTruth = n.path("storage").path("byTruth");
    Map<String, Double> defences = new TreeMap<>();
    n.path("defences").fields().forEachRemaining(d -> d.getValue().fields().forEachRemaining(f -> {
      if (f.getValue().isNumber()) {
        defences.put(d.getKey() + "." + f.getKey(), f.getValue().asDouble());
      }
    }));
    return new TimelineSample(JsonFiles.requireLong(n, "t"), n.path("heap").path("usedBytes").asLong(),
        n.path("heap").path("maxBytes").asLong(), n.path("gc").path("fraction").asDouble(), byTruth.path("legit").asLong(),
        byTruth.path("junk").asLong(), n.path("storage").path("refusals").asLong(), n.path("connections").path("open").asLong(),
        stages.path("processing").path("queued").asLong(), stages.path("processing").path("rejected").asLong(),
        stages.path("review").path("queued").asLong(), stages.path("review").path("rejected").asLong(),
        ReviewStats.of(n.path("reviewed").path("legit")), ReviewStats.of(n.path("reviewed").path("junk")),
        n.path("reviewers").path("seconds").asDouble(), n.path("reviewers").path("junkSeconds").asDouble(), defences);
  }
}
