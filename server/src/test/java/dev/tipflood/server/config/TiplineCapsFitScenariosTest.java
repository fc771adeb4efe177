package dev.tipflood.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.tipflood.units.ByteSize;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * tipline is the sanely built service: it must accept the realistic phone media the built-in
 * scenarios send as legit. The 99th percentile of every legit size distribution must fit the
 * per-part cap, and the most parts a legit tip carries, each at that percentile, the request cap.
 * Both sides scale by the same factor, so the comparison is made at scale 1.
 */
class TiplineCapsFitScenariosTest {
  private static final Path SCENARIOS = Path.of("../scenarios/src/main/resources/scenarios");
  private static final Pattern SIZE = Pattern.compile("([0-9.]+)\\s*(B|KB|MB|GB)?");
  private static final double Z99 = 2.3263478740408408;

  @Test
  void legitMediaOfEveryBuiltInScenarioFitTiplinesCaps() throws IOException {
    LimitsConfig limits = ProfileLoader.builtin("tipline").limits();
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    List<Path> files;
    try (Stream<Path> list = Files.list(SCENARIOS)) {
      files = list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertThat(files).as("built-in scenarios under " + SCENARIOS.toAbsolutePath()).hasSizeGreaterThan(5);
    int checked = 0;
    for (Path file : files) {
      for (JsonNode population : yaml.readTree(file.toFile()).path("populations")) {
        if (!"legit".equals(population.path("truth").asText())) {
          continue;
        }
        JsonNode media = population.path("media");
        JsonNode perTip = media.path("perTip");
        int maxParts = perTip.isInt() ? perTip.asInt() : perTip.path("max").asInt();
        long largestPart = 0;
        for (var type : (Iterable<java.util.Map.Entry<String, JsonNode>>) media.path("types")::fields) {
          JsonNode size = type.getValue().path("size");
          if (size.isMissingNode()) {
            continue;
          }
          String where = file.getFileName() + " " + population.path("name").asText() + " " + type.getKey();
          long p99 = p99Bytes(size, where);
          assertThat(limits.maxMediaBytes().isExceededBy(p99))
              .as("%s: p99 %d bytes vs maxMediaBytes %s", where, p99, limits.maxMediaBytes()).isFalse();
          largestPart = Math.max(largestPart, p99);
          checked++;
        }
        long request = maxParts * largestPart + limits.maxMetadataBytes().bytes();
        assertThat(limits.maxRequestBytes().isExceededBy(request))
            .as("%s %s: %d parts at p99 vs maxRequestBytes %s", file.getFileName(), population.path("name").asText(),
                maxParts, limits.maxRequestBytes()).isFalse();
      }
    }
    assertThat(checked).as("legit size distributions checked").isGreaterThan(10);
  }

  private static long p99Bytes(JsonNode size, String where) {
    long max = bytes(size.path("max").asText());
    return switch (size.path("kind").asText()) {
      case "lognormal" -> Math.min(max,
          (long) (bytes(size.path("median").asText()) * Math.exp(Z99 * size.path("sigma").asDouble())));
      case "uniform" -> {
        long min = bytes(size.path("min").asText());
        yield min + (long) (0.99 * (max - min));
      }
      default -> throw new AssertionError(where + ": unknown size kind '" + size.path("kind").asText() + "'");
    };
  }

  /** Scenario sizes may be fractional ("2.5MB"), which a profile's ByteSize does not accept. */
  private static long bytes(String text) {
    Matcher m = SIZE.matcher(text.trim().toUpperCase(Locale.ROOT));
    assertThat(m.matches()).as("size '%s'", text).isTrue();
    long unit = switch (m.group(2) == null ? "B" : m.group(2)) {
      case "KB" -> 1024L;
      case "MB" -> 1024L * 1024;
      case "GB" -> 1024L * 1024 * 1024;
      default -> 1L;
    };
    return (long) (Double.parseDouble(m.group(1)) * unit);
  }
}
