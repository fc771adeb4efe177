package dev.tipflood.server.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tipflood.server.tip.MediaItem;
import dev.tipflood.server.tip.TipId;
import dev.tipflood.server.tip.TipMetadata;
import dev.tipflood.server.tip.TipRecord;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class JournalCodecTest {
  /** The on-disk form of a tip record, byte for byte: a change here is a journal format change. */
  @Test
  void aTipRecordHasAStableOnDiskForm() {
    TipMetadata md = new TipMetadata("say \"hi\"\n\u00e9 \u0001", 32.779, -96.8003,
        Instant.parse("2020-05-31T18:04:05Z"), "dev-1");
    TipRecord tip = TipRecord.received(new TipId("01a22743d0fe7f9a0f5ae628d8"),
        Instant.parse("2026-11-29T12:24:45.566581487Z"), md,
        List.of(new MediaItem(0, "fan.mp4", "video/mp4", 1234567890123L, "ab".repeat(32), "01a22743d0fe7f9a0f5ae628d8-0")));
    assertThat(new String(JournalCodec.tip(tip), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(
        "{\"v\":1,\"type\":\"tip\",\"id\":\"01a22743d0fe7f9a0f5ae628d8\",\"receivedAt\":\"2026-11-29T12:24:45.566581487Z\","
            + "\"metadata\":{\"description\":\"say \\\"hi\\\"\\n\u00e9 \\u0001\",\"lat\":32.779,\"lon\":-96.8003,"
            + "\"occurredAt\":\"2020-05-31T18:04:05Z\",\"deviceId\":\"dev-1\"},\"media\":[{\"index\":0,\"filename\":\"fan.mp4\","
            + "\"contentType\":\"video/mp4\",\"size\":1234567890123,\"sha256\":\"" + "ab".repeat(32) + "\","
            + "\"storedAs\":\"01a22743d0fe7f9a0f5ae628d8-0\"}]}\n");
    TipRecord none = TipRecord.received(tip.id(), tip.receivedAt(), md, List.of());
    assertThat(new String(JournalCodec.tip(none), java.nio.charset.StandardCharsets.UTF_8)).endsWith(
        "\"deviceId\":\"dev-1\"},\"media\":[]}\n");
  }

  @Test
  void aTipRecordReadsBackExactlyIncludingEveryDoubleAndTimestamp() {
    SplittableRandom random = new SplittableRandom(2020);
    double[] awkward = {0.0, -0.0, 90.0, -90.0, 1e-7, 4.9e-324, 32.779, -89.8003, 0.1 + 0.2, 2.0E-3, 100.0 / 3};
    for (int i = 0; i < 20_000; i++) {
      double lat = i < awkward.length ? awkward[i] : random.nextDouble(-90, 90);
      double lon = i < awkward.length ? -2 * awkward[i] : random.nextDouble(-180, 180);
      Instant received = Instant.ofEpochSecond(random.nextLong(0, 4_102_444_800L), random.nextInt(1_000_000_000));
      String awkwardText = "tip " + i + " \"quoted\"\n\t\\ / \u00e9 \ud83d\ude00 \u0001\u001f \u2028 \u007f "
          + (char) random.nextInt(0x20, 0xd7ff);
      TipMetadata md = new TipMetadata(awkwardText, lat, lon,
          Instant.ofEpochSecond(random.nextLong(0, 4_102_444_800L)), "dev-" + i);
      TipRecord tip = TipRecord.received(TipId.next(received.toEpochMilli()), received, md,
          i % 2 == 0 ? List.of() : List.of(new MediaItem(0, "a\"\u00e9.jpg", "image/jpeg", i, "ab".repeat(32), "x-" + i),
              new MediaItem(1, "b.mp4", "video/mp4", Long.MAX_VALUE, "cd".repeat(32), "y-" + i)));
      byte[] line = JournalCodec.tip(tip);
      assertThat(line[line.length - 1]).isEqualTo((byte) '\n');
      for (int b = 0; b < line.length - 1; b++) {
        assertThat(line[b]).as("a record holds no raw newline or NUL (the journal's framing)").isNotIn((byte) '\n',
            (byte) 0);
      }
      JournalCodec.Line read = JournalCodec.read(line, 0, line.length - 1);
      assertThat(read).isEqualTo(new JournalCodec.TipLine(tip));
    }
  }
}
