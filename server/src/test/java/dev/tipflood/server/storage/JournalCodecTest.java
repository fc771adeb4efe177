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
  @Test
  void aTipRecordReadsBackExactlyIncludingEveryDoubleAndTimestamp() {
    SplittableRandom random = new SplittableRandom(2020);
    double[] awkward = {0.0, -0.0, 90.0, -90.0, 1e-7, 4.9e-324, 32.779, -89.8003, 0.1 + 0.2, 2.0E-3, 100.0 / 3};
    for (int i = 0; i < 20_000; i++) {
      double lat = i < awkward.length ? awkward[i] : random.nextDouble(-90, 90);
      double lon = i < awkward.length ? -2 * awkward[i] : random.nextDouble(-180, 180);
      Instant received = Instant.ofEpochSecond(random.nextLong(0, 4_102_444_800L), random.nextInt(1_000_000_000));
      TipMetadata md = new TipMetadata("tip " + i + " \"quoted\"\n\u00e9", lat, lon,
          Instant.ofEpochSecond(random.nextLong(0, 4_102_444_800L)), "dev-" + i);
      TipRecord tip = TipRecord.received(TipId.next(received.toEpochMilli()), received, md,
          i % 2 == 0 ? List.of() : List.of(new MediaItem(0, "a.jpg", "image/jpeg", i, "ab".repeat(32), "x-" + i)));
      byte[] line = JournalCodec.tip(tip);
      assertThat(line[line.length - 1]).isEqualTo((byte) '\n');
      JournalCodec.Line read = JournalCodec.read(line, 0, line.length - 1);
      assertThat(read).isEqualTo(new JournalCodec.TipLine(tip));
    }
  }
}
