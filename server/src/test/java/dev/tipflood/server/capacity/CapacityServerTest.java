package dev.tipflood.server.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tipflood.server.ServerSettings;
import dev.tipflood.server.TipfloodServer;
import dev.tipflood.server.config.ProfileLoader;
import dev.tipflood.server.storage.JournalTipStore;
import dev.tipflood.server.tip.TipId;
import dev.tipflood.server.tip.TipMetadata;
import dev.tipflood.server.tip.TipRecord;
import dev.tipflood.server.tip.TipStatus;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The capacity model and the measurement plane inside a real server on ephemeral loopback ports. */
class CapacityServerTest {

  private static final String BOUNDARY = "capacityBoundary42";
  private static final String METADATA =
      "{\"description\":\"fancam\",\"lat\":32.78,\"lon\":-96.80,\"occurredAt\":\"2020-05-31T18:04:05Z\","
          + "\"deviceId\":\"device-7\"}";
  private static final String PIPELINE = """
      processing:
        workers: 2
        costPerMb: {photo: 10ms}
      review:
        reviewers: 1
        perPhoto: 100ms
        perVideoMinute: 1s
      """;

  @TempDir Path dataDir;
  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  private TipfloodServer server;
  private CapacityWiring capacity;

  private void start(String yaml) {
    capacity = new CapacityWiring();
    var profile = ProfileLoader.parse(("name: t\n" + yaml).getBytes(StandardCharsets.UTF_8), "t.yaml");
    server = TipfloodServer.start(ServerSettings.loopback(dataDir, profile, "tok"), capacity, note -> { })
        .toCompletionStage().toCompletableFuture().join();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close().toCompletionStage().toCompletableFuture().join();
    }
  }

  @Test
  void theTimelineCountsOpenPublicConnectionsButNotTheAdminPorts() throws Exception {
    start(PIPELINE);
    assertThat(at(capacity.measurement().timeline().sample(), "connections", "open")).isEqualTo(0L);
    try (Socket a = new Socket("127.0.0.1", server.publicPort());
        Socket b = new Socket("127.0.0.1", server.publicPort())) {
      // Two slow uploads, each in the middle of its body.
      for (Socket s : List.of(a, b)) {
        s.getOutputStream().write(("POST /api/v1/tips HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; "
            + "boundary=" + BOUNDARY + "\r\nContent-Length: 100000\r\n\r\n--" + BOUNDARY + "\r\n")
            .getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
      }
      await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
          assertThat(at(capacity.measurement().timeline().sample(), "connections", "open")).isEqualTo(2L));
      // An admin connection: not counted.
      assertThat(admin("/metrics").body()).contains("tipflood_connections_open 2.0");
      assertThat(at(capacity.measurement().timeline().sample(), "connections", "open")).isEqualTo(2L);
      a.close();
      await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
          assertThat(at(capacity.measurement().timeline().sample(), "connections", "open")).isEqualTo(1L));
    }
  }

  @Test
  void labelledTipIsReviewedScoredAndMeasured() throws Exception {
    start(PIPELINE);
    HttpResponse<String> created = post(photo(40_000), true, "junk");
    assertThat(created.statusCode()).isEqualTo(201);
    String id = created.headers().firstValue("location").orElseThrow().replace("/api/v1/tips/", "");

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(get("/api/v1/tips/" + id).body()).contains("\"status\":\"reviewed\"", "\"verdict\":\"junk\""));

    Map<String, Object> sample = capacity.measurement().timeline().sample();
    assertThat(at(sample, "reviewed", "junk", "total")).isEqualTo(1L);
    assertThat(at(sample, "storage", "byTruth", "junk")).isEqualTo(40_000L);
    assertThat(at(sample, "stages", "review", "departed")).isEqualTo(1L);
    assertThat(admin("/measure/histograms").body())
        .contains("Tag=pop=fans;ep=tips.post;out=201,")
        .contains("Tag=pop=fans;ep=tips.get;out=200,");
    assertThat(admin("/measure/timeline?since=0").headers().firstValue("content-type"))
        .contains("application/x-ndjson");
    String metrics = admin("/metrics").body();
    assertThat(metrics).contains("tipflood_review_reviewed_total{truth=\"junk\"} 1.0");
    // The tip, then its pipeline statuses and review: several records, each in some commit.
    assertThat(metric(metrics, "tipflood_journal_records_total")).isGreaterThanOrEqualTo(3);
    assertThat(metric(metrics, "tipflood_journal_commits_total")).isBetween(1.0, metric(metrics,
        "tipflood_journal_records_total"));
    assertThat(metric(metrics, "tipflood_journal_fsync_seconds_total")).isPositive();
  }

  private static double metric(String prometheusText, String name) {
    return prometheusText.lines().filter(l -> l.startsWith(name + " ")).mapToDouble(l -> Double.parseDouble(
        l.substring(name.length() + 1).trim())).findFirst().orElseThrow(() -> new AssertionError(name + " missing"));
  }

  @Test
  void badTruthHeaderIsRefusedWithItsName() throws Exception {
    start(PIPELINE);
    HttpResponse<String> refused = http.send(
        multipart(photo(10), true).header("X-Tipflood-Truth", "fancam").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("truth_header_invalid", "X-Tipflood-Truth must be legit or junk");
  }

  @Test
  void fullQuotaAnswers507AndGivesPartialBytesBack() throws Exception {
    start("storage: {quota: 100KB}\n");
    HttpResponse<String> declared = post(photo(150_000), true, "junk");
    assertThat(declared.statusCode()).isEqualTo(507);
    assertThat(declared.body()).contains("storage_quota_exceeded");

    HttpResponse<String> chunked = post(photo(150_000), false, "junk");
    assertThat(chunked.statusCode()).isEqualTo(507);

    assertThat(post(photo(60_000), true, "legit").statusCode()).isEqualTo(201);
    Map<String, Object> sample = capacity.measurement().timeline().sample();
    assertThat(at(sample, "storage", "usedBytes")).isEqualTo(60_000L);
    assertThat(at(sample, "storage", "refusals")).isEqualTo(2L);
    await().atMost(Duration.ofSeconds(5)).until(() -> tempFiles() == 0);
  }

  @Test
  void bandwidthBoundsTheUploadRate() throws Exception {
    start("storage: {bandwidth: 256KB/s}\n");
    long started = System.nanoTime();
    assertThat(post(photo(512 * 1024), true, "legit").statusCode()).isEqualTo(201);
    double seconds = (System.nanoTime() - started) / 1e9;
    // a lower bound only: 512KB through 256KB/s cannot take less than about 2 s, minus one tick of credit
    assertThat(seconds).isGreaterThan(1.5);
  }

  @Test
  void tipsLeftUnfinishedByARestartAreReviewedAfterIt() {
    var md = new TipMetadata("fancam", 32.78, -96.80, Instant.EPOCH, "device-7");
    var tip = TipRecord.received(TipId.next(1), Instant.EPOCH,
        md, List.of());
    try (var store = JournalTipStore.open(dataDir, w -> { })) {
      store.append(tip).toCompletableFuture().join();
      store.updateStatus(tip.id(), TipStatus.AWAITING_REVIEW).toCompletableFuture().join();
    }
    start(PIPELINE);
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(server.components().tips().find(tip.id()).orElseThrow().status())
            .isEqualTo(TipStatus.REVIEWED));
  }

  @Test
  void throttledUploadIsNotTimedOutAsASlowClient() throws Exception {
    // The client sends as fast as it can; only the server's bandwidth pauses hold it back, each
    // far longer than the slow-body timeout. That is not the client's slowness: no 408.
    start("storage: {bandwidth: 16KB/s}\ningress: {slowBodyTimeout: 200ms}\n");
    HttpResponse<String> created = post(photo(48 * 1024), true, "legit");
    assertThat(created.body()).doesNotContain("body_timeout");
    assertThat(created.statusCode()).isEqualTo(201);
  }

  @Test
  void fullBoundedProcessingQueueRefusesBeforeReadingTheBody() throws Exception {
    start(PIPELINE.replace("workers: 2", "workers: 1")
        .replace("photo: 10ms}", "photo: 10m}\n  queue: {discipline: fifo, bound: 1}"));
    await().untilAsserted(() -> assertThat(admin("/ready").statusCode()).isEqualTo(200));
    assertThat(post(photo(1024 * 1024), true, "legit").statusCode()).isEqualTo(201);
    await().untilAsserted(() ->
        assertThat(at(capacity.measurement().timeline().sample(), "stages", "processing")).asString().contains("inService=1"));
    assertThat(post(photo(1024 * 1024), true, "legit").statusCode()).isEqualTo(201);
    await().untilAsserted(() ->
        assertThat(at(capacity.measurement().timeline().sample(), "stages", "processing")).asString().contains("queued=1"));

    HttpResponse<String> refused = post(photo(1024 * 1024), true, "legit");
    assertThat(refused.statusCode()).isEqualTo(503);
    assertThat(refused.body()).contains("overloaded", "processing.queue.bound");
    assertThat(refused.headers().firstValue("retry-after")).isPresent();

    // Readiness says the same: do not send traffic here. Liveness is not affected.
    await().untilAsserted(() -> {
      HttpResponse<String> ready = admin("/ready");
      assertThat(ready.statusCode()).isEqualTo(503);
      assertThat(new JsonObject(ready.body()).getJsonArray("failing")).contains("processingQueue");
    });
    assertThat(admin("/health").statusCode()).isEqualTo(200);
  }

  @Test
  void anOutOfMemoryErrorEscapingAHandlerFailsLivenessForGood() throws Exception {
    start(PIPELINE);
    assertThat(admin("/health").statusCode()).isEqualTo(200);

    server.components().vertx().runOnContext(v -> {
      throw new OutOfMemoryError("Java heap space (thrown by the test)");
    });

    await().untilAsserted(() -> {
      HttpResponse<String> health = admin("/health");
      assertThat(health.statusCode()).isEqualTo(503);
      assertThat(new JsonObject(health.body()).getJsonArray("failing")).containsExactly("outOfMemory");
    });
    assertThat(new JsonObject(admin("/ready").body()).getJsonArray("failing")).contains("outOfMemory");
  }

  @Test
  void brokenJournalFailsReadinessAndLiveness() throws Exception {
    start(PIPELINE);
    await().untilAsserted(() -> assertThat(admin("/ready").statusCode()).isEqualTo(200));
    assertThat(admin("/health").statusCode()).isEqualTo(200);

    server.components().tips().close();

    HttpResponse<String> ready = admin("/ready");
    assertThat(ready.statusCode()).isEqualTo(503);
    assertThat(new JsonObject(ready.body()).getJsonArray("failing")).contains("journal");
    HttpResponse<String> health = admin("/health");
    assertThat(health.statusCode()).isEqualTo(503);
    assertThat(new JsonObject(health.body()).getJsonArray("failing")).contains("journal");
  }

  private long tempFiles() throws Exception {
    try (Stream<Path> files = Files.walk(server.components().media().tempDir())) {
      return files.filter(Files::isRegularFile).count();
    }
  }

  @SuppressWarnings("unchecked")
  private static Object at(Map<String, Object> sample, String... path) {
    Object node = sample;
    for (String key : path) {
      node = ((Map<String, Object>) node).get(key);
    }
    return node;
  }

  private static byte[] photo(int size) {
    byte[] b = new byte[size];
    for (int i = 0; i < size; i++) {
      b[i] = (byte) (i * 31);
    }
    return b;
  }

  private HttpResponse<String> post(byte[] media, boolean withLength, String truth) throws Exception {
    return http.send(multipart(media, withLength)
        .header("X-Tipflood-Truth", truth)
        .header("X-Tipflood-Population", "fans")
        .header("X-Tipflood-Seq", "1")
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder multipart(byte[] media, boolean withLength) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"metadata\"\r\n"
        + "Content-Type: application/json\r\n\r\n" + METADATA + "\r\n--" + BOUNDARY
        + "\r\nContent-Disposition: form-data; name=\"media\"; filename=\"cam.jpg\"\r\n"
        + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(media);
    body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
    byte[] bytes = body.toByteArray();
    HttpRequest.BodyPublisher publisher = withLength
        ? HttpRequest.BodyPublishers.ofByteArray(bytes)
        : HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes));
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.publicPort() + "/api/v1/tips"))
        .timeout(Duration.ofSeconds(20))
        .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
        .POST(publisher);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.publicPort() + path))
        .header("X-Tipflood-Truth", "junk").header("X-Tipflood-Population", "fans").header("X-Tipflood-Seq", "1")
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> admin(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.adminPort() + path))
        .header("Authorization", "Bearer tok").build(), HttpResponse.BodyHandlers.ofString());
  }
}
