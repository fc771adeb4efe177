package dev.tipflood.reports.rundir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Cumulative client counters of one population ({@code client/progress.ndjson}).
 *
 * @param tips      tips started (first attempts sent)
 * @param requests  requests sent, retries included
 * @param completed requests with an outcome (in the interval logs)
 * @param ok        2xx answers
 * @param http4xx   4xx answers
 * @param http5xx   5xx answers
 * @param timeout   requests that timed out
 * @param connectionError requests that failed without a status
 * @param bytesSent media bytes of sent requests
 */
public record ClientCounters(long tips, long requests, long completed, long ok, long http4xx, long http5xx, long timeout,
                             long connectionError, long bytesSent) {
  public static final ClientCounters ZERO = new ClientCounters(0, 0, 0, 0, 0, 0, 0, 0, 0);

  public ClientCounters {
    if (tips < 0 || requests < 0 || completed < 0 || completed > requests) {
      throw new IllegalArgumentException("inconsistent counters: tips " + tips + ", requests " + requests + ", completed "
          + completed);
    }
  }

  static ClientCounters of(JsonNode n) {
    return new ClientCounters(JsonFiles.requireLong(n, "tips"), JsonFiles.requireLong(n, "requests"),
        JsonFiles.requireLong(n, "completed"), n.path("ok").asLong(), n.path("http4xx").asLong(), n.path("http5xx").asLong(),
        n.path("timeout").asLong(), n.path("connectionError").asLong(), n.path("bytesSent").asLong());
  }
}
