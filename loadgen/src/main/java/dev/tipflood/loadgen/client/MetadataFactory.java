package dev.tipflood.loadgen.client;

import dev.tipflood.loadgen.plan.MetadataRealism;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Builds the {@code metadata} JSON part of a tip following a population's realism settings:
 * location inside or outside the jurisdiction, a real description or spam text, a plausible or
 * implausible {@code occurredAt}.
 */
public final class MetadataFactory {
  private static final List<String> REAL = quoted(
      "Group breaking windows at the corner store, several people filming",
      "Car on fire near the parking garage, police not on scene yet",
      "Man with a bat threatening people outside the bank",
      "Crowd pushing over barriers by city hall, one person injured",
      "Someone throwing bricks from the overpass at passing cars",
      "Vandals spray painting the courthouse entrance right now",
      "Looting at the pharmacy, two men carrying boxes into a grey van");
  private static final List<String> SPAM = quoted(
      "#fancam", "stan twitter was here", "streaming party!! #kpop", "look at this bias 💜",
      "", "lol", "#WeWantToBeHeard");

  private final MetadataRealism realism;

  private static List<String> quoted(String... texts) {
    return java.util.Arrays.stream(texts).map(t -> quote(new StringBuilder(), t).toString()).toList();
  }

  /** Appends {@code text} as a JSON string, escaped as Jackson escapes it (quotes, backslashes, control characters). */
  static StringBuilder quote(StringBuilder out, String text) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        switch (c) {
          case '\b' -> out.append("\\b");
          case '\t' -> out.append("\\t");
          case '\n' -> out.append("\\n");
          case '\f' -> out.append("\\f");
          case '\r' -> out.append("\\r");
          default -> out.append(String.format("\\u%04X", (int) c));
        }
      } else {
        out.append(c);
      }
    }
    return out.append('"');
  }

  /**
   * Appends the instant {@code epochSecond} as {@link Instant#toString()} writes it (ISO-8601, UTC,
   * whole seconds), without its formatter: that was most of the metadata's allocation.
   */
  static StringBuilder appendIsoSeconds(StringBuilder out, long epochSecond) {
    LocalDateTime t = LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
    if (t.getYear() < 0 || t.getYear() > 9999) {
      return out.append(Instant.ofEpochSecond(epochSecond)); // signed or 5+ digit years
    }
    pad(out, t.getYear(), 4).append('-');
    pad(out, t.getMonthValue(), 2).append('-');
    pad(out, t.getDayOfMonth(), 2).append('T');
    pad(out, t.getHour(), 2).append(':');
    pad(out, t.getMinute(), 2).append(':');
    return pad(out, t.getSecond(), 2).append('Z');
  }

  private static StringBuilder pad(StringBuilder out, int value, int digits) {
    for (int limit = 10; digits > 1; digits--, limit *= 10) {
      if (value < limit) {
        out.append('0');
      }
    }
    return out.append(value);
  }

  public MetadataFactory(MetadataRealism realism) {
    this.realism = realism;
  }

  /**
   * @param deviceId the tip's device id
   * @param now      the send time, for {@code occurredAt}
   */
  public String json(String deviceId, Instant now, RandomGenerator random) {
    MetadataRealism.BoundingBox b = realism.bbox();
    double lat;
    double lon;
    if (random.nextDouble() < realism.locationInsideShare()) {
      lat = b.minLat() + random.nextDouble() * (b.maxLat() - b.minLat());
      lon = b.minLon() + random.nextDouble() * (b.maxLon() - b.minLon());
    } else {
      // Somewhere valid but far away (Seoul area).
      lat = 37.4 + random.nextDouble() * 0.3;
      lon = 126.8 + random.nextDouble() * 0.3;
    }
    String description = random.nextDouble() < realism.realDescriptionShare()
        ? REAL.get(random.nextInt(REAL.size()))
        : SPAM.get(random.nextInt(SPAM.size()));
    long occurred = random.nextDouble() < realism.plausibleTimeShare()
        ? now.getEpochSecond() - 60L * random.nextInt(180)
        : now.getEpochSecond() - 86_400L * (400 + random.nextInt(2000));
    // Written by hand, not through Jackson: one per tip, on the load generator's hot path. Same
    // text as Jackson writes for the same map (MetadataFactoryTest compares them).
    StringBuilder json = new StringBuilder(192)
        .append("{\"description\":").append(description)
        .append(",\"lat\":").append(Math.round(lat * 1e6) / 1e6)
        .append(",\"lon\":").append(Math.round(lon * 1e6) / 1e6)
        .append(",\"occurredAt\":\"");
    appendIsoSeconds(json, occurred).append('"')
        .append(",\"deviceId\":");
    return quote(json, deviceId).append('}').toString();
  }
}
