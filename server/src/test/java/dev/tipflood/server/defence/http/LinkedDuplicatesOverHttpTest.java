package dev.tipflood.server.defence.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tipflood.server.defence.triage.MediaFiles;
import dev.tipflood.server.testing.Multipart;
import dev.tipflood.server.testing.TestServer;
import dev.tipflood.server.testing.TipHttp;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code exact-duplicate} with {@code onDuplicate: link}, end to end over loopback: a tip whose
 * medium is byte-identical to one already stored refers to that copy; its own copy is deleted
 * once the link is durable, its bytes go back to the storage quota, both tips read back whole
 * (also after a restart), and GET says the medium is linked without naming the earlier tip.
 */
class LinkedDuplicatesOverHttpTest {
  private static final String PROFILE = """
      name: link
      storage: {quota: %dB}
      defences:
        - name: dups
          kind: exact-duplicate
          onDuplicate: link
      """;

  @TempDir
  Path dataDir;
  TestServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aDuplicateIsStoredOnceLinkedAndItsBytesGoBackToTheQuota() throws Exception {
    byte[] photo = MediaFiles.jpeg(31);
    byte[] other = Arrays.copyOf(MediaFiles.jpeg(32), photo.length + 400);
    // Room for the photo and the other file, not for a second copy of the photo as well.
    long quota = photo.length + body(other).length + 100;
    String profile = PROFILE.formatted(quota);
    server = TestServer.startModelled(dataDir, profile);

    String first = created(post(photo));
    String second = created(post(photo));
    await().atMost(Duration.ofSeconds(5)).until(() -> server.tempFiles() == 0);
    assertThat(server.mediaFiles()).as("one copy on disk").isEqualTo(1);
    JsonObject linked = get(second).getJsonArray("media").getJsonObject(0);
    assertThat(linked.getBoolean("linked")).isTrue();
    assertThat(linked.getString("sha256")).isEqualTo(get(first).getJsonArray("media").getJsonObject(0)
        .getString("sha256"));
    assertThat(get(second).encode()).as("an id is a key: never another tip's").doesNotContain(first);
    assertThat(get(first).getJsonArray("media").getJsonObject(0).getBoolean("linked")).isFalse();

    HttpResponse<String> third = post(other);
    assertThat(third.statusCode()).as("the linked copy's bytes went back to the quota: " + third.body())
        .isEqualTo(201);
    assertThat(server.mediaFiles()).isEqualTo(2);

    server.close();
    server = TestServer.startModelled(dataDir, profile);
    assertThat(server.mediaFiles()).as("the shared copy is no orphan at start-up").isEqualTo(2);
    assertThat(get(second).getJsonArray("media").getJsonObject(0).getBoolean("linked")).isTrue();
    assertThat(get(first).getJsonArray("media").getJsonObject(0).getLong("size")).isEqualTo(photo.length);
  }

  private static byte[] body(byte[] media) {
    return new Multipart().field("metadata", Multipart.VALID_METADATA)
        .file("media", "p.jpg", "image/jpeg", media).build();
  }

  private HttpResponse<String> post(byte[] media) {
    return TipHttp.post(server, "/api/v1/tips", new Multipart().field("metadata", Multipart.VALID_METADATA)
        .file("media", "p.jpg", "image/jpeg", media));
  }

  private static String created(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return new JsonObject(r.body()).getString("id");
  }

  private JsonObject get(String id) {
    return TipHttp.get(server, id);
  }
}
