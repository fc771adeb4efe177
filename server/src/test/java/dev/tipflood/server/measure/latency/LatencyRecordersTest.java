package dev.tipflood.server.measure.latency;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import dev.tipflood.server.measure.SupplierClock;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;

class LatencyRecordersTest {

  private final long[] now = {1_764_403_200_000L};
  private final SupplierClock wall = new SupplierClock(() -> now[0]);
  private final LatencyRecorders recorders = new LatencyRecorders(wall);

  @Test
  void drainWritesOneTaggedLinePerClassThatAHistogramLogReaderReads() {
    LatencyTag fans = new LatencyTag("fans", Endpoints.TIPS_POST, "201");
    LatencyTag witnesses = new LatencyTag("witness es,1", Endpoints.TIPS_POST, "503");
    for (int i = 1; i <= 1000; i++) {
      recorders.record(fans, i * 100L);
    }
    recorders.record(witnesses, 5_000);
    advance(1500);

    String lines = recorders.drainLogLines();
    assertThat(lines.lines()).hasSize(2).allMatch(l -> l.startsWith("Tag=pop="));
    assertThat(lines).contains("Tag=pop=witness+es%2C1;ep=tips.post;out=503,1764403200.000,1.500,");

    List<Histogram> read = readAll(lines);
    Histogram fansRead = read.stream().filter(h -> h.getTag().equals(fans.wire())).findFirst().orElseThrow();
    assertThat(fansRead.getTotalCount()).isEqualTo(1000);
    assertThat((double) fansRead.getValueAtPercentile(50)).isBetween(49_900.0, 50_100.0);
    assertThat(fansRead.getStartTimeStamp()).isEqualTo(1_764_403_200_000L);
    assertThat(fansRead.getEndTimeStamp()).isEqualTo(1_764_403_201_500L);
  }

  @Test
  void successiveDrainsHoldDisjointIntervalsThatAddUpExactly() {
    LatencyTag tag = new LatencyTag("p", Endpoints.TIPS_GET, "200");
    recorders.record(tag, 10);
    recorders.record(tag, 20);
    advance(1000);
    String first = recorders.drainLogLines();
    recorders.record(tag, 30);
    advance(1000);
    String second = recorders.drainLogLines();
    advance(1000);
    String third = recorders.drainLogLines();

    Histogram a = readAll(first).get(0);
    Histogram b = readAll(second).get(0);
    assertThat(a.getTotalCount()).isEqualTo(2);
    assertThat(b.getTotalCount()).isEqualTo(1);
    assertThat(b.getStartTimeStamp()).isEqualTo(a.getEndTimeStamp());
    assertThat(third).as("nothing recorded, nothing written").isEmpty();
    a.add(b);
    assertThat(a.getMaxValue()).isEqualTo(30);
  }

  @Test
  void veryLargeAndVerySmallValuesDecodeWithTheStockReader() {
    LatencyTag tag = new LatencyTag("p", Endpoints.TIPS_POST, "201");
    StringBuilder log = new StringBuilder();
    // Many intervals, each reusing the last one's recycled histogram, with values from below a
    // microsecond to far beyond an hour: every line must decode with the stock reader.
    for (int i = 0; i < 50; i++) {
      recorders.record(tag, i % 2 - 1);
      recorders.record(tag, 1 + i);
      recorders.record(tag, 10_000_000L * (i + 1));
      recorders.record(tag, 10_000_000_000L);
      advance(1000);
      log.append(recorders.drainLogLines());
    }
    List<Histogram> all = readAll(log.toString());
    assertThat(all).hasSize(50).allMatch(h -> h.getTotalCount() == 4);
    assertThat(all).allMatch(h -> h.getMinValue() >= 1)
        .as("a fixed range header").allMatch(h -> h.getHighestTrackableValue() >= LatencyRecorders.MAX_MICROS);
    assertThat(all.get(49).getMaxValue()).isEqualTo(all.get(49).highestEquivalentValue(LatencyRecorders.MAX_MICROS));
    assertThat(recorders.clampedValues()).as("values outside 1 us .. 1 h").isEqualTo(50 + 50);
  }

  @Test
  void endpointsAreClassified() {
    assertThat(Endpoints.classify("POST", "/api/v1/tips")).isEqualTo("tips.post");
    assertThat(Endpoints.classify("GET", "/api/v1/tips/abc")).isEqualTo("tips.get");
    assertThat(Endpoints.classify("GET", "/api/v1/tips")).isEqualTo("other");
    assertThat(Endpoints.classify("DELETE", "/api/v1/tips/abc")).isEqualTo("other");
  }

  private void advance(long millis) {
    now[0] += millis;
  }

  static List<Histogram> readAll(String lines) {
    HistogramLogReader reader =
        new HistogramLogReader(new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)));
    List<Histogram> out = new ArrayList<>();
    EncodableHistogram h;
    while ((h = reader.nextIntervalHistogram()) != null) {
      out.add((Histogram) h);
    }
    return out;
  }
}
