package dev.tipflood.loadgen.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The resolved server profile, read with {@code tipflood-server.jar --print-profile}: the CLI
 * needs {@code jvm.heap} to start the server with {@code -Xmx}.
 *
 * @param json     the profile as the server printed it (kept in the manifest)
 * @param heapBytes its {@code jvm.heap}
 */
public record ServerProfileInfo(JsonNode json, long heapBytes) {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([KMGT]?I?B?)?", Pattern.CASE_INSENSITIVE);

  /** {@code -Xmx} in megabytes, at least 64. */
  public String xmx() {
    return "-Xmx" + Math.max(64, heapBytes / (1024 * 1024)) + "m";
  }

  /**
   * Runs the server jar with {@code --print-profile}.
   *
   * @throws InvalidProfileException when the server rejects the profile (its message included)
   */
  public static ServerProfileInfo read(Path serverJar, String profile, double scale) {
    List<String> cmd = List.of(JavaCommand.java(), "-Xmx128m", "-jar", serverJar.toString(),
        "--print-profile", "--profile", profile, "--scale", Double.toString(scale));
    try {
      Process p = new ProcessBuilder(cmd).start();
      p.getOutputStream().close();
      byte[] out = p.getInputStream().readAllBytes();
      byte[] err = p.getErrorStream().readAllBytes();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("tipflood-server --print-profile did not finish in 60 s");
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

  static ServerProfileInfo parse(String printed) throws IOException {
    JsonNode json = JSON.readTree(printed);
    JsonNode heap = json.path("jvm").path("heap");
    if (heap.isMissingNode() || heap.isNull()) {
      throw new IllegalStateException("server --print-profile output has no jvm.heap: " + printed);
    }
    return new ServerProfileInfo(json, heap.isNumber() ? heap.asLong() : parseSize(heap.asText()));
  }

  /** Bytes from {@code 512MB}, {@code 512m}, {@code 1GiB}, {@code 1048576}: SI-looking units are binary here. */
  static long parseSize(String text) {
    Matcher m = SIZE.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalStateException("cannot read jvm.heap '" + text + "' from the server profile");
    }
    double n = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? "" : m.group(2).toUpperCase(Locale.ROOT);
    long mult = switch (unit.isEmpty() ? ' ' : unit.charAt(0)) {
      case 'K' -> 1L << 10;
      case 'M' -> 1L << 20;
      case 'G' -> 1L << 30;
      case 'T' -> 1L << 40;
      default -> 1L;
    };
    return (long) (n * mult);
  }

  /** The server said the profile is invalid. */
  public static final class InvalidProfileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidProfileException(String message) {
      super(message);
    }
  }
}
