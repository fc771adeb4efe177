package dev.tipflood.loadgen.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tipflood.loadgen.plan.MetadataRealism;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MetadataFactoryTest {
  private static final Instant NOW = Instant.parse("2020-05-31T20:00:00Z");
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void realisticTipsAreInsideTheBoxRecentAndDescribed() throws Exception {
    MetadataFactory f = new MetadataFactory(new MetadataRealism(1, 1, 1, null));
    SplittableRandom r = new SplittableRandom(1);
    for (int i = 0; i < 200; i++) {
      JsonNode m = json.readTree(f.json("dev-1", NOW, r));
      assertThat(MetadataRealism.BoundingBox.DALLAS.minLat()).isLessThanOrEqualTo(m.get("lat").asDouble());
      assertThat(m.get("lat").asDouble()).isLessThanOrEqualTo(MetadataRealism.BoundingBox.DALLAS.maxLat());
      assertThat(Instant.parse(m.get("occurredAt").asText())).isBetween(NOW.minusSeconds(3 * 3600), NOW);
      assertThat(m.get("description").asText()).hasSizeGreaterThan(20);
      assertThat(m.get("deviceId").asText()).isEqualTo("dev-1");
    }
  }

  @Test
  void sharesAreFollowed() throws Exception {
    MetadataFactory f = new MetadataFactory(new MetadataRealism(0.1, 0, 0.5, null));
    SplittableRandom r = new SplittableRandom(2);
    int inside = 0;
    int recent = 0;
    int n = 5000;
    for (int i = 0; i < n; i++) {
      JsonNode m = json.readTree(f.json("d", NOW, r));
      if (MetadataRealism.BoundingBox.DALLAS.minLat() <= m.get("lat").asDouble() && m.get("lat").asDouble() <= 33.1) {
        inside++;
      }
      if (Instant.parse(m.get("occurredAt").asText()).isAfter(NOW.minusSeconds(86_400))) {
        recent++;
      }
    }
    assertThat(inside / (double) n).isBetween(0.08, 0.12);
    assertThat(recent / (double) n).isBetween(0.47, 0.53);
  }

  @Test
  void writesExactlyWhatJacksonWritesForTheSameFields() throws Exception {
    MetadataFactory f = new MetadataFactory(new MetadataRealism(0.5, 0.5, 0.5, null));
    SplittableRandom r = new SplittableRandom(3);
    for (String device : new String[] {"fans-d12", "q\"uote", "back\\slash", "tab\tnew\nline\u0001", "bias 💜 ü"}) {
      for (int i = 0; i < 300; i++) {
        String text = f.json(device, NOW, r);
        JsonNode parsed = json.readTree(text);
        assertThat(parsed.get("deviceId").asText()).isEqualTo(device);
        assertThat(json.writeValueAsString(json.treeToValue(parsed, java.util.LinkedHashMap.class))).isEqualTo(text);
      }
    }
  }
}
