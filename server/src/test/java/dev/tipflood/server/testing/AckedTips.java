package dev.tipflood.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The tips a client saw acknowledged ({@code 201} with an id), each with the SHA-256 of the one
 * photo it sent; {@link #assertAllIntact} fetches every one back and checks it, byte for byte.
 */
public final class AckedTips {
  private final Map<String, String> shaById = new ConcurrentHashMap<>();

  public void record(TipClient.Posted p) {
    if (p.acknowledged()) {
      shaById.put(p.id().orElseThrow(), p.sentSha256());
    }
  }

  public int size() {
    return shaById.size();
  }

  /**
   * Every acknowledged tip answers GET with the photo's SHA-256, and its stored file hashes to it.
   * Also: every file in {@code media/} belongs to a tip that GET shows with that hash (nothing
   * half-visible) and {@code tmp/} is empty.
   */
  public void assertAllIntact(TipClient client, int port, Path dataDir) throws IOException, InterruptedException {
    for (Map.Entry<String, String> tip : shaById.entrySet()) {
      HttpResponse<String> r = client.get(port, tip.getKey());
      assertThat(r.statusCode()).as("acknowledged tip %s: %s", tip.getKey(), r.body()).isEqualTo(200);
      assertThat(r.body()).as("tip %s", tip.getKey()).contains("\"sha256\":\"" + tip.getValue() + "\"");
      Path stored = dataDir.resolve("media").resolve(tip.getKey() + "-0");
      assertThat(TipClient.sha256(Files.readAllBytes(stored))).as("stored media of tip %s", tip.getKey())
          .isEqualTo(tip.getValue());
    }
    try (Stream<Path> media = Files.list(dataDir.resolve("media"))) {
      for (Path file : media.toList()) {
        String id = file.getFileName().toString().replaceAll("-\\d+$", "");
        HttpResponse<String> r = client.get(port, id);
        assertThat(r.statusCode()).as("media file %s belongs to no visible tip", file.getFileName()).isEqualTo(200);
        assertThat(r.body()).as("media file %s", file.getFileName())
            .contains("\"sha256\":\"" + TipClient.sha256(Files.readAllBytes(file)) + "\"");
      }
    }
    try (Stream<Path> temps = Files.list(dataDir.resolve("tmp"))) {
      assertThat(temps).as("temp files left behind").isEmpty();
    }
  }
}
