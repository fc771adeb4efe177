package dev.tipflood.server.defence.triage;

import static dev.tipflood.server.testing.Multipart.VALID_METADATA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tipflood.server.config.ProfileLoader;
import dev.tipflood.server.testing.Multipart;
import dev.tipflood.server.testing.RawHttp;
import dev.tipflood.server.testing.TestServer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-media catalogue, sent to a real {@code tipline+triage} server on loopback: each file
 * gets its precise 4xx; afterwards the server still takes a good tip, and neither a temp file nor
 * a media file of the refused tip is left behind. Good files of every format pass (the control).
 */
class BadMediaOverHttpTest {
  @TempDir
  static Path dataDir;
  static TestServer server;
  private long mediaBefore;

  @BeforeAll
  static void start() {
    server = TestServer.startModelled(dataDir, ProfileLoader.builtin("tipline+triage"));
    server.disableDefence("brownout");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void countMedia() {
    mediaBefore = server.mediaFiles();
  }

  static Stream<Arguments> badMedia() {
    byte[] jpeg = MediaFiles.jpeg(1);
    return Stream.of(
        bad("PNG decompression bomb (50000x50000)", "bomb.png", "image/png",
            () -> MediaFiles.pngDeclaring(50_000, 50_000), 413, "media_too_many_pixels"),
        bad("GIF with 10,000 frames", "bomb.gif", "image/gif", () -> MediaFiles.gifFrames(10_000), 413,
            "media_too_many_frames"),
        bad("JPEG that is also a ZIP", "cat.jpg", "image/jpeg", () -> MediaFiles.jpegZipPolyglot(2), 415,
            "media_polyglot"),
        bad("truncated JPEG", "cut.jpg", "image/jpeg", () -> Arrays.copyOf(jpeg, jpeg.length * 2 / 3), 422,
            "media_truncated"),
        bad("AVI whose RIFF declares 4GB", "big.avi", "video/x-msvideo",
            () -> MediaFiles.avi(new byte[][] {jpeg}, 1, 160, 120, 0xFFFF_FFF0L), 422, "media_header_invalid"),
        bad("AVI declaring 100000x100000 frames", "wide.avi", "video/x-msvideo",
            () -> MediaFiles.avi(new byte[][] {jpeg}, 1, 100_000, 100_000, -1), 413, "media_too_many_pixels"),
        bad("MP4 with a 2^60-byte box", "huge.mp4", "video/mp4", MediaFiles::mp4AbsurdBox, 422,
            "media_header_invalid"),
        bad("zero-byte part", "empty.jpg", "image/jpeg", () -> new byte[0], 400, "empty_file"),
        bad("PNG declared as JPEG", "liar.jpg", "image/jpeg", () -> MediaFiles.png(3), 415, "media_type_mismatch"),
        bad("text declared as JPEG", "notes.jpg", "image/jpeg", () -> "just some text, not a photo".repeat(20)
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII), 415, "media_type_unsupported"));
  }

  private static Arguments bad(String name, String filename, String type, Supplier<byte[]> bytes, int status,
      String code) {
    return Arguments.of(name, filename, type, bytes, status, code);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badMedia")
  void badMediaGetsItsPrecise4xx(String name, String filename, String type, Supplier<byte[]> bytes, int status,
      String code) throws IOException {
    RawHttp.Response r = post(filename, type, bytes.get());
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.errorCode()).isEqualTo(code);
    assertThat(r.headers()).as("bad media is not worth a retry").doesNotContainKey("retry-after");
  }

  static Stream<Arguments> goodMedia() {
    return Stream.of(
        Arguments.of("photo.jpg", "image/jpeg", MediaFiles.jpeg(11)),
        Arguments.of("photo.png", "image/png", MediaFiles.png(12)),
        Arguments.of("anim.gif", "image/gif", MediaFiles.gifFrames(20)),
        Arguments.of("still.gif", "image/gif", MediaFiles.gif(13)),
        Arguments.of("clip.avi", "video/x-msvideo", MediaFiles.avi(14)),
        Arguments.of("photo.jpg", "application/octet-stream", MediaFiles.jpeg(15)));
  }

  @ParameterizedTest(name = "{0} as {1}")
  @MethodSource("goodMedia")
  void goodMediaIsStored(String filename, String type, byte[] bytes) throws IOException {
    RawHttp.Response r = post(filename, type, bytes);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    mediaBefore++;
  }

  @Test
  void eachPartOfATipIsJudgedOnItsOwnBytes() throws IOException {
    // The second part starts while the first one's head is still held (its file opens
    // asynchronously): each decision must be about its own part, not the latest one.
    byte[] body = new Multipart().field("metadata", VALID_METADATA)
        .file("media", "a.jpg", "image/jpeg", MediaFiles.jpeg(31))
        .file("media", "b.avi", "video/x-msvideo", MediaFiles.avi(32))
        .file("media", "c.png", "image/png", MediaFiles.png(33)).request();
    try (RawHttp http = new RawHttp(server.port())) {
      RawHttp.Response r = http.send(body).read();
      assertThat(r.status()).as(r.body()).isEqualTo(201);
    }
    mediaBefore += 3;
  }

  @Test
  void aRefusedPartIsNeverWrittenEvenWhenLaterPartsAreGood() throws IOException {
    byte[] body = new Multipart().field("metadata", VALID_METADATA)
        .file("media", "ok.jpg", "image/jpeg", MediaFiles.jpeg(21))
        .file("media", "bomb.png", "image/png", MediaFiles.pngDeclaring(50_000, 50_000)).request();
    try (RawHttp http = new RawHttp(server.port())) {
      RawHttp.Response r = http.send(body).read();
      assertThat(r.status()).isEqualTo(413);
    }
  }

  @AfterEach
  void serverStillServesAndLeavesNoFiles() throws IOException {
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      assertThat(server.tempFiles()).as("temp files left behind").isZero();
      assertThat(server.mediaFiles()).as("media files of refused tips").isEqualTo(mediaBefore);
    });
    RawHttp.Response ok = post("after.jpg", "image/jpeg", MediaFiles.jpeg(99 + (int) mediaBefore));
    assertThat(ok.status()).as("a good tip after the bad one: " + ok.body()).isEqualTo(201);
  }

  private static RawHttp.Response post(String filename, String type, byte[] bytes) throws IOException {
    byte[] request = new Multipart().field("metadata", VALID_METADATA).file("media", filename, type, bytes).request();
    try (RawHttp http = new RawHttp(server.port())) {
      return http.send(request).read();
    }
  }
}
