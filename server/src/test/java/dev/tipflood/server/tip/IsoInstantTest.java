package dev.tipflood.server.tip;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoInstantTest {
  @ParameterizedTest
  @ValueSource(strings = {"1970-01-01T00:00:00Z", "2020-05-31T18:04:05Z", "2026-11-29T12:24:45.566540210Z",
      "2026-11-29T12:24:45.566Z", "2026-11-29T12:24:45.566540Z", "2026-11-29T12:24:45.000000001Z",
      "2000-02-29T23:59:59.999999999Z", "1969-12-31T23:59:59.5Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z",
      "-0001-12-31T00:00:00Z", "+10000-01-01T00:00:00Z", "1600-03-01T07:08:09.010Z"})
  void formatsLikeInstantToString(String text) {
    Instant t = Instant.parse(text);
    assertThat(IsoInstant.format(t)).isEqualTo(t.toString());
  }

  @Test
  void agreesWithInstantToStringOnRandomInstants() {
    SplittableRandom random = new SplittableRandom(20200531);
    long min = Instant.parse("-0100-01-01T00:00:00Z").getEpochSecond();
    long max = Instant.parse("+10100-01-01T00:00:00Z").getEpochSecond();
    int[] nanoScales = {0, 1_000_000, 1000, 1};
    for (int i = 0; i < 200_000; i++) {
      int scale = nanoScales[random.nextInt(nanoScales.length)];
      int nanos = scale == 0 ? 0 : random.nextInt(1_000_000_000 / scale) * scale;
      Instant t = Instant.ofEpochSecond(random.nextLong(min, max), nanos);
      assertThat(IsoInstant.format(t)).isEqualTo(t.toString());
      if (t.toString().length() >= 20 && Character.isDigit(t.toString().charAt(0))) {
        assertThat(IsoInstant.parseOrNull(IsoInstant.format(t))).as(t.toString()).isEqualTo(t);
      }
    }
  }
}
