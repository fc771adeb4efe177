package dev.tipflood.loadgen.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tipflood.loadgen.plan.MetadataRealism;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Builds the {@code metadata} JSON part of a tip following a population's realism settings:
 * location inside or outside the jurisdiction, a real description or spam text, a plausible or
 * implausible {@code occurredAt}.
 */
public final class MetadataFactory {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> REAL = List.of(
      "Group breaking windows at the corner store, several people filming",
      "Car on fire near the parking garage, police not on scene yet",
      "Man with a bat threatening people outside the bank",
      "Crowd pushing over barriers by city hall, one person injured",
      "Someone throwing bricks from the overpass at passing cars",
      "Vandals spray painting the courthouse entrance right now",
      "Looting at the pharmacy, two men carrying boxes into a grey van");
  private static final List<String> SPAM = List.of(
      "#fancam", "stan twitter was here", "streaming party!! #kpop", "look at this bias 💜",
      "", "lol", "#WeWantToBeHeard");

  private final MetadataRealism realism;

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
    Instant occurred = random.nextDouble() < realism.plausibleTimeShare()
        ? now.minus(Duration.ofMinutes(random.nextInt(180)))
        : now.minus(Duration.ofDays(400 + random.nextInt(2000)));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("description", description);
    m.put("lat", Math.round(lat * 1e6) / 1e6);
    m.put("lon", Math.round(lon * 1e6) / 1e6);
    m.put("occurredAt", occurred.truncatedTo(ChronoUnit.SECONDS).toString());
    m.put("deviceId", deviceId);
    try {
      return JSON.writeValueAsString(m);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("metadata is plain data and always serialises", e);
    }
  }
}
