package dev.tipflood.server;

import static dev.tipflood.server.testing.Multipart.VALID_METADATA;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tipflood.server.defence.triage.MediaFiles;
import dev.tipflood.server.media.pdq.PdqHasher;
import dev.tipflood.server.media.pdq.PdqResult;
import dev.tipflood.server.testing.Multipart;
import dev.tipflood.server.testing.RawHttp;
import dev.tipflood.server.testing.ServerProcess;
import io.vertx.core.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tipflood-server --blocklist FILE}, the shaded jar as ops run it: the file's usable hashes
 * are loaded before the server listens (a start-up line says how many), counted on
 * {@code GET /blocklist}, and refuse an upload of a resized copy of a listed picture; a picture
 * listed only below quality 50 is skipped. (A malformed file: {@code ServerMainTest}.)
 */
class BlocklistAtStartupIT {
  private static final String TOKEN = "it-token";

  @TempDir
  Path dir;

  @Test
  void aBlocklistFileIsLoadedAtStartUpAndMatched() throws Exception {
    PdqHasher pdq = new PdqHasher();
    BufferedImage junk = MediaFiles.scene(640, 480, 401);
    BufferedImage blurry = MediaFiles.scene(640, 480, 402);
    PdqResult listed = pdq.hash(junk);
    Path file = Files.writeString(dir.resolve("junk.pdq"), "hash,quality,file\n# known fancam stills\n"
        + listed.hash().toHex() + "," + listed.quality() + ",fancam, still 1.jpg\r\n"
        + pdq.hash(blurry).hash().toHex() + ",12,blurry.jpg\n");
    Path stderr = dir.resolve("server.err");
    Files.createDirectories(dir.resolve("data"));
    try (ServerProcess server = ServerProcess.start(dir.resolve("data"), "tipline+triage", TOKEN, stderr,
        "--blocklist", file.toString())) {
      assertThat(Files.readString(stderr)).contains("tipflood-server: blocklist " + file
          + ": 1 hashes, 1 below quality 50 skipped");
      JsonObject state = new JsonObject(blocklistState(server));
      assertThat(state.getLong("seededPdq")).isEqualTo(1);
      assertThat(state.getLong("junkPdqHashes")).isEqualTo(1);

      RawHttp.Response refused = upload(server, MediaFiles.resized(junk, 400, 300));
      assertThat(refused.status()).as(refused.body()).isEqualTo(422);
      assertThat(refused.errorCode()).isEqualTo("media_known_junk");
      RawHttp.Response taken = upload(server, MediaFiles.resized(blurry, 400, 300));
      assertThat(taken.status()).as(taken.body()).isEqualTo(201);
    }
  }

  private static String blocklistState(ServerProcess server) throws IOException, InterruptedException {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + server.adminPort() + "/blocklist")).timeout(Duration.ofSeconds(10))
        .header("Authorization", "Bearer " + TOKEN).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return r.body();
  }

  private static RawHttp.Response upload(ServerProcess server, BufferedImage picture) throws IOException {
    byte[] request = new Multipart().field("metadata", VALID_METADATA)
        .file("media", "photo.jpg", "image/jpeg", MediaFiles.encode(picture, "jpg")).request();
    try (RawHttp http = new RawHttp(server.port())) {
      return http.send(request).read();
    }
  }
}
