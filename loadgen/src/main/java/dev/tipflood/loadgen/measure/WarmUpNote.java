package dev.tipflood.loadgen.measure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The line that says what {@code client/warmup.json} marked, and whether the figures above
 * include it: the warm-up is never left out silently (docs/run-directory.md).
 */
public final class WarmUpNote {
  private static final ObjectMapper JSON = new ObjectMapper();

  private WarmUpNote() {
  }

  /** The note for a run whose figures leave out the first {@code skipSeconds}; empty when the run has no warmup.json. */
  public static Optional<String> of(Path warmupJson, double skipSeconds) {
    if (!Files.isRegularFile(warmupJson)) {
      return Optional.empty();
    }
    JsonNode w;
    try {
      w = JSON.readTree(warmupJson.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + warmupJson, e);
    }
    double seconds = w.path("warmUpSeconds").asDouble();
    if (!w.path("warm").asBoolean()) {
      return Optional.of("client warm-up: the load generator never kept to its schedule (send lag p99 over "
          + w.path("sendLagLimitMicros").asLong() / 1000 + " ms, see client/warmup.json): its own delay is in these latencies");
    }
    String included = skipSeconds >= seconds ? "left out (--skip " + fmt(skipSeconds) + ")"
        : skipSeconds > 0 ? "partly included (--skip " + fmt(skipSeconds) + ")" : "included above; --skip " + fmt(Math.ceil(seconds)) + " leaves it out";
    return Optional.of("client warm-up: the first " + fmt(seconds) + " s (load generator sending late, see client/warmup.json), "
        + included);
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
  }
}
