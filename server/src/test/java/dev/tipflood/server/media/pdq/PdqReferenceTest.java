package dev.tipflood.server.media.pdq;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Our PDQ against hashes that Meta's reference implementations printed for real photographs
 * ({@code ../shared/data/pdq-reference}). The reference hashers differ by a few bits among
 * themselves, so "right" means close, not identical.
 */
class PdqReferenceTest {
  private static final int MAX_DISTANCE_TO_REFERENCE = 16;
  private final PdqHasher pdq = new PdqHasher();

  @Test
  void everyReferencePhotoHashesWithin16BitsOfItsPublishedHash() {
    Path dir = PdqReferenceData.dir();
    Map<String, PdqHash> reference = PdqReferenceData.hashes();
    assertThat(reference).hasSizeGreaterThanOrEqualTo(27);
    int worst = 0;
    for (Map.Entry<String, PdqHash> e : reference.entrySet()) {
      PdqResult ours = pdq.hash(dir.resolve(e.getKey()));
      int d = ours.hash().hammingDistance(e.getValue());
      System.out.printf("pdq reference %-36s distance %3d quality %3d%n", e.getKey(), d, ours.quality());
      assertThat(d).as("distance of %s to its reference hash", e.getKey()).isLessThanOrEqualTo(MAX_DISTANCE_TO_REFERENCE);
      worst = Math.max(worst, d);
    }
    System.out.println("pdq reference: max distance to the published hashes " + worst);
  }

  @Test
  void everyBridgeEditMatchesTheOriginal() throws IOException {
    Path mods = PdqReferenceData.dir().resolve("bridge-mods");
    PdqHash original = pdq.hash(mods.resolve("aaa-orig.jpg")).hash();
    List<Path> edits = files(mods).stream().filter(p -> !p.getFileName().toString().equals("aaa-orig.jpg")).toList();
    assertThat(edits).hasSize(11);
    int worst = 0;
    for (Path edit : edits) {
      PdqResult r = pdq.hash(edit);
      int d = r.hash().hammingDistance(original);
      System.out.printf("pdq bridge-mods %-24s distance to original %3d quality %3d%n", edit.getFileName(), d, r.quality());
      assertThat(d).as("distance of %s to aaa-orig.jpg", edit.getFileName()).isLessThanOrEqualTo(PdqMatching.MAX_DISTANCE);
      worst = Math.max(worst, d);
    }
    System.out.println("pdq bridge-mods: max distance to the original " + worst);
  }

  @Test
  void noTwoUnrelatedLabelmePhotosMatch() throws IOException {
    List<Path> photos = files(PdqReferenceData.dir().resolve("labelme-subset"));
    assertThat(photos).hasSize(7);
    List<PdqHash> hashes = photos.stream().map(p -> pdq.hash(p).hash()).toList();
    int closest = PdqHash.BITS;
    for (int i = 0; i < hashes.size(); i++) {
      for (int j = i + 1; j < hashes.size(); j++) {
        int d = hashes.get(i).hammingDistance(hashes.get(j));
        assertThat(d).as("%s vs %s", photos.get(i).getFileName(), photos.get(j).getFileName())
            .isGreaterThan(PdqMatching.MAX_DISTANCE);
        closest = Math.min(closest, d);
      }
    }
    System.out.println("pdq labelme-subset: min pairwise distance " + closest);
  }

  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(".jpg")).sorted().toList();
    }
  }
}
