package dev.tipflood.loadgen.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The resolved server profile and its capacities, read with {@code tipflood-server.jar
 * --print-capacity}: the CLI needs the heap to start the server with {@code -Xmx}, and the
 * offered-load forecast needs every capacity. The server prints them in base units (bytes,
 * bytes/s, seconds), so no unit spelling is parsed here.
 *
 * @param json      the profile as the server printed it (kept in the run directory)
 * @param capacity  the capacity object (docs/server.md, {@code --print-capacity})
 * @param heapBytes its {@code jvm.heap}
 */
public record ServerProfileInfo(JsonNode json, JsonNode capacity, long heapBytes) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** {@code -Xmx} in megabytes, at least 64. */
  public String xmx() {
    return "-Xmx" + Math.max(64, heapBytes / (1024 * 1024)) + "m";
  }

  /**
   * Runs the server jar with {@code --print-capacity}.
   *
   * @throws InvalidProfileException when the server rejects the profile (its message included)
   */
  public static ServerProfileInfo read(Path serverJar, String profile, double scale) {
    List<String> cmd = List.of(JavaCommand.java(), "-Xmx128m", "-jar", serverJar.toString(),
        "--print-capacity", "--profile", profile, "--scale", Double.toString(scale));
    try {
      Process p = new ProcessBuilder(cmd).start();
      p.getOutputStream().close();
      byte[] out = p.getInputStream().readAllBytes();
      byte[] err = p.getErrorStream().readAllBytes();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("tipflood-server --print-capacity did not finish in 60 s");
      }
      if (p.exitValue() != 0) {
        throw new InvalidProfileException("server profile " + profile + " is invalid: "
            + new String(err, StandardCharsets.UTF_8).strip());
      }
      return parse(new String(out, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + String.join(" ", cmd), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the server profile", e);
    }
  }

  /** Reads {@code {"profile": {...}, "capacity": {..., "heap": {"bytes": N}}}}. */
  static ServerProfileInfo parse(String printed) throws IOException {
    JsonNode root = JSON.readTree(printed);
    JsonNode profile = root.path("profile");
    JsonNode capacity = root.path("capacity");
    JsonNode heap = capacity.path("heap").path("bytes");
    if (!profile.isObject() || !heap.isNumber()) {
      throw new IllegalStateException("server --print-capacity output has no profile or no capacity.heap.bytes: "
          + printed);
    }
    return new ServerProfileInfo(profile, capacity, heap.asLong());
  }

  /** The server said the profile is invalid. */
  public static final class InvalidProfileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidProfileException(String message) {
      super(message);
    }
  }
}
