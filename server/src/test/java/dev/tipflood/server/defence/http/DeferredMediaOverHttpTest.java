package dev.tipflood.server.defence.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tipflood.server.defence.triage.MediaFiles;
import dev.tipflood.server.testing.Multipart;
import dev.tipflood.server.testing.RawHttp;
import dev.tipflood.server.testing.TestServer;
import dev.tipflood.server.testing.TipHttp;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A brownout's later upload slot, end to end over loopback: a tip answered {@code 202 deferred}
 * uploads its media at {@code POST /api/v1/tips/{id}/media} once its time has come and the
 * brownout has lifted; they pass the same triage as a new tip's, are durable across a restart,
 * and the tip then goes through processing to review. Every refusal is precise and stores nothing.
 */
class DeferredMediaOverHttpTest {
  private static final String PROFILE = """
      name: brown
      processing:
        workers: 2
        costPerMb: {photo: 1ms}
      review:
        reviewers: 1
        perPhoto: 1s
        perVideoMinute: 1m
      defences:
        - name: sniff
          kind: media-sniff
        - name: brownout
          kind: brownout
          queueAbove: -1
          later: %s
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
  void deferredMediaUploadedOnceTheBrownoutLiftsReachReviewAndSurviveARestart() throws Exception {
    server = TestServer.startModelled(dataDir, PROFILE.formatted("1s"));
    byte[] jpeg = MediaFiles.jpeg(21);
    HttpResponse<String> deferred = postTip(jpeg);
    assertThat(deferred.statusCode()).isEqualTo(202);
    String id = new JsonObject(deferred.body()).getString("id");
    assertThat(new JsonObject(deferred.body()).getString("mediaUpload")).isEqualTo("/api/v1/tips/" + id + "/media");
    JsonObject shown = get(id);
    assertThat(shown.getString("status")).isEqualTo("deferred");
    await().atMost(Duration.ofSeconds(5)).ignoreExceptions()
        .until(() -> deferredMedia().getJsonObject("deferred").getLong("legit") == 1); // the first sample comes after 1 s
    assertThat(deferredMedia().getJsonObject("arrived").getLong("legit")).isZero();
    assertThat(shown.getString("mediaUpload")).isEqualTo("/api/v1/tips/" + id + "/media");

    // Its time has come, but the brownout still holds: 503 with the brownout's wait.
    HttpResponse<String> early = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
        .until(() -> upload(id, media("p.jpg", "image/jpeg", jpeg)), r -> r.statusCode() != 425);
    assertError(early, 503, "media_still_deferred");
    assertThat(early.headers().firstValue("Retry-After")).hasValue("1");

    assertThat(DefenceHttp.admin(server, "POST", "/defences/brownout/disable", null, true).statusCode()).isEqualTo(200);
    // The same triage as a new tip's media: a text file claiming to be a JPEG is refused, nothing kept.
    assertError(upload(id, media("p.jpg", "image/jpeg", "not a picture at all".repeat(10).getBytes(
        StandardCharsets.US_ASCII))), 415, "media_type_unsupported");
    assertError(upload(id, new Multipart().field("metadata", Multipart.VALID_METADATA)
        .file("media", "p.jpg", "image/jpeg", jpeg)), 400, "unknown_part");
    await().atMost(Duration.ofSeconds(5)).until(() -> server.tempFiles() == 0);
    assertThat(server.mediaFiles()).isZero();
    assertThat(get(id).getString("status")).isEqualTo("deferred");

    HttpResponse<String> stored = upload(id, media("p.jpg", "image/jpeg", jpeg));
    assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
    assertThat(new JsonObject(stored.body()).getInteger("media")).isEqualTo(1);
    JsonObject withMedia = get(id);
    assertThat(withMedia.getJsonArray("media").getJsonObject(0).getString("sha256")).isEqualTo(sha256(jpeg));
    assertThat(withMedia.containsKey("mediaUploadAfter")).isFalse();
    assertThat(server.mediaFiles()).isEqualTo(1);
    await().atMost(Duration.ofSeconds(20)).until(() -> get(id).getString("status").equals("reviewed"));
    await().atMost(Duration.ofSeconds(5)).until(() -> deferredMedia().getJsonObject("arrived").getLong("legit") == 1);

    // A repeat (a lost answer, a retrying client) stores nothing twice.
    assertError(upload(id, media("p.jpg", "image/jpeg", jpeg)), 409, "media_already_uploaded");
    await().atMost(Duration.ofSeconds(5)).until(() -> server.tempFiles() == 0);
    assertThat(server.mediaFiles()).isEqualTo(1);

    server.close();
    server = TestServer.startModelled(dataDir, PROFILE.formatted("1s"));
    JsonObject afterRestart = get(id);
    assertThat(afterRestart.getString("status")).isEqualTo("reviewed");
    assertThat(afterRestart.getJsonArray("media").getJsonObject(0).getString("sha256")).isEqualTo(sha256(jpeg));
    assertThat(server.mediaFiles()).as("the medium is no orphan at start-up").isEqualTo(1);
    assertError(upload(id, media("p.jpg", "image/jpeg", jpeg)), 409, "media_already_uploaded");
  }

  @Test
  void aDeferredTipsConnectionIsClosedAfterItsAnswerInsteadOfHeldIdleUntilItsSlot() throws Exception {
    server = TestServer.startModelled(dataDir, PROFILE.formatted("1m"));
    byte[] request = new Multipart().field("metadata", Multipart.VALID_METADATA)
        .file("media", "p.jpg", "image/jpeg", MediaFiles.jpeg(23)).request();
    try (RawHttp http = new RawHttp(server.port())) {
      RawHttp.Response deferred = http.send(request).read();
      assertThat(deferred.status()).as(deferred.body()).isEqualTo(202);
      assertThat(deferred.headers()).containsEntry("connection", "close");
      assertThat(Integer.parseInt(deferred.headers().get("retry-after"))).as("the slot, 1m after the deferral")
          .isBetween(1, 60);
      assertThat(http.closedByServer()).as("closed by the server, not held until its upload slot").isTrue();
    }
  }

  @Test
  void aDeferredTipWhoseMediaNeverComeIsReviewedOnItsTextAloneAfterTheWindow() throws Exception {
    String profile = PROFILE.formatted("1s\n    textAloneAfter: 2s");
    server = TestServer.startModelled(dataDir, profile);
    byte[] jpeg = MediaFiles.jpeg(24);
    HttpResponse<String> deferred = postTip(jpeg);
    assertThat(deferred.statusCode()).isEqualTo(202);
    String id = new JsonObject(deferred.body()).getString("id");
    assertThat(get(id).containsKey("textAlone")).isFalse();

    await().atMost(Duration.ofSeconds(20)).until(() -> get(id).getString("status").equals("reviewed"));
    JsonObject reviewed = get(id);
    assertThat(reviewed.getBoolean("textAlone")).isTrue();
    assertThat(reviewed.getJsonArray("media")).isEmpty();
    assertThat(reviewed.getJsonObject("review")).isNotNull();
    assertError(upload(id, media("p.jpg", "image/jpeg", jpeg)), 409, "media_window_closed");
    await().atMost(Duration.ofSeconds(5)).ignoreExceptions()
        .until(() -> deferredMedia().getJsonObject("textAlone").getLong("legit") == 1);
    assertThat(deferredMedia().getJsonObject("arrived").getLong("legit")).isZero();
    await().atMost(Duration.ofSeconds(5)).until(() -> server.tempFiles() == 0);
    assertThat(server.mediaFiles()).isZero();

    server.close();
    server = TestServer.startModelled(dataDir, profile);
    assertThat(get(id).getBoolean("textAlone")).isTrue();
    assertThat(get(id).getString("status")).isEqualTo("reviewed");
    assertError(upload(id, media("p.jpg", "image/jpeg", jpeg)), 409, "media_window_closed");
  }

  @Test
  void aMediaUploadIsRefusedBeforeItsTimeAndForATipThatWasNotDeferred() throws Exception {
    server = TestServer.startModelled(dataDir, PROFILE.formatted("5m"));
    byte[] jpeg = MediaFiles.jpeg(22);
    String id = new JsonObject(postTip(jpeg).body()).getString("id");

    HttpResponse<String> tooEarly = upload(id, media("p.jpg", "image/jpeg", jpeg));
    assertError(tooEarly, 425, "media_upload_too_early");
    long wait = Long.parseLong(tooEarly.headers().firstValue("Retry-After").orElseThrow());
    assertThat(wait).isBetween(290L, 300L);
    assertThat(Instant.parse(get(id).getString("mediaUploadAfter"))).isAfter(Instant.now().plusSeconds(280));

    assertError(upload("0123456789abcdef0123456789", media("p.jpg", "image/jpeg", jpeg)), 404, "tip_not_found");
    assertError(upload("not-an-id", media("p.jpg", "image/jpeg", jpeg)), 400, "tip_id_invalid");

    assertThat(DefenceHttp.admin(server, "POST", "/defences/brownout/disable", null, true).statusCode()).isEqualTo(200);
    HttpResponse<String> plain = postTip(MediaFiles.jpeg(23));
    assertThat(plain.statusCode()).isEqualTo(201);
    String plainId = new JsonObject(plain.body()).getString("id");
    assertError(upload(plainId, media("p.jpg", "image/jpeg", jpeg)), 409, "tip_not_deferred");
    await().atMost(Duration.ofSeconds(5)).until(() -> server.tempFiles() == 0);
    assertThat(server.mediaFiles()).as("only the plain tip's medium").isEqualTo(1);
  }

  @Test
  void oneUploadOfATipsMediaAtATimeAndARepeatAfterItStoresNothing() throws Exception {
    server = TestServer.startModelled(dataDir, PROFILE.formatted("1s"));
    byte[] jpeg = MediaFiles.jpeg(24);
    String id = new JsonObject(postTip(jpeg).body()).getString("id");
    Instant after = Instant.parse(get(id).getString("mediaUploadAfter"));
    assertThat(DefenceHttp.admin(server, "POST", "/defences/brownout/disable", null, true).statusCode()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(5)).until(() -> Instant.now().isAfter(after));

    byte[] body = media("p.jpg", "image/jpeg", jpeg).build();
    String head = "POST /api/v1/tips/" + id + "/media HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
        + "multipart/form-data; boundary=" + Multipart.BOUNDARY + "\r\nContent-Length: " + body.length + "\r\n\r\n";
    try (java.net.Socket slow = new java.net.Socket("127.0.0.1", server.port())) {
      slow.setSoTimeout(20_000);
      slow.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
      slow.getOutputStream().write(body, 0, body.length / 2);
      slow.getOutputStream().flush();
      // While the first upload is half sent, a second one (a client retrying too soon) is refused.
      HttpResponse<String> concurrent = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
          .until(() -> upload(id, media("p.jpg", "image/jpeg", jpeg)), r -> r.statusCode() == 409);
      assertError(concurrent, 409, "media_upload_in_progress");

      slow.getOutputStream().write(body, body.length / 2, body.length - body.length / 2);
      slow.getOutputStream().flush();
      String answer = new String(slow.getInputStream().readNBytes(12), StandardCharsets.ISO_8859_1);
      assertThat(answer).isEqualTo("HTTP/1.1 201");
    }
    assertError(upload(id, media("p.jpg", "image/jpeg", jpeg)), 409, "media_already_uploaded");
    await().atMost(Duration.ofSeconds(5)).until(() -> server.tempFiles() == 0);
    assertThat(server.mediaFiles()).isEqualTo(1);
    assertThat(get(id).getJsonArray("media")).hasSize(1);
  }

  /** The latest timeline sample's {@code deferredMedia} counters. */
  private JsonObject deferredMedia() {
    String[] lines = DefenceHttp.admin(server, "GET", "/measure/timeline", null, true).body().strip().split("\n");
    return new JsonObject(lines[lines.length - 1]).getJsonObject("deferredMedia");
  }

  private static Multipart media(String filename, String type, byte[] bytes) {
    return new Multipart().file("media", filename, type, bytes);
  }

  private HttpResponse<String> postTip(byte[] jpeg) {
    return TipHttp.post(server, "/api/v1/tips", new Multipart().field("metadata", Multipart.VALID_METADATA)
        .file("media", "p.jpg", "image/jpeg", jpeg), "X-Tipflood-Truth", "legit", "X-Tipflood-Population", "citizens",
        "X-Tipflood-Seq", "1", "X-Tipflood-Attempt", "1");
  }

  private HttpResponse<String> upload(String id, Multipart body) {
    return TipHttp.post(server, "/api/v1/tips/" + id + "/media", body);
  }

  private JsonObject get(String id) {
    return TipHttp.get(server, id);
  }

  private static void assertError(HttpResponse<String> r, int status, String code) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(new JsonObject(r.body()).getJsonObject("error").getString("code")).isEqualTo(code);
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
