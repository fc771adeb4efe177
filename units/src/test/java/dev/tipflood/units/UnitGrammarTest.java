package dev.tipflood.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The unit grammar, pinned as a table: every spelling, its value, and the spellings refused. */
class UnitGrammarTest {

  @ParameterizedTest(name = "{0} = {1} bytes")
  @CsvSource({
      "0,          0",
      "0B,         0",
      "1B,         1",
      "512B,       512",
      "1KB,        1000",
      "1KiB,       1024",
      "1MB,        1000000",
      "1MiB,       1048576",
      "32MB,       32000000",
      "32MiB,      33554432",
      "1GB,        1000000000",
      "1GiB,       1073741824",
      "1TB,        1000000000000",
      "1TiB,       1099511627776",
      "1.5GB,      1500000000",
      "1.5KiB,     1536",
      "2.5MB,      2500000",
      "0.5B,       1",
  })
  void sizes(String text, long bytes) {
    assertThat(ByteSize.parse(text).bytes()).isEqualTo(bytes);
  }

  @ParameterizedTest(name = "size ''{0}'' is refused")
  @ValueSource(strings = {"", " ", "512", "-1MB", "+1MB", "1e6B", "3 MB", " 3MB", "3MB ", "3mb", "3Mb", "3kb",
      "3kB", "3M", "3K", "3G", "3mib", "3MIB", "3Mi", "1,5MB", ".5MB", "5.MB", "MB", "unlimited", "1MB/s",
      "99999999999999999999GB", "9999999999999999999GB", "99999999999999999999B"})
  void refusedSizes(String text) {
    assertThatThrownBy(() -> ByteSize.parse(text)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + text + "'");
  }

  @ParameterizedTest(name = "{0} round-trips as {1}")
  @CsvSource({"0, 0", "1000B, 1KB", "1024B, 1KiB", "32MiB, 32MiB", "32MB, 32MB", "1500B, 1500B", "1.5GiB, 1536MiB",
      "1GB, 1GB", "7B, 7B"})
  void sizesPrintInTheGrammarTheyAreReadIn(String text, String printed) {
    ByteSize size = ByteSize.parse(text);
    assertThat(size.toString()).isEqualTo(printed);
    assertThat(ByteSize.parse(size.toString())).isEqualTo(size);
  }

  @ParameterizedTest(name = "{0} = {1} B/s")
  @CsvSource({"1B/s, 1", "64KB/s, 64000", "64KiB/s, 65536", "40MB/s, 40000000", "2MiB/s, 2097152",
      "1.5MB/s, 1500000"})
  void bandwidths(String text, long bytesPerSecond) {
    assertThat(ByteRate.parse(text).bytesPerSecond()).isEqualTo(bytesPerSecond);
    assertThat(ByteRate.parse(ByteRate.parse(text).toString()).bytesPerSecond()).isEqualTo(bytesPerSecond);
  }

  @ParameterizedTest(name = "bandwidth ''{0}'' is refused")
  @ValueSource(strings = {"", "40MB", "40MB/m", "40MB/sec", "40 MB/s", "40mb/s", "0/s", "0B/s", "/s", "40MBps",
      "40MB /s", "unlimited"})
  void refusedBandwidths(String text) {
    assertThatThrownBy(() -> ByteRate.parse(text)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + text + "'");
  }

  @ParameterizedTest(name = "{0} = {1} ms")
  @CsvSource({"0, 0", "0ms, 0", "1ms, 1", "250ms, 250", "1s, 1000", "90s, 90000", "1.5s, 1500", "2m, 120000",
      "0.5m, 30000", "1h, 3600000", "1.5h, 5400000", "0.001s, 1"})
  void durations(String text, long millis) {
    assertThat(Durations.parse(text)).isEqualTo(Duration.ofMillis(millis));
  }

  @ParameterizedTest(name = "duration ''{0}'' is refused")
  @ValueSource(strings = {"", "5", "-1s", "5 s", "5sec", "5secs", "2min", "1m30s", "PT5S", "5S", "2M", "1H",
      "1d", "5us", "1.5ms", "0.0001s", ".5s", "s", "1,5s", "99999999999999999999h"})
  void refusedDurations(String text) {
    assertThatThrownBy(() -> Durations.parse(text)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + text + "'");
  }

  @ParameterizedTest(name = "{0} prints as {1}")
  @CsvSource({"0, 0", "250, 250ms", "1000, 1s", "90000, 90s", "120000, 2m", "5400000, 90m", "7200000, 2h"})
  void durationsPrintInTheGrammarTheyAreReadIn(long millis, String printed) {
    assertThat(Durations.format(Duration.ofMillis(millis))).isEqualTo(printed);
    assertThat(Durations.parse(printed)).isEqualTo(Duration.ofMillis(millis));
  }

  @ParameterizedTest(name = "{0} with unlimited allowed")
  @ValueSource(strings = {"unlimited"})
  void unlimitedOnlyWhereAllowed(String text) {
    assertThat(ByteSize.parseOrUnlimited(text).isUnlimited()).isTrue();
    assertThat(ByteRate.parseOrUnlimited(text).isUnlimited()).isTrue();
    assertThat(ByteSize.UNLIMITED.toString()).isEqualTo("unlimited");
    assertThatThrownBy(() -> ByteSize.parseOrUnlimited("Unlimited")).hasMessageContaining("or 'unlimited'");
  }
}
