package dev.tipflood.loadgen.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tipflood.loadgen.measure.AckedTipLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AckVerifierTest {
  private static final String A = "0".repeat(25) + "a";
  private static final String B = "0".repeat(25) + "b";
  private static final String C = "0".repeat(25) + "c";

  @TempDir
  Path dir;

  private static String tipJson(String sha) {
    return "{\"id\":\"x\",\"media\":[{\"index\":0,\"sha256\":\"" + sha + "\"}]}";
  }

  @Test
  void findsTheMissingTheCorruptAndTheIntact() throws Exception {
    Path sent = Files.writeString(dir.resolve("photo.jpg"), "photo bytes");
    String sha = AckVerifier.hash(sent);
    Path media = Files.createDirectories(dir.resolve("media"));
    Files.writeString(media.resolve(A + "-0"), "photo bytes");
    Files.writeString(media.resolve(C + "-0"), "photo bytes, then a torn write");
    Map<String, String> server = Map.of(A, tipJson(sha), C, tipJson(sha));
    AckVerifier verifier = new AckVerifier(id -> Optional.ofNullable(server.get(id)), Optional.of(media));

    AckVerifier.Result r = verifier.verify(List.of(
        new AckedTipLog.Entry(A, "citizens", 1, 1, List.of(sent.toString())),
        new AckedTipLog.Entry(B, "citizens", 2, 1, List.of(sent.toString())),
        new AckedTipLog.Entry(C, "fans", 3, 2, List.of(sent.toString()))));

    assertThat(r.missing()).containsExactly(B);
    assertThat(r.corrupt()).singleElement().asString().startsWith(C).contains("stored file");
    assertThat(r.allIntact()).isFalse();
    assertThat(r.text()).startsWith("3 acknowledged tips: 1 intact, 1 missing, 1 corrupt");
  }

  @Test
  void aServerListingAnotherHashIsCorruptEvenWithoutItsFiles() throws Exception {
    Path sent = Files.writeString(dir.resolve("photo.jpg"), "photo bytes");
    AckVerifier verifier = new AckVerifier(id -> Optional.of(tipJson("00ff")), Optional.empty());
    AckVerifier.Result r = verifier.verify(List.of(new AckedTipLog.Entry(A, "citizens", 1, 1, List.of(sent.toString()))));
    assertThat(r.corrupt()).hasSize(1);
  }

  @Test
  void theLogReadsBackWhatWasWrittenAndSkipsATornLastLine() throws Exception {
    try (AckedTipLog log = new AckedTipLog(dir)) {
      log.record(new AckedTipLog.Entry(A, "citizens", 7, 1, List.of("/c/a.jpg", "/c/b.avi")));
      log.record(new AckedTipLog.Entry(B, "fans", 8, 3, List.of()));
    }
    Files.writeString(dir.resolve(AckedTipLog.FILE), "0000000000", java.nio.file.StandardOpenOption.APPEND);
    assertThat(AckedTipLog.read(dir.resolve(AckedTipLog.FILE))).containsExactly(
        new AckedTipLog.Entry(A, "citizens", 7, 1, List.of("/c/a.jpg", "/c/b.avi")),
        new AckedTipLog.Entry(B, "fans", 8, 3, List.of()));
  }
}
