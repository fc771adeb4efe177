package dev.tipflood.server.media.pdq;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Views let the blocklist catch a crop and a caption of a real photograph that whole-picture PDQ misses. */
class PdqBlocklistTest {
  private final PdqHasher pdq = new PdqHasher();
  private final BufferedImage bridge = PdqImages.decode(PdqReferenceData.dir().resolve("bridge-mods/aaa-orig.jpg"));

  @Test
  void aCentreCropMatchesAZoomedView() {
    // 8% of the width and height cut off, 4% a side: between the listed zooms 1.08 and 1.10
    int w = bridge.getWidth();
    int h = bridge.getHeight();
    BufferedImage cropped = PdqHasherTest.convert(bridge.getSubimage(w * 4 / 100, h * 4 / 100, w * 92 / 100, h * 92 / 100),
        BufferedImage.TYPE_3BYTE_BGR);
    int whole = pdq.hash(cropped).hash().hammingDistance(pdq.hash(bridge).hash());
    PdqBlocklist junk = new PdqBlocklist();
    assertThat(junk.addVerdict(pdq, bridge, 7)).as("whole, 8 zooms, 3 top cuts").isEqualTo(12);
    System.out.println("pdq views: 8% crop of the bridge is " + whole + " bits from the whole photo; blocklist match "
        + junk.match(PdqViews.query(pdq, cropped)));
    assertThat(whole).isGreaterThan(PdqMatching.MAX_DISTANCE);
    assertThat(junk.match(PdqViews.query(pdq, cropped))).hasValueSatisfying(m -> assertThat(m.id()).isEqualTo(7));
  }

  @Test
  void aCaptionBandMatchesTheTopView() {
    BufferedImage captioned = PdqHasherTest.convert(bridge, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = captioned.createGraphics();
    g.setColor(Color.BLACK);
    g.fillRect(0, captioned.getHeight() * 6 / 10, captioned.getWidth(), captioned.getHeight() * 3 / 10);
    g.setColor(Color.WHITE);
    g.fillRect(200, captioned.getHeight() * 7 / 10, 1200, 60);
    g.dispose();
    int whole = pdq.hash(captioned).hash().hammingDistance(pdq.hash(bridge).hash());
    PdqBlocklist junk = new PdqBlocklist();
    junk.addVerdict(pdq, bridge, 3);
    assertThat(whole).isGreaterThan(PdqMatching.MAX_DISTANCE);
    assertThat(junk.match(PdqViews.query(pdq, captioned))).hasValueSatisfying(m -> assertThat(m.id()).isEqualTo(3));
  }

  @Test
  void unrelatedPhotosAndFlatPicturesDoNotMatch() {
    PdqBlocklist junk = new PdqBlocklist();
    junk.addVerdict(pdq, bridge, 1);
    BufferedImage other = PdqImages.decode(PdqReferenceData.dir().resolve("labelme-subset/q2821.jpg"));
    assertThat(junk.match(PdqViews.query(pdq, other))).isEmpty();
    BufferedImage flat = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
    assertThat(junk.addVerdict(pdq, flat, 2)).isZero();
    junk.addHash(pdq.hash(flat).hash(), 3);
    assertThat(junk.match(PdqViews.query(pdq, flat))).as("a flat query is never matched").isEmpty();
  }

  @Test
  void aTopCutIsComparedOnlyWithTheListedCutOfTheSameShare() {
    PdqBlocklist junk = new PdqBlocklist();
    junk.addVerdict(pdq, bridge, 5);
    PdqViews.Listing listed = PdqViews.listing(pdq, bridge);
    PdqResult none = new PdqResult(listed.wholes().get(0).hash(), 0);
    PdqViews.Query sameShare = new PdqViews.Query(none, none, List.of(listed.tops().get(0), none, none));
    PdqViews.Query otherShare = new PdqViews.Query(none, none, List.of(listed.tops().get(1), none, none));
    assertThat(junk.match(sameShare)).hasValueSatisfying(m -> assertThat(m.id()).isEqualTo(5));
    assertThat(junk.match(otherShare)).as("the 70% cut looked up as a 55% cut").isEmpty();
  }
}
