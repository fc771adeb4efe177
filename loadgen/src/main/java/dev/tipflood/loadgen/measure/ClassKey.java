package dev.tipflood.loadgen.measure;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A measured class: population, request and outcome. Its {@link #tag()} is the HdrHistogram
 * log tag {@code pop=<p>;ep=<request>;out=<outcome>}, values URL-encoded: the same syntax the
 * server's {@code /measure/histograms} uses, so one reader handles both.
 */
public record ClassKey(String population, String request, String outcome) {

  public String tag() {
    return "pop=" + enc(population) + ";ep=" + enc(request) + ";out=" + enc(outcome);
  }

  /** Parses a tag written by {@link #tag()} (or by the server). */
  public static ClassKey parse(String tag) {
    String pop = null;
    String ep = null;
    String out = null;
    for (String part : tag.split(";")) {
      int eq = part.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException("tag part without '=': " + part + " in " + tag);
      }
      String v = URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
      switch (part.substring(0, eq)) {
        case "pop" -> pop = v;
        case "ep" -> ep = v;
        case "out" -> out = v;
        default -> { /* unknown keys are allowed for forward compatibility */ }
      }
    }
    if (pop == null || ep == null || out == null) {
      throw new IllegalArgumentException("tag needs pop, ep and out: " + tag);
    }
    return new ClassKey(pop, ep, out);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
