package dev.tipflood.server.media.pdq.tool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tipflood.server.media.pdq.PdqBlocklistFile;
import dev.tipflood.server.media.pdq.PdqHash;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdqPhotoHasherTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final PdqPhotoHasher tool = new PdqPhotoHasher(new PrintStream(out, true, StandardCharsets.UTF_8),
      new PrintStream(err, true, StandardCharsets.UTF_8));

  @TempDir
  Path tmp;
  private Path photo;

  @BeforeEach
  void picture() throws IOException {
    BufferedImage img = new BufferedImage(200, 150, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(Color.ORANGE);
    g.fillRect(0, 0, 200, 150);
    g.setColor(Color.BLUE);
    g.fillOval(30, 20, 90, 100);
    g.dispose();
    photo = tmp.resolve("a photo.png");
    ImageIO.write(img, "png", photo.toFile());
  }

  @Test
  void printsHashQualityFileAndItReadsBackAsABlocklist() throws IOException {
    assertThat(tool.run(photo.toString())).isZero();
    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(printed).matches("[0-9a-f]{64},[0-9]{1,3}," + java.util.regex.Pattern.quote(photo.toString()) + "\\R");
    Path list = Files.writeString(tmp.resolve("junk.pdq"), printed);
    PdqBlocklistFile.Entry e = PdqBlocklistFile.read(list).entries().get(0);
    assertThat(e.hash()).isEqualTo(PdqHash.fromHex(printed.substring(0, 64)));
    assertThat(e.label()).isEqualTo(photo.toString());
  }

  @Test
  void namesEachFileItCannotHashAndHashesTheRest() throws IOException {
    Path text = Files.writeString(tmp.resolve("notes.txt"), "not a picture");
    int code = tool.run(text.toString(), tmp.resolve("gone.jpg").toString(), photo.toString());
    assertThat(code).isEqualTo(PdqPhotoHasher.UNHASHABLE);
    List<String> errors = err.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(errors).containsExactly("tipflood pdq: " + text + ": not an image (no reader for its bytes)",
        "tipflood pdq: " + tmp.resolve("gone.jpg") + ": no such file");
    assertThat(out.toString(StandardCharsets.UTF_8).lines()).hasSize(1).allMatch(l -> l.endsWith(photo.toString()));
  }

  @Test
  void badArgumentsAreAUsageError() {
    assertThat(tool.run()).isEqualTo(PdqPhotoHasher.USAGE);
    assertThat(tool.run("--frames", "zero", photo.toString())).isEqualTo(PdqPhotoHasher.USAGE);
    assertThat(tool.run("--nope", photo.toString())).isEqualTo(PdqPhotoHasher.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("no FILE given", "--frames must be a whole number",
        "unknown option --nope");
    assertThat(tool.run("--", photo.toString())).isZero();
  }

  @Test
  void framesOfAStillPictureAreOneLine() {
    assertThat(tool.run("--frames", "4", photo.toString())).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8).lines()).hasSize(1);
  }
}
