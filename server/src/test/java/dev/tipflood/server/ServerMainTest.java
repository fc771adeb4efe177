package dev.tipflood.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerMainTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return ServerMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void helpListsEveryOption() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("--port", "--admin-port", "--profile", "--data-dir",
        "--admin-token", "--scale", "--host", "--print-profile", "--event-loops");
  }

  @Test
  void printProfileWritesScaledJson() {
    assertThat(run("--profile", "tipline", "--scale", "0.5", "--print-profile")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"name\" : \"tipline\"", "\"maxMediaBytes\" : \"256MiB\"",
        "\"heap\" : \"512MiB\"");
  }

  @Test
  void invalidProfileExitsTwoNamingTheField(@TempDir Path dir) throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.yaml"), "name: bad\nlimits:\n  maxParts: lots\n");
    assertThat(run("--profile", bad.toString(), "--print-profile")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains(bad + ":3:13: limits.maxParts: bad value 'lots': a whole number");
  }

  @Test
  void badScaleAndUnknownOptionsExitTwo() {
    assertThat(run("--scale", "2", "--print-profile")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--scale must be > 0 and <= 1, got 2.0");
    assertThat(run("--no-such-option")).isEqualTo(2);
  }

  @Test
  void missingDataDirExitsTwo() {
    assertThat(run("--port", "0")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--data-dir is required");
  }

  @Test
  void aMalformedBlocklistStopsStartUpNamingFileAndLine(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("junk.pdq"), "hash,quality,file\n"
        + "f".repeat(64) + ",100,ok.jpg\n" + "f".repeat(63) + ",100,short.jpg\n");
    assertThat(run("--data-dir", dir.resolve("data").toString(), "--port", "0", "--admin-port", "0", "--blocklist",
        file.toString())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("tipflood-server: --blocklist: " + file
        + ":3: bad hash 'fffff");
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("a PDQ hash is 64 hex digits, got 63 characters");
    assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("listening");
  }

  @Test
  void aMissingBlocklistStopsStartUp(@TempDir Path dir) {
    Path missing = dir.resolve("nowhere.pdq");
    assertThat(run("--data-dir", dir.resolve("data").toString(), "--blocklist", missing.toString())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("tipflood-server: --blocklist: " + missing
        + ": cannot read blocklist: ");
  }
}
