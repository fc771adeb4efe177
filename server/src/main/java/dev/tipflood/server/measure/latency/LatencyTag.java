package dev.tipflood.server.measure.latency;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The class a latency is recorded under. Its wire form is the HdrHistogram log tag
 * {@code pop=<population>;ep=<endpoint>;out=<outcome>}, each value URL-encoded, so the tag never
 * holds the log format's separators (comma, whitespace) nor its own ({@code ;}, {@code =}).
 *
 * @param population the request's population, or {@code unlabelled}
 * @param endpoint e.g. {@code tips.post}; see {@link Endpoints}
 * @param outcome the status code, e.g. {@code 201}, or {@code reset} if the connection closed
 *     before a response was sent
 */
public record LatencyTag(String population, String endpoint, String outcome) {

  public LatencyTag {
    Objects.requireNonNull(population, "population");
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(outcome, "outcome");
  }

  public String wire() {
    return "pop=" + encode(population) + ";ep=" + encode(endpoint) + ";out=" + encode(outcome);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
