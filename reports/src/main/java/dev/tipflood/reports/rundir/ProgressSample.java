package dev.tipflood.reports.rundir;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of {@code client/progress.ndjson}: cumulative counters per population.
 *
 * @param t             epoch ms of the sample
 * @param elapsedMillis ms since the load generator started
 * @param populations   counters by population name
 */
public record ProgressSample(long t, long elapsedMillis, Map<String, ClientCounters> populations) {
  public ProgressSample {
    populations = Map.copyOf(populations);
  }

  /** The counters of a population, zero when it has none yet. */
  public ClientCounters of(String population) {
    return populations.getOrDefault(population, ClientCounters.ZERO);
  }

  static ProgressSample of(JsonNode n) {
    Map<String, ClientCounters> pops = new LinkedHashMap<>();
    JsonNode p = n.path("populations");
    if (!p.isObject()) {
      throw new IllegalArgumentException("field 'populations' missing or not an object");
    }
    p.fields().forEachRemaining(e -> pops.put(e.getKey(), ClientCounters.of(e.getValue())));
    return new ProgressSample(JsonFiles.requireLong(n, "t"), JsonFiles.requireLong(n, "elapsedMillis"), pops);
  }
}
