package dev.tipflood.units;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** Whatever the grammar prints, it reads back to the same value: a profile printed by --print-profile loads again. */
class UnitRoundTripPropertyTest {

  @Property(tries = 2000)
  void everySizePrintsInAFormThatParsesBackExactly(@ForAll @LongRange(min = 0, max = 1L << 50) long bytes) {
    ByteSize size = ByteSize.ofBytes(bytes);
    assertThat(ByteSize.parse(size.toString())).isEqualTo(size);
  }

  @Property(tries = 2000)
  void everyBandwidthPrintsInAFormThatParsesBackExactly(@ForAll @LongRange(min = 1, max = 1L << 40) long perSecond) {
    ByteRate rate = new ByteRate(perSecond);
    assertThat(ByteRate.parse(rate.toString())).isEqualTo(rate);
  }

  @Property(tries = 2000)
  void everyDurationPrintsInAFormThatParsesBackExactly(@ForAll @LongRange(min = 0, max = 1000L * 3600 * 24 * 365) long millis) {
    Duration d = Duration.ofMillis(millis);
    assertThat(Durations.parse(Durations.format(d))).isEqualTo(d);
  }

  @Property(tries = 1000)
  void aDecimalSizeIsItsValueRoundedToWholeBytes(@ForAll @LongRange(min = 0, max = 999_999) long thousandths) {
    String text = (thousandths / 1000) + "." + String.format("%03d", thousandths % 1000) + "KB";
    assertThat(ByteSize.parse(text).bytes()).isEqualTo(thousandths);
  }
}
