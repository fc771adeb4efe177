package dev.tipflood.bench.bare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tipflood.server.storage.GroupCommitLog;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BareEndpointTest {
  private Vertx vertx;
  private WebClient client;

  @BeforeEach
  void setUp() {
    vertx = Vertx.vertx();
    client = WebClient.create(vertx);
  }

  @AfterEach
  void tearDown() throws Exception {
    client.close();
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private int deploy(long delayMillis) throws Exception {
    return deploy(delayMillis, null);
  }

  private int deploy(long delayMillis, GroupCommitLog journal) throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    vertx.deployVerticle(new BareEndpointMain.Bare(port, delayMillis, journal))
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    return port;
  }

  private HttpResponse<Buffer> post(int port, Buffer body) throws Exception {
    return client.post(port, "127.0.0.1", "/api/v1/tips").sendBuffer(body)
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void answersCreatedWithATinyJsonBodyAtOnceWithoutDelay() throws Exception {
    HttpResponse<Buffer> r = post(deploy(0), Buffer.buffer("{}"));
    assertThat(r.statusCode()).isEqualTo(201);
    assertThat(r.getHeader("content-type")).isEqualTo("application/json");
    assertThat(r.bodyAsJsonObject().getString("status")).isEqualTo("received");
  }

  /** A timer never fires early: the answer comes no sooner than the delay after the whole body was sent. */
  @Test
  void withADelayReadsTheWholeBodyThenAnswersNoSoonerThanTheDelay() throws Exception {
    int port = deploy(50);
    Buffer body = Buffer.buffer(new byte[2 << 20]);
    long start = System.nanoTime();
    HttpResponse<Buffer> r = post(port, body);
    long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertThat(r.statusCode()).isEqualTo(201);
    assertThat(r.bodyAsJsonObject().getString("status")).isEqualTo("received");
    assertThat(elapsedMillis).isGreaterThanOrEqualTo(50);
  }

  /** The durable floor answers each request only after its record is in the journal. */
  @Test
  void withAJournalEachAnswerHasItsRecordOnDisk(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("floor.journal");
    try (GroupCommitLog journal = new GroupCommitLog(file, 0)) {
      int port = deploy(0, journal);
      for (int i = 1; i <= 3; i++) {
        HttpResponse<Buffer> r = post(port, Buffer.buffer("{\"n\":" + i + "}"));
        assertThat(r.statusCode()).isEqualTo(201);
        // The file is preallocated with zeros after the records: count the record lines.
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).replace("\0", "");
        assertThat(text.lines().filter(l -> l.startsWith("{\"type\":\"tip\"")).count()).isEqualTo(i);
      }
    }
  }
}
