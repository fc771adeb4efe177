package dev.tipflood.server.tip;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast UTC path (occurredAt, journal timestamps) must agree with java.time's ISO parser on every input. */
class IsoInstantParseTest {

  @Test
  void agreesWithTheIsoParserOnEdgeCases() {
    String[] cases = {"2020-05-31T18:04:05Z", "2020-02-29T00:00:00Z", "2019-02-29T00:00:00Z", "2020-02-30T00:00:00Z",
        "2020-13-01T00:00:00Z", "2020-00-01T00:00:00Z", "2020-01-00T00:00:00Z", "2020-04-31T00:00:00Z",
        "2020-01-01T24:00:00Z", "2020-01-01T23:60:00Z", "2020-01-01T23:59:60Z", "0000-01-01T00:00:00Z",
        "9999-12-31T23:59:59Z", "2020-05-31t18:04:05Z", "2020-05-31T18:04:05z", "2020-05-31 18:04:05Z",
        "2020-5-31T18:04:05Z", "+2020-05-31T18:04:05Z", "2020-05-31T18:04:0aZ", "2020-05-31T18:04:05+00:00",
        "2020-05-31T18:04:05.1Z", "2020-05-31T18:04:05.123456789Z", "2020-05-31T18:04:05.1234567890Z",
        "2020-05-31T18:04:05.Z", "2020-05-31T18:04:05,5Z", "2020-05-31T18:04:05.12a4Z", "2020-02-29T23:59:59.999Z"};
    for (String c : cases) {
      assertAgrees(c);
    }
  }

  @Test
  void agreesWithTheIsoParserOnRandomMutations() {
    Random random = new Random(7);
    String alphabet = "0123456789-T:Z+ tz.";
    for (int i = 0; i < 50_000; i++) {
      char[] t = (i % 2 == 0 ? "2020-05-31T18:04:05Z" : "2020-02-29T18:04:05.123456Z").toCharArray();
      for (int m = random.nextInt(3); m >= 0; m--) {
        t[random.nextInt(t.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
      }
      assertAgrees(new String(t));
    }
  }

  private static void assertAgrees(String text) {
    Instant fast = IsoInstant.parseOrNull(text);
    Instant iso;
    try {
      iso = OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      iso = null;
    }
    if (fast != null) {
      assertThat(fast).as(text).isEqualTo(iso);
    } else if (text.length() == 20 && iso != null && text.charAt(10) == 'T' && text.endsWith("Z")) {
      // The plain seconds form must take the fast path whenever it is valid (leap second 60 aside).
      assertThat(text.substring(17, 19)).as(text).isEqualTo("60");
    }
  }
}
