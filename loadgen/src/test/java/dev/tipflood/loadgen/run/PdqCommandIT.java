package dev.tipflood.loadgen.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tipflood pdq} from the shaded jar, hashing in a child JVM on the server jar. */
class PdqCommandIT {
  @TempDir
  Path dir;

  @Test
  void printsHashQualityFileAndNamesWhatItCannotHash() throws Exception {
    Path photo = picture("scene.png", Color.ORANGE);
    Path other = picture("other.png", Color.CYAN);
    Path text = Files.writeString(dir.resolve("readme.txt"), "not a picture");

    CliRunner.Result r = CliRunner.run(dir, 120, "pdq", "scene.png", "readme.txt", "other.png");

    assertThat(r.exitCode()).as(r.stderr()).isEqualTo(ExitCodes.UNHASHABLE_FILE);
    List<String> lines = r.stdout().lines().toList();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).matches("[0-9a-f]{64},\\d{1,3},scene\\.png");
    assertThat(lines.get(1)).matches("[0-9a-f]{64},\\d{1,3},other\\.png");
    assertThat(r.stderr()).contains("tipflood pdq: readme.txt: not an image");
    assertThat(photo).exists();
    assertThat(other).exists();
    assertThat(text).exists();
  }

  @Test
  void allGoodFilesExitZero() throws Exception {
    picture("scene.png", Color.ORANGE);
    CliRunner.Result r = CliRunner.run(dir, 120, "pdq", "--frames", "3", "scene.png");
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    assertThat(r.stdout().lines()).hasSize(1);
  }

  private Path picture(String name, Color background) throws IOException {
    BufferedImage img = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(background);
    g.fillRect(0, 0, 320, 240);
    g.setColor(Color.DARK_GRAY);
    g.fillOval(40, 30, 150, 120);
    g.fillRect(200, 150, 90, 60);
    g.dispose();
    Path p = dir.resolve(name);
    ImageIO.write(img, "png", p.toFile());
    return p;
  }
}
