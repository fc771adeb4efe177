package dev.tipflood.server.defence.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tipflood.server.defence.triage.MediaFiles;
import dev.tipflood.server.testing.Multipart;
import dev.tipflood.server.testing.TestServer;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The adapter after durability and in the body, end to end: a defence's priority reaches the
 * review queue (high scores reviewed first), and a deferral is answered {@code 202 deferred}
 * with the tip's text stored and its media never written. Both are counted by truth class.
 */
class AfterDurabilityOverHttpTest {
  private static final String PIPELINE = """
      processing:
        workers: 4
        costPerMb: {photo: 1ms}
      review:
        reviewers: 1
        perPhoto: 3s
        perVideoMinute: 1m
        queue: {discipline: priority}
        lowScore: {below: 30, maxWait: 1h}
      """;
  private static final String SEOUL = Multipart.VALID_METADATA.replace("32.78", "37.5").replace("-96.80", "127.0")
      .replace("smoke near Elm St", "#fancam");
  private static final String DALLAS = Multipart.VALID_METADATA
      .replace("smoke near Elm St", "Car on fire near the parking garage, nobody hurt yet")
      .replace("2020-05-31T18:04:05Z", java.time.Instant.now().minusSeconds(300).toString().substring(0, 19) + "Z");
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @TempDir
  Path dataDir;
  TestServer server;

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> post(String metadata, String truth, byte[] jpeg) throws Exception {
    byte[] body = new Multipart().field("metadata", metadata).file("media", "p.jpg", "image/jpeg", jpeg).build();
    return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/v1/tips"))
        .header("Content-Type", "multipart/form-data; boundary=" + Multipart.BOUNDARY)
        .header("X-Tipflood-Truth", truth).header("X-Tipflood-Population", truth.equals("junk") ? "fans" : "citizens")
        .header("X-Tipflood-Seq", "1").header("X-Tipflood-Attempt", "1")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private String status(String id) throws Exception {
    HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
        + "/api/v1/tips/" + id)).build(), HttpResponse.BodyHandlers.ofString());
    return new JsonObject(r.body()).getString("status");
  }

  private static String id(HttpResponse<String> r) {
    return new JsonObject(r.body()).getString("id");
  }

  @Test
  void theScoreReachesTheReviewQueueAndHighScoresAreReviewedFirst() throws Exception {
    server = TestServer.startModelled(dataDir, "name: prio\n" + PIPELINE + """
        defences:
          - name: score
            kind: triage-score
        """);
    String blocker = id(post(DALLAS, "legit", MediaFiles.jpeg(1)));
    await().atMost(Duration.ofSeconds(10)).until(() -> status(blocker).equals("awaiting_review")
        || status(blocker).equals("reviewed"));
    String low = id(post(SEOUL, "junk", MediaFiles.jpeg(2)));
    String high = id(post(DALLAS, "legit", MediaFiles.jpeg(3)));

    await().atMost(Duration.ofSeconds(30)).until(() -> status(high).equals("reviewed"));
    assertThat(status(low)).as("the low score still waits behind the later, higher one").isEqualTo("awaiting_review");
    await().atMost(Duration.ofSeconds(30)).until(() -> status(low).equals("reviewed"));

    JsonObject counted = new JsonObject(DefenceHttp.admin(server, "GET", "/measure/defences", null, true).body());
    assertThat(counted.encode()).contains("review-priority");
    JsonObject priority = findDefence(counted, "review-priority");
    assertThat(priority.getJsonObject("priority.low").getLong("junk")).isEqualTo(1);
    assertThat(priority.getJsonObject("priority.high").getLong("legit")).isEqualTo(2);
  }

  @Test
  void aDeferralIsAnswered202DeferredAndItsMediaIsNeverStored() throws Exception {
    server = TestServer.startModelled(dataDir, "name: brown\n" + PIPELINE + """
        defences:
          - name: brownout
            kind: brownout
            queueAbove: -1
            later: 5m
        """);
    HttpResponse<String> r = post(DALLAS, "legit", MediaFiles.jpeg(4));

    assertThat(r.statusCode()).isEqualTo(202);
    JsonObject body = new JsonObject(r.body());
    assertThat(body.getString("status")).isEqualTo("deferred");
    assertThat(java.time.Instant.parse(body.getString("mediaUploadAfter"))).isAfter(java.time.Instant.now()
        .plusSeconds(240));
    assertThat(r.headers().firstValue("Retry-After")).hasValue("300");
    assertThat(server.mediaFiles()).as("the media waits for its slot").isZero();
    await().atMost(Duration.ofSeconds(5)).until(() -> server.tempFiles() == 0);
    assertThat(status(id(r))).as("it waits for its media, out of the pipeline").isEqualTo("deferred");

    JsonObject counted = new JsonObject(DefenceHttp.admin(server, "GET", "/measure/defences", null, true).body());
    assertThat(findDefence(counted, "brownout").getJsonObject("defer.brownout").getLong("legit")).isEqualTo(1);
  }

  @Test
  void aDeferredTipReviewedOnItsTextAloneIsRankedOnItsTextNotLeftAtZero() throws Exception {
    server = TestServer.startModelled(dataDir, "name: text-alone\n" + PIPELINE + """
        defences:
          - name: score
            kind: triage-score
          - name: brownout
            kind: brownout
            queueAbove: -1
            later: 1s
            textAloneAfter: 2s
        """);
    HttpResponse<String> legit = post(DALLAS, "legit", MediaFiles.jpeg(5));
    HttpResponse<String> junk = post(SEOUL, "junk", MediaFiles.jpeg(6));
    assertThat(legit.statusCode()).as(legit.body()).isEqualTo(202);
    assertThat(junk.statusCode()).as(junk.body()).isEqualTo(202);

    // Their media never come: at the window's end each goes to review on its text alone.
    for (String id : java.util.List.of(id(legit), id(junk))) {
      await().atMost(Duration.ofSeconds(30)).until(() -> !status(id).equals("deferred")
          && !status(id).equals("received") && !status(id).equals("processing"));
    }
    JsonObject counted = new JsonObject(DefenceHttp.admin(server, "GET", "/measure/defences", null, true).body());
    JsonObject priority = findDefence(counted, "review-priority");
    // Before, both entered the queue at priority 0, below lowScore (30): ranked as junk, unscored.
    assertThat(priority.getJsonObject("priority.high").getLong("legit")).isEqualTo(1);
    assertThat(priority.getJsonObject("priority.low").getLong("junk")).isEqualTo(1);
    assertThat(priority.getJsonObject("priority.low").containsKey("legit")).isFalse();
    assertThat(findDefence(counted, "score").encode()).contains("\"legit\":1").contains("\"junk\":1");
  }

  @Test
  void tipsARestartInterruptedAreRankedAgainNotResumedAtZero() throws Exception {
    String profile = "name: prio\n" + PIPELINE + """
        defences:
          - name: score
            kind: triage-score
        """;
    server = TestServer.startModelled(dataDir, profile);
    // One reviewer at 3 s a photo: the first tip is in review, the others wait, when the server stops.
    java.util.List<String> ids = new java.util.ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(id(post(DALLAS, "legit", MediaFiles.jpeg(10 + i))));
    }
    ids.add(id(post(SEOUL, "junk", MediaFiles.jpeg(13))));
    server.close();

    server = TestServer.startModelled(dataDir, profile);
    long unfinished = ids.stream().filter(id -> {
      try {
        return !status(id).equals("reviewed");
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).count();
    assertThat(unfinished).as("the restart interrupted them").isGreaterThanOrEqualTo(3);
    // Ranked on the model's context as they are resubmitted. Their truth died with the old process:
    // counted as unlabelled. Before, all entered review at priority 0 (below lowScore), unranked.
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      JsonObject counted = new JsonObject(DefenceHttp.admin(server, "GET", "/measure/defences", null, true).body());
      JsonObject priority = findDefence(counted, "review-priority");
      assertThat(priority.getJsonObject("priority.high").getLong("unlabelled")).isEqualTo(unfinished - 1);
      assertThat(priority.getJsonObject("priority.low").getLong("unlabelled")).isEqualTo(1);
    });
  }

  /** The counters of one defence in {@code /measure/defences}, wherever the listing nests them. */
  private static JsonObject findDefence(JsonObject counted, String name) {
    JsonObject d = counted.getJsonObject(name);
    if (d == null && counted.getJsonObject("defences") != null) {
      d = counted.getJsonObject("defences").getJsonObject(name);
    }
    assertThat(d).as(name + " in " + counted.encode()).isNotNull();
    return d;
  }
}
