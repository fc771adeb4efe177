package dev.tipflood.server.media.pdq;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** Views let the blocklist catch a crop and a caption of a real photograph that whole-picture PDQ misses. */
class PdqBlocklistTest {
  private final PdqHasher pdq = new PdqHasher();
  private final BufferedImage bridge = PdqImages.decode(PdqReferenceData.dir().resolve("bridge-mods/aaa-orig.jpg"));

  @Test
  void aCentreCropMatchesAZoomedView() {
    BufferedImage cropped = PdqHasherTest.convert(PdqViews.centre(bridge, 1.08), BufferedImage.TYPE_3BYTE_BGR);
    int whole = pdq.hash(cropped).hash().hammingDistance(pdq.hash(bridge).hash());
    PdqBlocklist junk = new PdqBlocklist();
    assertThat(junk.addVerdict(pdq, bridge, 7)).isEqualTo(7);
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
}
