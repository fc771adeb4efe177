package dev.tipflood.server.api;

import static dev.tipflood.server.testing.Multipart.BOUNDARY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tipflood.server.config.ProfileLoader;
import dev.tipflood.server.testing.Multipart;
import dev.tipflood.server.testing.RawHttp;
import dev.tipflood.server.testing.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Valid tips whose media are full of delimiter look-alikes, sent over a raw socket in random
 * pieces (1 byte to 8 KB, seeded): whatever the segmentation, each is acknowledged and stored with
 * exactly its bytes (size and SHA-256 as the client computed them), through the streaming sink
 * (tipline: storage bandwidth pauses the body) and the in-heap sink (naive).
 */
class RandomChunkingUploadTest {
  @TempDir
  Path dataDir;

  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    for (String profile : List.of("tipline", "naive")) {
      for (long seed = 1; seed <= 5; seed++) {
        cases.add(Arguments.of(profile, seed));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}, seed {1}")
  @MethodSource("cases")
  void everySegmentationStoresTheExactBytes(String profile, long seed) throws Exception {
    Random random = new Random(seed);
    List<byte[]> files = new ArrayList<>();
    Multipart body = new Multipart().field("metadata", Multipart.VALID_METADATA);
    for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
      byte[] file = lookAlikes(random, 1 + random.nextInt(200_000));
      files.add(file);
      body.file("media", "f" + i + ".jpg", "image/jpeg", file);
    }
    byte[] request = body.request();
    try (TestServer server = TestServer.start(dataDir, ProfileLoader.builtin(profile));
        RawHttp http = new RawHttp(server.port())) {
      for (int at = 0; at < request.length; ) {
        int n = Math.min(request.length - at, random.nextBoolean() ? 1 + random.nextInt(16) : 1 + random.nextInt(8192));
        http.send(java.util.Arrays.copyOfRange(request, at, at + n));
        at += n;
      }
      RawHttp.Response created = http.read();
      assertThat(created.status()).as(created.body()).isEqualTo(201);
      String id = new JsonObject(created.body()).getString("id");
      http.send("GET /api/v1/tips/" + id + " HTTP/1.1\r\nHost: x\r\n\r\n");
      RawHttp.Response shown = http.read();
      JsonArray media = new JsonObject(shown.body()).getJsonArray("media");
      assertThat(media.size()).isEqualTo(files.size());
      for (int i = 0; i < files.size(); i++) {
        assertThat(media.getJsonObject(i).getLong("size")).isEqualTo(files.get(i).length);
        assertThat(media.getJsonObject(i).getString("sha256")).isEqualTo(sha256(files.get(i)));
      }
    }
  }

  /** Random bytes sprinkled with CRLFs, dashes and prefixes of the delimiter. */
  private static byte[] lookAlikes(Random random, int size) {
    byte[] out = new byte[size];
    random.nextBytes(out);
    byte[] delimiter = ("\r\n--" + BOUNDARY).getBytes(StandardCharsets.ISO_8859_1);
    for (int k = 0; k < size / 500; k++) {
      int at = random.nextInt(size);
      int len = Math.min(size - at, random.nextInt(delimiter.length));
      System.arraycopy(delimiter, 0, out, at, len);
    }
    return out;
  }

  private static String sha256(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }
}
