package dev.tipflood.loadgen.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** The metadata's hand-written {@code occurredAt} is exactly what {@link Instant#toString()} writes. */
class IsoSecondsPropertyTest {

  @Property(tries = 2000)
  void writesWhatInstantWrites(@ForAll @LongRange(min = -62_167_219_200L - 86_400, max = 253_402_300_799L + 86_400) long epochSecond) {
    assertThat(MetadataFactory.appendIsoSeconds(new StringBuilder(), epochSecond).toString())
        .isEqualTo(Instant.ofEpochSecond(epochSecond).toString());
  }

  @Example
  void padsEveryField() {
    assertThat(MetadataFactory.appendIsoSeconds(new StringBuilder(), Instant.parse("0007-02-03T04:05:06Z").getEpochSecond())
        .toString()).isEqualTo("0007-02-03T04:05:06Z");
  }
}
