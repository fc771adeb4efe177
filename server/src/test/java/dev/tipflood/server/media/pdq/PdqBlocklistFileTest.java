package dev.tipflood.server.media.pdq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdqBlocklistFileTest {
  private static final String A = "f8f8f0cce0f4e84d0e370a22028f67f0b36e2ed596623e1d33e6339c4e9c9b22";
  private static final String B = "54a977c221d14c1c43ba5e4e21d4a13989a3553f1462611cbb87fda7be83b677";
  private static final Path FILE = Path.of("junk.pdq");

  @TempDir
  Path tmp;

  @Test
  void readsWhatTipfloodPdqPrintsAndBareHashes() {
    PdqBlocklistFile.Loaded loaded = PdqBlocklistFile.parse(FILE,
        "hash,quality,file\r\n# known fancams\r\n" + A + ",100,fancams/a, the remix.jpg\r\n\n" + B + "\n");
    assertThat(loaded.entries()).hasSize(2);
    PdqBlocklistFile.Entry first = loaded.entries().get(0);
    assertThat(first.hash()).isEqualTo(PdqHash.fromHex(A));
    assertThat(first.quality()).hasValue(100);
    assertThat(first.label()).isEqualTo("fancams/a, the remix.jpg");
    assertThat(first.line()).isEqualTo(3);
    assertThat(loaded.entries().get(1).quality()).isEmpty();
    assertThat(loaded.entries().get(1).line()).isEqualTo(5);
  }

  @Test
  void addsOnlyUsableEntriesUnderTheirLineNumbers() {
    PdqBlocklistFile.Loaded loaded = PdqBlocklistFile.parse(FILE, A + ",49,flat.jpg\n" + B + ",50,ok.jpg\n");
    PdqIndex index = new PdqIndex();
    assertThat(loaded.addTo(index)).isEqualTo(1);
    assertThat(loaded.lowQuality()).isEqualTo(1);
    assertThat(index.query(PdqHash.fromHex(B), 0)).extracting(PdqIndex.Match::id).containsExactly(2L);
  }

  @Test
  void namesTheFileLineAndWhatIsWrong() {
    assertThatThrownBy(() -> PdqBlocklistFile.parse(FILE, A + "\n" + A.substring(1) + ",100,x.jpg\n"))
        .hasMessage("junk.pdq:2: bad hash '" + A.substring(1) + "': a PDQ hash is 64 hex digits, got 63 characters");
    assertThatThrownBy(() -> PdqBlocklistFile.parse(FILE, A.replace('f', 'x')))
        .hasMessageStartingWith("junk.pdq:1: bad hash").hasMessageEndingWith("not a hex digit at position 1: 'x'");
    assertThatThrownBy(() -> PdqBlocklistFile.parse(FILE, A + ",high,x.jpg"))
        .hasMessage("junk.pdq:1: quality must be an integer 0..100, got 'high'");
    assertThatThrownBy(() -> PdqBlocklistFile.parse(FILE, A + ",101,x.jpg"))
        .hasMessage("junk.pdq:1: quality must be 0..100, got 101");
    assertThatThrownBy(() -> PdqBlocklistFile.parse(FILE, A + ",100"))
        .hasMessage("junk.pdq:1: expected hash,quality,file or a bare hash; got 2 fields");
    assertThatThrownBy(() -> PdqBlocklistFile.parse(FILE, "x.jpg\r," + A + ",100"))
        .hasMessage("junk.pdq:1: stray carriage return inside the line");
  }

  @Test
  void readsAFileAndRefusesOneThatIsNotText() throws IOException {
    Path ok = Files.writeString(tmp.resolve("ok.pdq"), A + ",100,a.jpg\n");
    assertThat(PdqBlocklistFile.read(ok).entries()).hasSize(1);
    Path binary = Files.write(tmp.resolve("bin.pdq"), new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0});
    assertThatThrownBy(() -> PdqBlocklistFile.read(binary)).hasMessage(binary + ": cannot read blocklist: not UTF-8 text");
    assertThatThrownBy(() -> PdqBlocklistFile.read(tmp.resolve("none.pdq")))
        .hasMessageStartingWith(tmp.resolve("none.pdq") + ": cannot read blocklist");
  }
}
