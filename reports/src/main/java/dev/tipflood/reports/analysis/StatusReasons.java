package dev.tipflood.reports.analysis;

import java.util.Map;

/**
 * What an HTTP status of a tip POST means, in the words of the server's error catalogue
 * (docs/server.md). The client sees only the status, so a reason can name several codes.
 */
public final class StatusReasons {
  private static final Map<String, String> REASONS = Map.ofEntries(
      Map.entry("400", "invalid request"),
      Map.entry("408", "body too slow"),
      Map.entry("413", "too large"),
      Map.entry("415", "not multipart"),
      Map.entry("429", "rate limited"),
      Map.entry("431", "headers too large"),
      Map.entry("500", "server bug"),
      Map.entry("503", "overloaded, too many connections or storage unavailable"),
      Map.entry("507", "storage quota full"));

  private StatusReasons() {
  }

  /** The reason for a status, or "" when the catalogue has none. */
  public static String of(String status) {
    return REASONS.getOrDefault(status, "");
  }
}
