package dev.tipflood.loadgen.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarmUpNoteTest {
  private static Path warmup(Path dir, boolean warm, double seconds) throws Exception {
    return Files.writeString(dir.resolve("warmup.json"),
        "{\"warm\":" + warm + ",\"warmUpSeconds\":" + seconds + ",\"sendLagLimitMicros\":5000}");
  }

  @Test
  void saysTheWarmUpIsIncludedAndHowToLeaveItOut(@TempDir Path dir) throws Exception {
    assertThat(WarmUpNote.of(warmup(dir, true, 4), 0)).hasValue(
        "client warm-up: the first 4 s (load generator sending late, see client/warmup.json), included above; --skip 4 leaves it out");
  }

  @Test
  void saysWhenItWasLeftOut(@TempDir Path dir) throws Exception {
    assertThat(WarmUpNote.of(warmup(dir, true, 3.5), 10)).get().asString().endsWith("left out (--skip 10)");
    assertThat(WarmUpNote.of(warmup(dir, true, 3.5), 2)).get().asString().endsWith("partly included (--skip 2)");
  }

  @Test
  void saysWhenTheClientNeverKeptUp(@TempDir Path dir) throws Exception {
    assertThat(WarmUpNote.of(warmup(dir, false, 30), 10)).get().asString().contains("never kept to its schedule");
  }

  @Test
  void saysNothingForARunWithoutTheFile(@TempDir Path dir) {
    assertThat(WarmUpNote.of(dir.resolve("warmup.json"), 0)).isEmpty();
  }
}
