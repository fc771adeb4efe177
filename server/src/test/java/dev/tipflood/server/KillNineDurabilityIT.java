package dev.tipflood.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tipflood.server.testing.Multipart;
import dev.tipflood.server.testing.ServerProcess;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every acknowledged tip survives {@code kill -9} of the server JVM (the shaded jar, as a child
 * process): after a restart on the same data directory GET returns it with its media intact,
 * and a half-received upload leaves no file behind.
 */
class KillNineDurabilityIT {
  private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f]{26})\"");
  private final HttpClient http = HttpClient.newHttpClient();

  @TempDir
  Path dataDir;

  @Test
  void acknowledgedTipsSurviveKillNine() throws Exception {
    Map<String, String> shaById = new LinkedHashMap<>();
    try (ServerProcess server = ServerProcess.start(dataDir, "tipline", "t")) {
      List<CompletableFuture<HttpResponse<String>>> posts = new ArrayList<>();
      List<String> shas = new ArrayList<>();
      for (int i = 0; i < 24; i++) {
        byte[] photo = Multipart.bytes(20_000 + i * 997);
        shas.add(sha256(photo));
        byte[] body = new Multipart().field("metadata", Multipart.VALID_METADATA)
            .file("media", "p" + i + ".jpg", "image/jpeg", photo).build();
        posts.add(http.sendAsync(post(server.port(), body), HttpResponse.BodyHandlers.ofString()));
      }
      for (int i = 0; i < posts.size(); i++) {
        HttpResponse<String> r = posts.get(i).join();
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        Matcher m = ID.matcher(r.body());
        assertThat(m.find()).isTrue();
        shaById.put(m.group(1), shas.get(i));
      }
      // A large upload still streaming when the server dies: never acknowledged.
      Socket unfinished = startUnfinishedUpload(server.port());
      // Kill only once the server is streaming that part into a temp file.
      await().atMost(Duration.ofSeconds(10)).until(() -> fileCount(dataDir.resolve("tmp")) > 0);
      server.kill9();
      unfinished.close();
    }
    try (ServerProcess restarted = ServerProcess.start(dataDir, "tipline", "t")) {
      for (Map.Entry<String, String> tip : shaById.entrySet()) {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + restarted.port() + "/api/v1/tips/" + tip.getKey())).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("\"sha256\":\"" + tip.getValue() + "\"");
        Path stored = dataDir.resolve("media").resolve(tip.getKey() + "-0");
        assertThat(sha256(Files.readAllBytes(stored))).isEqualTo(tip.getValue());
      }
      try (Stream<Path> temps = Files.list(dataDir.resolve("tmp"))) {
        assertThat(temps).as("temp files of the interrupted upload").isEmpty();
      }
      try (Stream<Path> media = Files.list(dataDir.resolve("media"))) {
        assertThat(media).hasSize(shaById.size());
      }
    }
  }

  private static long fileCount(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.count();
    }
  }

  private static Socket startUnfinishedUpload(int port) throws IOException {
    byte[] body = new Multipart().field("metadata", Multipart.VALID_METADATA)
        .file("media", "big.mp4", "video/mp4", Multipart.bytes(4 * 1024 * 1024)).build();
    Socket s = new Socket("127.0.0.1", port);
    OutputStream out = s.getOutputStream();
    out.write(new Multipart().head(body.length).getBytes(StandardCharsets.ISO_8859_1));
    out.write(body, 0, body.length / 2);
    out.flush();
    return s;
  }

  private static HttpRequest post(int port, byte[] body) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/tips"))
        .header("Content-Type", "multipart/form-data; boundary=" + Multipart.BOUNDARY)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
  }

  private static String sha256(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }
}
