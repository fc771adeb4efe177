package dev.tipflood.server.defence.http;

import static dev.tipflood.server.defence.http.DefenceHttp.admin;
import static dev.tipflood.server.defence.http.DefenceHttp.tip;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tipflood.server.testing.TestServer;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The defences in a real server over loopback: answers, what is stored, counters, and run-time control. */
class DefencesOverHttpTest {
  private static final String HEADER = "name: t\ningress: {slowBodyTimeout: 5s}\n";
  @TempDir Path dataDir;
  private TestServer server;

  private TestServer start(String defences) {
    server = TestServer.startModelled(dataDir, HEADER + "defences:\n" + defences);
    return server;
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static JsonObject json(HttpResponse<String> r) {
    return new JsonObject(r.body());
  }

  @Test
  void perAddressBucketRefusesFromTheHeadersWith429RealRetryAfterAndStoresNothing() {
    TestServer s = start("  - {name: per-address, kind: token-bucket, key: address, capacity: 2, refill: 1/1m}\n");
    assertThat(tip(s, "10.1.1.1", "d1", 2000, null).statusCode()).isEqualTo(201);
    assertThat(tip(s, "10.1.1.1", "d2", 2000, null).statusCode()).isEqualTo(201);
    HttpResponse<String> refused = tip(s, "10.1.1.1", "d3", 2000, null);
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(json(refused).getJsonObject("error").getString("code")).isEqualTo("rate_limited");
    assertThat(json(refused).getJsonObject("error").getString("message"))
        .contains("defence 'per-address'", "address 10.1.1.1", "2 tips at once");
    // one token per minute, two spent just now: the next one is 30..60 s away, never a constant 1
    assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(30L, 60L);
    assertThat(tip(s, "10.1.1.2", "d4", 2000, null).statusCode()).as("another address").isEqualTo(201);
    assertThat(s.mediaFiles()).isEqualTo(3);
    assertThat(s.tempFiles()).isZero();
  }

  @Test
  void perDeviceBucketRefusesOnceTheMetadataIsReadAndDeletesWhatWasStaged() {
    TestServer s = start("  - {name: per-device, kind: token-bucket, key: device, capacity: 1, refill: 1/1m}\n");
    assertThat(tip(s, "10.1.1.1", "phone-a", 50_000, null).statusCode()).isEqualTo(201);
    HttpResponse<String> refused = tip(s, "10.9.9.9", "phone-a", 50_000, null);
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(json(refused).getJsonObject("error").getString("message")).contains("device 'phone-a'");
    assertThat(s.mediaFiles()).isEqualTo(1);
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> s.tempFiles() == 0);
  }

  @Test
  void decisionsAreCountedByDefenceReasonAndTruthClass() {
    TestServer s = start("  - {name: per-address, kind: token-bucket, key: address, capacity: 1, refill: 1/1m}\n");
    tip(s, "10.2.2.2", "d1", 100, "junk");
    tip(s, "10.2.2.2", "d2", 100, "junk");
    tip(s, "10.3.3.3", "d3", 100, "legit");
    Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      JsonObject counts = json(admin(s, "GET", "/measure/defences", null, true)).getJsonObject("per-address");
      assertThat(counts.getJsonObject("admit").getLong("junk")).isEqualTo(1);
      assertThat(counts.getJsonObject("admit").getLong("legit")).isEqualTo(1);
      assertThat(counts.getJsonObject("reject.rate_limited").getLong("junk")).isEqualTo(1);
    });
    String metrics = admin(s, "GET", "/metrics", null, true).body();
    assertThat(metrics).contains("tipflood_defence_decisions_total{decision=\"reject\",defence=\"per-address\","
        + "point=\"headers\",reason=\"rate_limited\",truth=\"junk\"} 1.0");
  }

  @Test
  void queueDeadlineShedsWorkThatWaitedTooLongWith503() {
    server = TestServer.startModelled(dataDir, "name: t\ndebug: {fixedResponseDelay: 1500ms}\ndefences:\n"
        + "  - {name: queue, kind: queue-deadline, slots: 1, maxQueued: 5, deadline: 200ms}\n");
    var first = java.util.concurrent.CompletableFuture.supplyAsync(() -> tip(server, "10.0.0.1", "a", 100, null));
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> admin(server, "GET", "/defences", null, true)
        .body().contains("\"inFlight\":1"));
    HttpResponse<String> shed = tip(server, "10.0.0.2", "b", 100, null);
    assertThat(shed.statusCode()).isEqualTo(503);
    assertThat(json(shed).getJsonObject("error").getString("code")).isEqualTo("queue_timeout");
    assertThat(shed.headers().firstValue("Retry-After")).isPresent();
    assertThat(first.join().statusCode()).isEqualTo(201);
  }

  @Test
  void bandwidthCapPausesTheBodyAndTheTipStillArrivesWhole() {
    TestServer s = start("  - {name: bw, kind: client-bandwidth, key: address, rate: 200KB/s, burst: 64KB}\n");
    HttpResponse<String> r = tip(s, "10.4.4.4", "d", 300_000, "legit");
    assertThat(r.statusCode()).isEqualTo(201);
    Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(json(admin(s, "GET", "/measure/defences", null, true)).getJsonObject("bw")
            .getJsonObject("hold.bandwidth").getLong("legit")).isEqualTo(1));
  }

  @Test
  void adminListsEnablesDisablesAndRetunesWithPreciseErrors() {
    TestServer s = start("  - {name: global, kind: global-rate, rate: 1/1m, burst: 1, enabled: false}\n");
    assertThat(admin(s, "GET", "/defences", null, false).statusCode()).isEqualTo(401);
    JsonObject listed = json(admin(s, "GET", "/defences", null, true)).getJsonArray("defences").getJsonObject(0);
    assertThat(listed.getString("name")).isEqualTo("global");
    assertThat(listed.getBoolean("enabled")).isFalse();
    assertThat(tip(s, "10.0.0.1", "a", 100, null).statusCode()).isEqualTo(201);
    assertThat(tip(s, "10.0.0.1", "b", 100, null).statusCode()).as("off: no limit").isEqualTo(201);

    assertThat(admin(s, "POST", "/defences/global/enable", null, true).statusCode()).isEqualTo(200);
    assertThat(tip(s, "10.0.0.1", "c", 100, null).statusCode()).isEqualTo(201);
    assertThat(tip(s, "10.0.0.1", "d", 100, null).statusCode()).isEqualTo(429);

    HttpResponse<String> retuned = admin(s, "PATCH", "/defences/global", "{\"rate\":\"100/s\",\"burst\":50}", true);
    assertThat(retuned.statusCode()).isEqualTo(200);
    assertThat(json(retuned).getJsonObject("settings").getString("rate")).isEqualTo("100/s");
    assertThat(tip(s, "10.0.0.1", "e", 100, null).statusCode()).isEqualTo(201);

    HttpResponse<String> bad = admin(s, "PATCH", "/defences/global", "{\"rate\":\"fast\"}", true);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(json(bad).getJsonObject("error").getString("message"))
        .isEqualTo("setting 'rate' of defence 'global': 'fast' is not a rate like 50/s, 120/m or 5/10m (a whole count "
            + "per duration)");
    assertThat(json(admin(s, "PATCH", "/defences/global", "{\"burts\":2}", true)).getJsonObject("error")
        .getString("message")).contains("'burts'", "allowed here: burst, bytes, bytesBurst, rate");
    assertThat(admin(s, "PATCH", "/defences/global", "[1]", true).statusCode()).isEqualTo(400);
    assertThat(admin(s, "PATCH", "/defences/global", "", true).statusCode()).isEqualTo(400);
    HttpResponse<String> huge = admin(s, "PATCH", "/defences/global", "{\"rate\":\"" + "9".repeat(20_000) + "/s\"}", true);
    assertThat(huge.statusCode()).isEqualTo(413);
    assertThat(json(huge).getJsonObject("error").getString("code")).isEqualTo("payload_too_large");
    HttpResponse<String> unknown = admin(s, "POST", "/defences/nope/enable", null, true);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(json(unknown).getJsonObject("error").getString("message"))
        .isEqualTo("no defence named 'nope'; this profile's defences are: global");

    assertThat(admin(s, "POST", "/defences/global/disable", null, true).statusCode()).isEqualTo(200);
    assertThat(json(admin(s, "GET", "/defences", null, true)).getJsonArray("defences").getJsonObject(0)
        .getBoolean("enabled")).isFalse();
  }

  @Test
  void ingressCapsAreCountedAsDefencesWithTheSameCountersWithoutDeclaringAny() throws Exception {
    server = TestServer.startModelled(dataDir, "name: t\ningress: {maxConnections: 1}\n");
    String get = "GET /api/v1/tips/ffffffffffffffffffffffffff HTTP/1.1\r\nHost: x\r\n\r\n";
    try (var first = new dev.tipflood.server.testing.RawHttp(server.port())) {
      assertThat(first.send(get).read().status()).isEqualTo(404);
      try (var second = new dev.tipflood.server.testing.RawHttp(server.port())) {
        assertThat(second.send(get).read().status()).isEqualTo(503);
      }
    }
    Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(json(admin(server, "GET", "/measure/defences", null, true)).getJsonObject("connections")
            .getJsonObject("reject.too_many_connections").getLong("unlabelled")).isEqualTo(1));
  }

  @Test
  void idleTimeoutClosesAreCountedAsDefenceDecisionsAtTheConnectionPoint() throws Exception {
    server = TestServer.startModelled(dataDir, "name: t\ningress: {idleTimeout: 1s}\n");
    String get = "GET /api/v1/tips/ffffffffffffffffffffffffff HTTP/1.1\r\nHost: x\r\n\r\n";
    try (var afterARequest = new dev.tipflood.server.testing.RawHttp(server.port());
         var silent = new dev.tipflood.server.testing.RawHttp(server.port())) {
      assertThat(afterARequest.send(get).read().status()).isEqualTo(404);
      assertThat(afterARequest.closedByServer()).as("closed once idle").isTrue();
      assertThat(silent.closedByServer()).as("a connection that never sent a byte is closed too").isTrue();
    }
    Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(json(admin(server, "GET", "/measure/defences", null, true)).getJsonObject("idle-timeout")
            .getJsonObject("reject.idle_timeout").getLong("unlabelled")).isEqualTo(2));
  }

  @Test
  void aHeadTrickledByteByByteIsShedAtTheHeaderTimeoutAndCounted() throws Exception {
    server = TestServer.startModelled(dataDir, "name: t\ningress: {headerTimeout: 500ms, idleTimeout: 60s}\n");
    String head = "GET /api/v1/tips/ffffffffffffffffffffffffff HTTP/1.1\r\nHost: x\r\nX-Slow: " + "s".repeat(200);
    try (var trickler = new dev.tipflood.server.testing.RawHttp(server.port());
         var silent = new dev.tipflood.server.testing.RawHttp(server.port())) {
      // A byte every 50 ms (Awaitility's poll is the abuser's pace), each of which would restart an idle
      // timer; bounded by the head's length.
      int[] sent = {0};
      Awaitility.await("an answer to the trickled head").atMost(Duration.ofSeconds(30))
          .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50)).until(() -> {
            if (!trickler.answered() && sent[0] < head.length()) {
              trickler.trySend(head.substring(sent[0], sent[0] + 1));
              sent[0]++;
            }
            return trickler.answered() || sent[0] == head.length();
          });
      var r = trickler.read();
      assertThat(r.status()).as(r.body()).isEqualTo(408);
      assertThat(r.errorCode()).isEqualTo("header_timeout");
      assertThat(trickler.closedByServer()).isTrue();
      assertThat(silent.closedByServer()).as("a connection that sends nothing is closed, unanswered").isTrue();
    }
    try (var honest = new dev.tipflood.server.testing.RawHttp(server.port())) {
      assertThat(honest.send(head.substring(0, 70) + "\r\n\r\n").read().status()).isEqualTo(404);
    }
    Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(json(admin(server, "GET", "/measure/defences", null, true)).getJsonObject("header-timeout")
            .getJsonObject("reject.header_timeout").getLong("unlabelled")).isEqualTo(2));
  }

  @Test
  void slowBodyTimeoutsAreCountedAsDefenceDecisions() throws Exception {
    server = TestServer.startModelled(dataDir, "name: t\ningress: {slowBodyTimeout: 200ms}\n");
    byte[] body = new dev.tipflood.server.testing.Multipart().field("metadata", DefenceHttp.metadata("d")).build();
    var multipart = new dev.tipflood.server.testing.Multipart();
    try (var slow = new dev.tipflood.server.testing.RawHttp(server.port())) {
      slow.send(multipart.head(body.length + 1000));
      slow.send(body);
      assertThat(slow.read().status()).isEqualTo(408);
    }
    Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(json(admin(server, "GET", "/measure/defences", null, true)).getJsonObject("slow-body")
            .getJsonObject("reject.body_timeout").getLong("unlabelled")).isEqualTo(1));
  }

  @Test
  void theBuiltInThrottleProfileAcceptsOrdinaryTipsAndStoresThemWhole() {
    server = TestServer.startModelled(dataDir, dev.tipflood.server.config.ProfileLoader.builtin("tipline+throttle"));
    for (int i = 0; i < 3; i++) {
      HttpResponse<String> r = tip(server, "10.5.5." + i, "citizen-" + i, 200_000, "legit");
      assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }
    assertThat(server.mediaFiles()).isEqualTo(3);
    JsonObject listed = json(admin(server, "GET", "/defences", null, true));
    assertThat(listed.getJsonArray("defences")).hasSize(7);
    Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(json(admin(server, "GET", "/measure/defences", null, true)).getJsonObject("per-device")
            .getJsonObject("admit").getLong("legit")).isEqualTo(3));
  }
}
