package dev.tipflood.loadgen.measure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tipflood.loadgen.client.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientLogsTest {
  /** A clock the test moves by hand. */
  static final class ManualTime implements TimeSource {
    long millis = 1_590_955_200_000L;

    @Override
    public long nanoTime() {
      return millis * 1_000_000;
    }

    @Override
    public long currentTimeMillis() {
      return millis;
    }
  }

  private static List<Histogram> read(Path log) throws Exception {
    HistogramLogReader r = new HistogramLogReader(log.toFile());
    List<Histogram> out = new ArrayList<>();
    Histogram h;
    while ((h = (Histogram) r.nextIntervalHistogram()) != null) {
      out.add(h);
    }
    return out;
  }

  @Test
  void everyRecordedRequestLandsInItsTaggedOneSecondInterval(@TempDir Path dir) throws Exception {
    ManualTime time = new ManualTime();
    ClientRecorder recorder = new ClientRecorder();
    ProgressCounters fans = new ProgressCounters();
    try (ClientLogs logs = new ClientLogs(dir, recorder, new SendLagRecorder(), Map.of("fans", fans), time)) {
      ClassKey ok = new ClassKey("fans", "submit-tip", "201");
      ClassKey timeout = new ClassKey("fans", "submit-tip", Outcome.TIMEOUT.label());
      recorder.record(ok, 50_000, 40_000);
      recorder.record(ok, 52_000, 41_000);
      recorder.record(timeout, 30_000_000, 30_000_000);
      fans.completed(Outcome.status(201));
      time.millis += 1000;
      logs.tick();
      recorder.record(ok, 2_050_000, 50_000);
      time.millis += 1000;
    }

    List<Histogram> corrected = read(dir.resolve("latency-corrected.hlog"));
    assertThat(corrected).extracting(Histogram::getTag).containsExactly(
        "pop=fans;ep=submit-tip;out=201", "pop=fans;ep=submit-tip;out=timeout", "pop=fans;ep=submit-tip;out=201");
    assertThat(corrected.get(0).getTotalCount()).isEqualTo(2);
    assertThat(corrected.get(0).getStartTimeStamp()).isEqualTo(1_590_955_200_000L);
    assertThat(corrected.get(0).getEndTimeStamp()).isEqualTo(1_590_955_201_000L);
    assertThat(corrected.get(1).getMaxValue()).isBetween(29_970_000L, 30_030_000L);
    assertThat(corrected.get(2).getStartTimeStamp()).isEqualTo(1_590_955_201_000L);
    assertThat(corrected.get(2).getValueAtPercentile(50)).isBetween(2_040_000L, 2_060_000L);

    List<Histogram> raw = read(dir.resolve("latency-raw.hlog"));
    assertThat(raw.get(2).getValueAtPercentile(50)).isBetween(49_900L, 50_100L);

    List<String> progress = Files.readAllLines(dir.resolve("progress.ndjson"));
    assertThat(progress).hasSize(2);
    JsonNode first = new ObjectMapper().readTree(progress.get(0));
    assertThat(first.path("populations").path("fans").path("ok").asLong()).isEqualTo(1);
  }

  @Test
  void sendLagIsWrittenPerIntervalAndTheWarmUpIsMarked(@TempDir Path dir) throws Exception {
    ManualTime time = new ManualTime();
    long start = time.millis;
    SendLagRecorder lag = new SendLagRecorder();
    try (ClientLogs logs = new ClientLogs(dir, new ClientRecorder(), lag, Map.of(), time)) {
      // Two cold seconds (200 ms late), then warm ones (0.3 ms late).
      for (int second = 0; second < 6; second++) {
        for (int i = 0; i < 100; i++) {
          lag.record(second < 2 ? 200_000 : 300);
        }
        time.millis += 1000;
        logs.tick();
      }
    }
    List<String> progress = Files.readAllLines(dir.resolve("progress.ndjson"));
    ObjectMapper json = new ObjectMapper();
    JsonNode cold = json.readTree(progress.get(0)).path("sendLag");
    assertThat(cold.path("requests").asLong()).isEqualTo(100);
    assertThat(cold.path("p99Micros").asLong()).isBetween(199_000L, 201_000L);
    assertThat(json.readTree(progress.get(2)).path("sendLag").path("p99Micros").asLong()).isBetween(299L, 301L);
    JsonNode warmUp = json.readTree(dir.resolve("warmup.json").toFile());
    assertThat(warmUp.path("warm").asBoolean()).isTrue();
    assertThat(warmUp.path("warmFromMillis").asLong()).isEqualTo(start + 2000);
    assertThat(warmUp.path("warmUpSeconds").asDouble()).isEqualTo(2.0);
    assertThat(warmUp.path("rule").asText()).contains("99%").contains("5 ms");
  }

  @Test
  void tagsRoundTripWithReservedCharacters() {
    ClassKey k = new ClassKey("fans;evil=1", "submit tip", "connection-error");
    assertThat(ClassKey.parse(k.tag())).isEqualTo(k);
    assertThat(k.tag()).doesNotContain("fans;evil");
  }

  @Test
  void serverTagsParseToo() {
    assertThat(ClassKey.parse("pop=fans;ep=POST%20%2Fapi%2Fv1%2Ftips;out=503"))
        .isEqualTo(new ClassKey("fans", "POST /api/v1/tips", "503"));
  }

  @Test
  void wideRangesDecodeAndHugeValuesAreClamped(@TempDir Path dir) throws Exception {
    ManualTime time = new ManualTime();
    ClientRecorder recorder = new ClientRecorder();
    try (ClientLogs logs = new ClientLogs(dir, recorder, new SendLagRecorder(), Map.of(), time)) {
      ClassKey k = new ClassKey("fans", "tip", "201");
      // Many intervals with values from microseconds to beyond an hour: every one must decode.
      for (int i = 0; i < 50; i++) {
        recorder.record(k, 1 + i, 5);
        recorder.record(k, 10_000_000L * (i + 1), 7_000_000L * (i + 1));
        recorder.record(k, 10_000_000_000L, 2);
        time.millis += 1000;
        logs.tick();
      }
    }
    List<Histogram> all = read(dir.resolve("latency-corrected.hlog"));
    assertThat(all).hasSize(50);
    assertThat(all.stream().mapToLong(Histogram::getMaxValue).max().orElse(0))
        .isBetween(ClientRecorder.MAX_MICROS * 999 / 1000, ClientRecorder.MAX_MICROS * 1001 / 1000);
  }
}
