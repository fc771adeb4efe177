package dev.tipflood.server.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    vertx.deployVerticle(new BareEndpointMain.Bare(port, delayMillis))
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
}
