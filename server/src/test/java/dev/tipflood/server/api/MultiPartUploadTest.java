package dev.tipflood.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tipflood.server.config.ProfileLoader;
import dev.tipflood.server.testing.Multipart;
import dev.tipflood.server.testing.RawHttp;
import dev.tipflood.server.testing.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Tips with several media parts under a bandwidth-limited storage model, on a real server on an
 * ephemeral loopback port. Every part of one upload shares its storage bandwidth share; a part that
 * starts while an earlier one is held back must not leave the earlier one waiting for ever.
 */
class MultiPartUploadTest {
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir Path dataDir;

  private static String profile(String bandwidth) {
    return """
        name: multipart-test
        storage:
          bandwidth: %s
          tick: 20ms
        """.formatted(bandwidth);
  }

  /** Parts of the given sizes, each with its own bytes. */
  private static List<byte[]> parts(int... sizes) {
    List<byte[]> parts = new ArrayList<>();
    Random random = new Random(sizes.length * 31L + sizes[0]);
    for (int size : sizes) {
      byte[] b = new byte[size];
      random.nextBytes(b);
      parts.add(b);
    }
    return parts;
  }

  private static byte[] body(List<byte[]> parts) {
    Multipart m = new Multipart().field("metadata", Multipart.VALID_METADATA);
    for (int i = 0; i < parts.size(); i++) {
      m.file("media", "part" + i + ".jpg", "image/jpeg", parts.get(i));
    }
    return m.build();
  }

  private static HttpResponse<String> post(TestServer server, byte[] body, Duration timeout) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/v1/tips"))
        .timeout(timeout)
        .header("Content-Type", "multipart/form-data; boundary=" + Multipart.BOUNDARY)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** Fetches the tip and checks that it lists every part, in order, with its SHA-256. */
  private static void assertStored(TestServer server, String location, List<byte[]> parts) throws Exception {
    HttpResponse<String> shown = HTTP.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + server.port() + location)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(shown.statusCode()).isEqualTo(200);
    JsonArray media = new JsonObject(shown.body()).getJsonArray("media");
    assertThat(media).hasSize(parts.size());
    for (int i = 0; i < parts.size(); i++) {
      assertThat(media.getJsonObject(i).getLong("size")).isEqualTo(parts.get(i).length);
      assertThat(media.getJsonObject(i).getString("sha256")).isEqualTo(sha256(parts.get(i)));
    }
  }

  /** A deadline far above the modelled transfer time: the bound is on hanging, not on speed. */
  private static Duration deadline(long bytes, long bytesPerSecond) {
    return Duration.ofMillis(5_000 + 3_000 * bytes / bytesPerSecond);
  }

  @ParameterizedTest(name = "{0} parts of {1} bytes at {2}")
  @CsvSource({
      "2, 150000, 200KB/s",
      "2, 150000, 1MB/s",
      "3, 100000, 200KB/s",
      "3, 100000, 2MB/s",
      "10, 30000, 200KB/s",
      "10, 30000, 1MB/s",
  })
  void everyPartOfAMultiPartTipIsStored(int count, int size, String bandwidth) throws Exception {
    long bytesPerSecond = ProfileLoader.parse(profile(bandwidth).getBytes(java.nio.charset.StandardCharsets.UTF_8), "t").storage().toSpec().bandwidthBytesPerSecond();
    int[] sizes = new int[count];
    Arrays.fill(sizes, size);
    List<byte[]> parts = parts(sizes);
    try (TestServer server = TestServer.startModelled(dataDir, profile(bandwidth))) {
      HttpResponse<String> created = post(server, body(parts), deadline((long) count * size, bytesPerSecond));
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      assertStored(server, created.headers().firstValue("location").orElseThrow(), parts);
      assertThat(server.tempFiles()).isZero();
    }
  }

  @Test
  void theIssuesReproductionAtTiplineScale001() throws Exception {
    // 600 KB + 50 KB at tipline's 40 MiB/s x 0.01 = 419 KB/s: a 201 after about 1.6 s.
    List<byte[]> parts = parts(600_000, 50_000);
    try (TestServer server = TestServer.startModelled(dataDir, ProfileLoader.builtin("tipline").scaled(0.01))) {
      long bps = ProfileLoader.builtin("tipline").scaled(0.01).storage().toSpec().bandwidthBytesPerSecond();
      HttpResponse<String> created = post(server, body(parts), deadline(650_000, bps));
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      assertStored(server, created.headers().firstValue("location").orElseThrow(), parts);
    }
  }

  @Test
  void aPartArrivingWhileAnEarlierPartIsHeldBackStillGetsStored() throws Exception {
    // 100 KB/s: the first 300 KB part is held back for seconds; the second part arrives meanwhile.
    List<byte[]> parts = parts(300_000, 40_000);
    byte[] body = body(parts);
    byte[] firstPartOnly = new Multipart().field("metadata", Multipart.VALID_METADATA)
        .file("media", "part0.jpg", "image/jpeg", parts.get(0)).buildUnterminated();
    try (TestServer server = TestServer.startModelled(dataDir, profile("100KB/s"));
        RawHttp raw = new RawHttp(server.port())) {
      raw.send(new Multipart().head(body.length));
      raw.send(Arrays.copyOf(body, firstPartOnly.length));
      // The first part is being written, at the model's pace, and is not through yet.
      await().atMost(Duration.ofSeconds(10)).until(() -> tempBytes(server) > 0);
      assertThat(tempBytes(server)).isLessThan(parts.get(0).length);
      raw.send(Arrays.copyOfRange(body, firstPartOnly.length, body.length));
      RawHttp.Response created = raw.read();
      assertThat(created.status()).as(created.body()).isEqualTo(201);
      String id = new JsonObject(created.body()).getString("id");
      assertStored(server, "/api/v1/tips/" + id, parts);
    }
  }

  @Test
  void concurrentMultiPartTipsAllFinish() throws Exception {
    // 12 tips of 3 parts each at once, sharing 300 KB/s: 12 x 90 KB = 1.08 MB, about 3.6 s of storage time.
    try (TestServer server = TestServer.startModelled(dataDir, profile("300KB/s"))) {
      List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
      List<List<byte[]>> sent = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        List<byte[]> parts = parts(30_000 + i, 30_000, 30_000);
        sent.add(parts);
        answers.add(HTTP.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/api/v1/tips")).timeout(Duration.ofSeconds(40))
            .header("Content-Type", "multipart/form-data; boundary=" + Multipart.BOUNDARY)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body(parts))).build(), HttpResponse.BodyHandlers.ofString()));
      }
      for (int i = 0; i < answers.size(); i++) {
        HttpResponse<String> created = answers.get(i).join();
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertStored(server, created.headers().firstValue("location").orElseThrow(), sent.get(i));
      }
    }
  }

  /** Random part counts, sizes and bandwidths: every tip gets its 201 and every part is stored intact. */
  @Property(tries = 12, seed = "31052020", shrinking = net.jqwik.api.ShrinkingMode.OFF)
  void randomMultiPartTipsAreAllStored(@ForAll("uploads") Upload upload) throws Exception {
    Path dir = Files.createTempDirectory("multipart-property");
    try (TestServer server = TestServer.startModelled(dir, profile(upload.bytesPerSecond() + "B/s"))) {
      List<byte[]> parts = parts(upload.sizes());
      long total = Arrays.stream(upload.sizes()).sum();
      HttpResponse<String> created = post(server, body(parts), deadline(total, upload.bytesPerSecond()));
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      assertStored(server, created.headers().firstValue("location").orElseThrow(), parts);
    } finally {
      deleteTree(dir);
    }
  }

  record Upload(int bytesPerSecond, int[] sizes) {}

  @Provide
  Arbitrary<Upload> uploads() {
    return Combinators.combine(
        Arbitraries.integers().between(150_000, 2_000_000),
        Arbitraries.integers().between(1, 120_000).array(int[].class).ofMinSize(1).ofMaxSize(10))
        .as(Upload::new);
  }

  private static long tempBytes(TestServer server) throws IOException {
    try (Stream<Path> files = Files.list(server.dataDir().resolve("tmp"))) {
      return files.mapToLong(p -> p.toFile().length()).sum();
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
    }
  }

  private static String sha256(byte[] data) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
  }
}
