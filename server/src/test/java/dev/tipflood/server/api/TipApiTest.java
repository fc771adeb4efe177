package dev.tipflood.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tipflood.server.wiring.RouteContributor;
import dev.tipflood.server.ServerSettings;
import dev.tipflood.server.wiring.ServerWiring;
import dev.tipflood.server.TipfloodServer;
import dev.tipflood.server.config.ProfileLoader;
import dev.tipflood.server.testing.Multipart;
import dev.tipflood.server.testing.TestServer;
import dev.tipflood.server.tip.Review;
import dev.tipflood.server.tip.TipId;
import dev.tipflood.server.tip.TipRecord;
import dev.tipflood.server.tip.TipStatus;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.multipart.MultipartForm;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Tips through a real server: accepted, durable, visible, with media hashed as they streamed. */
@ExtendWith(VertxExtension.class)
class TipApiTest {
  @TempDir
  Path dataDir;

  @ParameterizedTest(name = "profile {0}")
  @ValueSource(strings = {"tipline", "naive", "unlimited"})
  void tipWithMediaIsStoredAndShown(String profile, Vertx vertx, VertxTestContext ctx) throws Exception {
    byte[] photo = Multipart.bytes(300_000);
    byte[] clip = Multipart.bytes(5_000);
    TestServer server = TestServer.start(dataDir, ProfileLoader.builtin(profile));
    WebClient client = WebClient.create(vertx);
    MultipartForm form = MultipartForm.create()
        .attribute("metadata", Multipart.VALID_METADATA)
        .binaryFileUpload("media", "photo.jpg", Buffer.buffer(photo), "image/jpeg")
        .binaryFileUpload("media", "clip.mp4", Buffer.buffer(clip), "video/mp4");
    client.post(server.port(), "127.0.0.1", "/api/v1/tips").sendMultipartForm(form)
        .compose(created -> {
          ctx.verify(() -> {
            assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
            assertThat(created.bodyAsJsonObject().getString("status")).isEqualTo("received");
            assertThat(created.getHeader("Location")).isEqualTo("/api/v1/tips/" + created.bodyAsJsonObject().getString("id"));
          });
          return client.get(server.port(), "127.0.0.1", created.getHeader("Location")).send();
        })
        .onComplete(ctx.succeeding(shown -> ctx.verify(() -> {
          JsonObject tip = shown.bodyAsJsonObject();
          assertThat(shown.statusCode()).isEqualTo(200);
          assertThat(tip.getString("status")).isEqualTo("received");
          assertThat(tip.getJsonObject("metadata").getString("deviceId")).isEqualTo("device-0001");
          assertThat(tip.getJsonObject("metadata").getDouble("lat")).isEqualTo(32.78);
          assertThat(tip.getValue("review")).isNull();
          JsonObject first = tip.getJsonArray("media").getJsonObject(0);
          assertThat(first.getString("filename")).isEqualTo("photo.jpg");
          assertThat(first.getString("type")).isEqualTo("image/jpeg");
          assertThat(first.getLong("size")).isEqualTo(photo.length);
          assertThat(first.getString("sha256")).isEqualTo(sha256(photo));
          assertThat(tip.getJsonArray("media").getJsonObject(1).getString("sha256")).isEqualTo(sha256(clip));
          assertThat(server.mediaFiles()).isEqualTo(2);
          assertThat(server.tempFiles()).isZero();
          server.close();
          ctx.completeNow();
        })));
    assertThat(ctx.awaitCompletion(30, TimeUnit.SECONDS)).isTrue();
  }

  /**
   * A status check during a flood: every storage worker is busy (held here on a latch, as media
   * renames and fsyncs would be), yet a stored tip is still read back and shown.
   */
  @Test
  void getOfAStoredTipDoesNotQueueBehindBusyStorageWorkers(Vertx vertx, VertxTestContext ctx) throws Exception {
    TestServer server = TestServer.start(dataDir, ProfileLoader.builtin("tipline"));
    Vertx serverVertx = server.server().components().vertx();
    WebClient client = WebClient.create(vertx);
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch busy = new CountDownLatch(TipfloodServer.STORAGE_WORKERS);
    // The same name gives the server's own shared pool.
    WorkerExecutor storage = serverVertx.createSharedWorkerExecutor(TipfloodServer.STORAGE_POOL, TipfloodServer.STORAGE_WORKERS);
    try {
      HttpResponse<Buffer> created = client.post(server.port(), "127.0.0.1", "/api/v1/tips")
          .sendMultipartForm(MultipartForm.create().attribute("metadata", Multipart.VALID_METADATA))
          .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      assertThat(created.statusCode()).isEqualTo(201);
      for (int i = 0; i < TipfloodServer.STORAGE_WORKERS; i++) {
        storage.executeBlocking(() -> {
          busy.countDown();
          return release.await(30, TimeUnit.SECONDS);
        }, false);
      }
      assertThat(busy.await(10, TimeUnit.SECONDS)).as("all storage workers busy").isTrue();
      client.get(server.port(), "127.0.0.1", created.getHeader("Location")).send()
          .onComplete(ctx.succeeding(shown -> ctx.verify(() -> {
            assertThat(shown.statusCode()).isEqualTo(200);
            assertThat(shown.bodyAsJsonObject().getString("id")).isEqualTo(created.bodyAsJsonObject().getString("id"));
            ctx.completeNow();
          })));
      // Before the read pool, the GET waited here until the latch was released (30 s).
      assertThat(ctx.awaitCompletion(10, TimeUnit.SECONDS)).isTrue();
    } finally {
      release.countDown();
      storage.close();
      server.close();
    }
  }

  @Test
  void adminNeedsTheBearerTokenExceptForHealth(Vertx vertx, VertxTestContext ctx) throws Exception {
    TestServer server = TestServer.start(dataDir, ProfileLoader.builtin("tipline"));
    WebClient client = WebClient.create(vertx);
    int admin = server.adminPort();
    Future.all(List.of(
            client.get(admin, "127.0.0.1", "/health").send(),
            client.get(admin, "127.0.0.1", "/ready").send(),
            client.get(admin, "127.0.0.1", "/metrics").send(),
            client.get(admin, "127.0.0.1", "/metrics").bearerTokenAuthentication("wrong").send(),
            client.get(admin, "127.0.0.1", "/metrics").bearerTokenAuthentication(TestServer.TOKEN).send()))
        .onComplete(ctx.succeeding(all -> ctx.verify(() -> {
          List<HttpResponse<Buffer>> r = all.list();
          assertThat(r.get(0).statusCode()).isEqualTo(200);
          assertThat(r.get(0).bodyAsJsonObject().getString("status")).isEqualTo("UP");
          assertThat(r.get(1).statusCode()).isEqualTo(200);
          assertThat(r.get(2).statusCode()).isEqualTo(401);
          assertThat(r.get(2).bodyAsJsonObject().getJsonObject("error").getString("code")).isEqualTo("unauthorized");
          assertThat(r.get(3).statusCode()).isEqualTo(403);
          assertThat(r.get(3).bodyAsJsonObject().getJsonObject("error").getString("code")).isEqualTo("forbidden");
          assertThat(r.get(4).statusCode()).isEqualTo(200);
          assertThat(r.get(4).bodyAsString()).contains("jvm_memory_used_bytes");
          server.close();
          ctx.completeNow();
        })));
    assertThat(ctx.awaitCompletion(30, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void extensionsSeeAcceptedTipsAndAddRoutes(Vertx vertx, VertxTestContext ctx) throws Exception {
    List<TipRecord> accepted = new CopyOnWriteArrayList<>();
    RouteContributor contributor = new RouteContributor() {
      @Override
      public void contributePublic(Router router) {
        router.route().handler(rc -> {
          rc.response().putHeader("X-First", "yes");
          rc.next();
        });
      }

      @Override
      public void contributeAdmin(Router router) {
        router.get("/measure/ping").handler(rc -> rc.end("pong"));
      }
    };
    ServerWiring.Factory factory = c -> new ServerWiring((tip, priority) -> accepted.add(tip), List.of(contributor));
    TipfloodServer server = TipfloodServer.start(
            ServerSettings.loopback(dataDir, ProfileLoader.builtin("tipline"), "t"), factory, n -> { })
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    WebClient client = WebClient.create(vertx);
    client.post(server.publicPort(), "127.0.0.1", "/api/v1/tips")
        .sendMultipartForm(MultipartForm.create().attribute("metadata", Multipart.VALID_METADATA))
        .compose(created -> {
          ctx.verify(() -> {
            assertThat(created.statusCode()).isEqualTo(201);
            assertThat(created.getHeader("X-First")).isEqualTo("yes");
          });
          TipId id = new TipId(created.bodyAsJsonObject().getString("id"));
          return Future.fromCompletionStage(server.components().tips().attachReview(id,
                  new Review(Review.Verdict.JUNK, "reviewer-1", Instant.parse("2020-06-01T00:00:00Z"))))
              .compose(t -> client.get(server.publicPort(), "127.0.0.1", "/api/v1/tips/" + id).send());
        })
        .compose(shown -> {
          ctx.verify(() -> {
            JsonObject tip = shown.bodyAsJsonObject();
            assertThat(tip.getString("status")).isEqualTo(TipStatus.REVIEWED.wireName());
            assertThat(tip.getJsonObject("review").getString("verdict")).isEqualTo("junk");
            assertThat(tip.getJsonObject("review").containsKey("reviewer")).as("staff identity stays internal").isFalse();
            assertThat(accepted).hasSize(1);
          });
          return client.get(server.adminPort(), "127.0.0.1", "/measure/ping").bearerTokenAuthentication("t").send();
        })
        .onComplete(ctx.succeeding(ping -> ctx.verify(() -> {
          assertThat(ping.bodyAsString()).isEqualTo("pong");
          server.close();
          ctx.completeNow();
        })));
    assertThat(ctx.awaitCompletion(30, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void connectionsOverTheCapGet503WithRetryAfter() throws Exception {
    TestServer server = TestServer.start(dataDir, "name: tiny\ningress:\n  maxConnections: 1\n");
    String get = "GET /api/v1/tips/ffffffffffffffffffffffffff HTTP/1.1\r\nHost: x\r\n\r\n";
    // The first connection is counted (it has been answered) before the second one opens.
    try (var first = new dev.tipflood.server.testing.RawHttp(server.port())) {
      assertThat(first.send(get).read().status()).isEqualTo(404);
      try (var second = new dev.tipflood.server.testing.RawHttp(server.port())) {
        var refused = second.send(get).read();
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.errorCode()).isEqualTo("too_many_connections");
        assertThat(refused.headers().get("retry-after")).isEqualTo("1");
        assertThat(second.closedByServer()).isTrue();
      }
      assertThat(first.send(get).read().status()).as("the first connection keeps working").isEqualTo(404);
    } finally {
      server.close();
    }
  }

  @Test
  void fixedResponseDelayHoldsTheAnswerWithoutBlockingTheEventLoop(Vertx vertx, VertxTestContext ctx) throws Exception {
    TestServer server = TestServer.start(dataDir, "name: slow\ndebug:\n  fixedResponseDelay: 2s\n");
    ServerSettings one = new ServerSettings("127.0.0.1", 0, 0, "127.0.0.1", dataDir, server.server().components().profile(), "t", 1,
        java.time.Clock.systemUTC(), false);
    server.close();
    // One event loop: if the delay blocked it, a GET sent once the tip is durable (so the POST
    // is inside its delay) could not be answered before the POST.
    TipfloodServer single = TipfloodServer.start(one, ServerWiring.Factory.NONE, n -> { })
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    io.vertx.core.Promise<Void> durable = io.vertx.core.Promise.promise();
    vertx.setPeriodic(10, id -> {
      if (single.components().tips().count() == 1) {
        vertx.cancelTimer(id);
        durable.tryComplete();
      }
    });
    WebClient client = WebClient.create(vertx);
    List<String> order = new CopyOnWriteArrayList<>();
    Future<?> post = client.post(single.publicPort(), "127.0.0.1", "/api/v1/tips")
        .sendMultipartForm(MultipartForm.create().attribute("metadata", Multipart.VALID_METADATA))
        .onSuccess(r -> order.add("post " + r.statusCode()));
    Future<?> get = durable.future().compose(v ->
        client.get(single.publicPort(), "127.0.0.1", "/api/v1/tips/ffffffffffffffffffffffffff").send())
        .onSuccess(r -> order.add("get " + r.statusCode()));
    Future.all(post, get).onComplete(ctx.succeeding(v -> ctx.verify(() -> {
      assertThat(order).containsExactly("get 404", "post 201");
      single.close();
      ctx.completeNow();
    })));
    assertThat(ctx.awaitCompletion(30, TimeUnit.SECONDS)).isTrue();
  }

  static String sha256(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }
}
