package dev.tipflood.reports.rundir;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code GET /ready} probe of {@code server/ready.ndjson}.
 *
 * @param t       epoch ms when the probe was sent
 * @param status  the HTTP status, or 0 when the server did not answer (timeout, refused)
 * @param failing the checks the server named as failing
 * @param error   why there was no answer; empty when there was one
 */
public record ReadyProbe(long t, int status, List<String> failing, String error) {
  public ReadyProbe {
    failing = List.copyOf(failing);
    error = error == null ? "" : error;
  }

  /** True when the server answered 200. */
  public boolean ready() {
    return status == 200;
  }

  /** Why it was not ready, in a few words. */
  public String reason() {
    if (status == 0) {
      return "no answer (" + error + ")";
    }
    return status + (failing.isEmpty() ? "" : " " + String.join(",", failing));
  }

  static ReadyProbe of(JsonNode n) {
    List<String> failing = new ArrayList<>();
    n.path("failing").forEach(f -> failing.add(f.asText()));
    return new ReadyProbe(JsonFiles.requireLong(n, "t"), n.path("status").asInt(0), failing, n.path("error").asText(""));
  }
}
