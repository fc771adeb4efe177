package dev.tipflood.server.defence.http;

import static dev.tipflood.server.testing.Multipart.VALID_METADATA;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tipflood.server.config.ProfileLoader;
import dev.tipflood.server.defence.triage.MediaFiles;
import dev.tipflood.server.media.pdq.PdqHasher;
import dev.tipflood.server.media.pdq.PdqResult;
import dev.tipflood.server.testing.Multipart;
import dev.tipflood.server.testing.RawHttp;
import dev.tipflood.server.testing.TestServer;
import io.vertx.core.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ops seed the PDQ junk blocklist over the admin port ({@code POST /blocklist}) of a real
 * {@code tipline+triage} server on loopback: only with the token, a bad body gets a 400 naming its
 * line, a body without a Content-Length gets a 411, and a seeded hash then refuses an upload of a
 * resized copy of that picture, while an unrelated picture is still taken.
 */
class BlocklistAdminOverHttpTest {
  @TempDir
  static Path dataDir;
  static TestServer server;
  private final PdqHasher pdq = new PdqHasher();

  @BeforeAll
  static void start() {
    server = TestServer.startModelled(dataDir, ProfileLoader.builtin("tipline+triage"));
    server.disableDefence("brownout");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void withoutTheTokenNothingIsSeeded() {
    BufferedImage junk = MediaFiles.scene(640, 480, 301);
    HttpResponse<String> r = DefenceHttp.admin(server, "POST", "/blocklist", line(pdq.hash(junk), "junk.jpg"), false);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(401);
    assertThat(r.body()).contains("\"code\":\"unauthorized\"");
    assertThat(DefenceHttp.admin(server, "GET", "/blocklist", null, false).statusCode()).isEqualTo(401);
  }

  @Test
  void aBadBodyGetsA400NamingTheLine() {
    long before = state().getLong("seededPdq");
    String good = line(new PdqResult(pdq.hash(MediaFiles.scene(640, 480, 302)).hash(), 100), "fine.jpg");
    HttpResponse<String> shortHash = DefenceHttp.admin(server, "POST", "/blocklist",
        "hash,quality,file\n" + good + "abc123,100,short.jpg\n", true);
    assertThat(shortHash.statusCode()).as(shortHash.body()).isEqualTo(400);
    assertThat(shortHash.body()).contains("\"code\":\"setting_invalid\"",
        "request-body:3: bad hash 'abc123': a PDQ hash is 64 hex digits, got 6 characters");
    HttpResponse<String> badQuality = DefenceHttp.admin(server, "POST", "/blocklist",
        good.replace(",100,", ",lots,"), true);
    assertThat(badQuality.statusCode()).as(badQuality.body()).isEqualTo(400);
    assertThat(badQuality.body()).contains("request-body:1: quality must be an integer 0..100, got 'lots'");
    assertThat(state().getLong("seededPdq")).as("a rejected body seeds nothing, not even its good lines")
        .isEqualTo(before);
  }

  @Test
  void aChunkedBodyGetsA411AndAnOversizedOneA413BeforeAnyByteIsRead() throws IOException {
    long before = state().getLong("seededPdq");
    String line = line(pdq.hash(MediaFiles.scene(640, 480, 305)), "junk.jpg");
    String head = "POST /blocklist HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + TestServer.TOKEN + "\r\n";
    try (RawHttp http = new RawHttp(server.adminPort())) {
      RawHttp.Response chunked = http.send(head + "Transfer-Encoding: chunked\r\n\r\n"
          + Integer.toHexString(line.length()) + "\r\n" + line + "\r\n0\r\n\r\n").read();
      assertThat(chunked.status()).as(chunked.body()).isEqualTo(411);
      assertThat(chunked.errorCode()).isEqualTo("length_required");
      assertThat(chunked.body()).contains("Content-Length");
    }
    try (RawHttp http = new RawHttp(server.adminPort())) {
      RawHttp.Response huge = http.send(head + "Content-Length: " + (17 << 20) + "\r\n\r\n" + line).read();
      assertThat(huge.status()).as(huge.body()).isEqualTo(413);
      assertThat(huge.errorCode()).isEqualTo("payload_too_large");
    }
    assertThat(state().getLong("seededPdq")).isEqualTo(before);
  }

  @Test
  void seededHashesRefuseALaterUploadAndAreCounted() throws IOException {
    BufferedImage junk = MediaFiles.scene(640, 480, 303);
    BufferedImage legit = MediaFiles.scene(640, 480, 304);
    PdqResult listed = pdq.hash(junk);
    assertThat(listed.usable()).isTrue();
    assertThat(upload("before.jpg", MediaFiles.resized(junk, 480, 360)).status()).as("not listed yet").isEqualTo(201);
    long seededBefore = state().getLong("seededPdq");
    long hashesBefore = state().getLong("junkPdqHashes");

    String body = "hash,quality,file\n" + line(listed, "junk.jpg") + line(new PdqResult(pdq.hash(legit).hash(), 20),
        "blurry.jpg");
    HttpResponse<String> seeded = DefenceHttp.admin(server, "POST", "/blocklist", body, true);
    assertThat(seeded.statusCode()).as(seeded.body()).isEqualTo(200);
    JsonObject answer = new JsonObject(seeded.body());
    assertThat(answer.getInteger("added")).isEqualTo(1);
    assertThat(answer.getInteger("skippedLowQuality")).isEqualTo(1);

    JsonObject state = state();
    assertThat(state.getLong("seededPdq")).isEqualTo(seededBefore + 1);
    assertThat(state.getLong("junkPdqHashes")).isEqualTo(hashesBefore + 1);
    RawHttp.Response refused = upload("again.jpg", MediaFiles.resized(junk, 400, 300));
    assertThat(refused.status()).as(refused.body()).isEqualTo(422);
    assertThat(refused.errorCode()).isEqualTo("media_known_junk");
    assertThat(upload("other.jpg", MediaFiles.resized(legit, 400, 300)).status())
        .as("a picture listed only below quality 50 is not matched").isEqualTo(201);
  }

  private static String line(PdqResult r, String file) {
    return r.hash().toHex() + "," + r.quality() + "," + file + "\n";
  }

  private static JsonObject state() {
    HttpResponse<String> r = DefenceHttp.admin(server, "GET", "/blocklist", null, true);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return new JsonObject(r.body());
  }

  private static RawHttp.Response upload(String filename, BufferedImage picture) throws IOException {
    byte[] request = new Multipart().field("metadata", VALID_METADATA)
        .file("media", filename, "image/jpeg", MediaFiles.encode(picture, "jpg")).request();
    try (RawHttp http = new RawHttp(server.port())) {
      return http.send(request).read();
    }
  }
}
