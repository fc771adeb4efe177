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

  @Test
  void aTipWhoseTextAloneWasAcknowledgedIsIntactWithOrWithoutItsMediaButNotWhenMissingOrWrong() throws Exception {
    Path sent = Files.writeString(dir.resolve("clip.mp4"), "clip bytes");
    String sha = AckVerifier.hash(sent);
    Map<String, String> server = Map.of(
        A, "{\"id\":\"a\",\"status\":\"deferred\",\"media\":[]}",
        B, tipJson(sha),
        C, tipJson("00ff"));
    AckVerifier verifier = new AckVerifier(id -> Optional.ofNullable(server.get(id)), Optional.empty());
    String d = "0".repeat(25) + "d";

    AckVerifier.Result r = verifier.verify(List.of(
        new AckedTipLog.Entry(A, "citizens", 1, 1, List.of(sent.toString()), true),
        new AckedTipLog.Entry(B, "citizens", 2, 1, List.of(sent.toString()), true),
        new AckedTipLog.Entry(C, "citizens", 3, 1, List.of(sent.toString()), true),
        new AckedTipLog.Entry(d, "citizens", 4, 1, List.of(sent.toString()), true)));

    assertThat(r.missing()).as("its text was acknowledged, so the tip must exist").containsExactly(d);
    assertThat(r.corrupt()).as("media that did come must be the files sent").singleElement().asString().startsWith(C);
    assertThat(r.text()).startsWith("4 acknowledged tips: 2 intact, 1 missing, 1 corrupt");
    assertThat(new AckVerifier(id -> Optional.of("{\"media\":[]}"), Optional.empty())
        .verify(List.of(new AckedTipLog.Entry(A, "citizens", 1, 1, List.of(sent.toString())))).corrupt())
        .as("a tip acknowledged whole must have its media").hasSize(1);
  }

  @Test
  void theAckedColumnReadsBackAndALogWithoutItIsReadAsWholeTips() throws Exception {
    try (AckedTipLog log = new AckedTipLog(dir)) {
      log.record(new AckedTipLog.Entry(A, "citizens", 7, 1, List.of("/c/a.jpg"), true));
    }
    assertThat(Files.readAllLines(dir.resolve(AckedTipLog.FILE))).containsExactly(
        "id\tpopulation\tseq\tattempt\tmedia\tacked", A + "\tcitizens\t7\t1\t/c/a.jpg\ttext");
    assertThat(AckedTipLog.read(dir.resolve(AckedTipLog.FILE)))
        .containsExactly(new AckedTipLog.Entry(A, "citizens", 7, 1, List.of("/c/a.jpg"), true));
    Path old = Files.writeString(dir.resolve("old.tsv"), "id\tpopulation\tseq\tattempt\tmedia\n"
        + B + "\tfans\t8\t3\t\n");
    assertThat(AckedTipLog.read(old)).containsExactly(new AckedTipLog.Entry(B, "fans", 8, 3, List.of()));
  }
}
