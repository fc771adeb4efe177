package dev.tipflood.server.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.management.UnixOperatingSystemMXBean;
import dev.tipflood.server.testing.Multipart;
import dev.tipflood.server.testing.RawHttp;
import dev.tipflood.server.testing.ServerProcess;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Abusive clients on real loopback sockets against the server jar as its own process. In each
 * case the server sheds the abuser, keeps serving an honest client (every tip acknowledged, p99
 * under 2 s, measured with HdrHistogram), and frees what the abuser held: its connections
 * ({@code tipflood_connections_open}) and file descriptors ({@code /proc/<pid>/fd}) return to
 * where they were. The profile's timeouts are the smallest allowed, so the test is quick.
 */
class AbusiveClientsIT {
  static final String PROFILE = """
      name: abuse
      ingress:
        maxConnections: 12000
        idleTimeout: 2s
        slowBodyTimeout: 1s
        slowBodyMinBytes: 1KB
      """;
  private static final String TOKEN = "abuse-token";
  private static final int HONEST_TIPS = 60;
  private static final long P99_LIMIT_MILLIS = 2_000;
  private static final Pattern OPEN = Pattern.compile("(?m)^tipflood_connections_open(?:\\{[^}]*})? ([0-9.]+)$");

  @TempDir
  static Path dir;
  static ServerProcess server;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @BeforeAll
  static void start() throws IOException {
    Path profile = Files.writeString(dir.resolve("abuse.yaml"), PROFILE);
    server = ServerProcess.start(dir.resolve("data"), profile.toString(), TOKEN);
  }

  @AfterAll
  static void stop() throws InterruptedException {
    server.close();
  }

  @Test
  void slowlorisSendingTheBodyAtOneBytePerSecondIsShed() throws Exception {
    Baseline before = baseline();
    CompletableFuture<HonestClient.Served> honest = HonestClient.start(server.port(), HONEST_TIPS);
    List<RawHttp> abusers = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      RawHttp a = new RawHttp(server.port());
      a.send(new Multipart().head(5_000)); // headers at once, then the body a byte a second
      abusers.add(a);
    }
    // A byte a second to each abuser, until every one has its answer (stop writing then: writing
    // on after the server closed would reset the connection and lose the answer). Bounded: 15 s.
    java.util.Set<RawHttp> answered = new java.util.HashSet<>();
    for (int second = 0; second < 15 && answered.size() < abusers.size(); second++) {
      for (RawHttp a : abusers) {
        if (answered.contains(a) || a.answered()) {
          answered.add(a);
        } else {
          a.trySend("-");
        }
      }
      Thread.sleep(1_000); // the abuser's pace, not a timing assertion
    }
    for (RawHttp a : abusers) {
      RawHttp.Response r = a.read();
      assertThat(r.status()).as(r.body()).isEqualTo(408);
      assertThat(r.errorCode()).isEqualTo("body_timeout");
      assertThat(a.closedByServer()).isTrue();
      a.close();
    }
    assertHonestServed("slowloris", honest);
    assertResourcesFreed(before);
  }

  @Test
  void aClientThatNeverReadsItsResponsesIsShed() throws Exception {
    Baseline before = baseline();
    CompletableFuture<HonestClient.Served> honest = HonestClient.start(server.port(), HONEST_TIPS);
    // 100k pipelined requests whose answers (~10 MB) overflow the socket buffers; nothing is ever read.
    String get = "GET /api/v1/tips/00000000000000000000000000 HTTP/1.1\r\nHost: x\r\n\r\n";
    byte[] burst = get.repeat(1_000).getBytes(StandardCharsets.ISO_8859_1);
    try (Socket abuser = new Socket()) {
      abuser.setReceiveBufferSize(4096);
      abuser.connect(new java.net.InetSocketAddress("127.0.0.1", server.port()));
      abuser.setSoTimeout(5_000);
      OutputStream out = abuser.getOutputStream();
      try {
        for (int i = 0; i < 100; i++) {
          out.write(burst);
        }
      } catch (IOException stalled) {
        // the server stopped reading from a client that does not read: that is the point
      }
      assertHonestServed("never-reads", honest);
      await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(openConnections()).isLessThanOrEqualTo(before.connections()));
    }
    assertResourcesFreed(before);
  }

  @Test
  void tenThousandIdleConnectionsAreClosedAndTheHonestClientIsServed() throws Exception {
    Baseline before = baseline();
    int idle = idleConnectionsThisJvmCanOpen(10_000);
    CompletableFuture<HonestClient.Served> honest = HonestClient.start(server.port(), HONEST_TIPS);
    List<Socket> abusers = new ArrayList<>(idle);
    try {
      int peak = 0;
      for (int i = 0; i < idle; i++) {
        abusers.add(new Socket("127.0.0.1", server.port()));
        if (i % 1000 == 999) {
          peak = Math.max(peak, openConnections());
        }
      }
      System.out.println("abusive-clients: " + idle + " idle connections opened, server held up to " + peak + " at once");
      assertHonestServed(idle + " idle connections", honest);
      // ingress.idleTimeout (2s) sheds them all.
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(openConnections()).isLessThanOrEqualTo(before.connections()));
    } finally {
      for (Socket s : abusers) {
        s.close();
      }
    }
    assertResourcesFreed(before);
  }

  @Test
  void smugglingAttemptsAreRefusedAndTheConnectionClosed() throws Exception {
    Baseline before = baseline();
    CompletableFuture<HonestClient.Served> honest = HonestClient.start(server.port(), HONEST_TIPS);
    String smuggled = "GET /api/v1/tips/00000000000000000000000001 HTTP/1.1\r\nHost: x\r\n\r\n";
    List<String> attempts = List.of(
        // CL.TE: a front end that trusts Content-Length forwards the smuggled GET as body.
        "POST /api/v1/tips HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=b\r\n"
            + "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n" + smuggled,
        // TE.CL
        "POST /api/v1/tips HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=b\r\n"
            + "Transfer-Encoding: chunked\r\nContent-Length: 60\r\n\r\n0\r\n\r\n" + smuggled,
        // two Content-Lengths that disagree
        "POST /api/v1/tips HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=b\r\n"
            + "Content-Length: 0\r\nContent-Length: 62\r\n\r\n" + smuggled,
        // an obsolete folded header line (RFC 9112 5.2: reject or replace with spaces)
        "POST /api/v1/tips HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data;\r\n boundary=b\r\n"
            + "Content-Length: 0\r\nTransfer-Encoding:\r\n chunked\r\n\r\n0\r\n\r\n" + smuggled);
    for (String attempt : attempts) {
      try (RawHttp abuser = new RawHttp(server.port())) {
        RawHttp.Response r = abuser.send(attempt).read();
        assertThat(r.status()).as("%s%n-> %s", attempt, r.body()).isEqualTo(400);
        assertThat(abuser.closedByServer()).as("the connection is closed, never answering the smuggled GET: %s", attempt).isTrue();
      }
    }
    assertHonestServed("smuggling", honest);
    assertResourcesFreed(before);
  }

  @Test
  void aFloodOfAdminRequestsWithoutATokenIsRefusedCheaply() throws Exception {
    Baseline before = baseline();
    CompletableFuture<HonestClient.Served> honest = HonestClient.start(server.port(), HONEST_TIPS);
    int refused = 0;
    List<CompletableFuture<HttpResponse<Void>>> flood = new ArrayList<>();
    for (int i = 0; i < 4_000; i++) {
      flood.add(http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.adminPort()
          + (i % 2 == 0 ? "/metrics" : "/defences"))).header("Authorization", i % 4 == 1 ? "Bearer wrong" : "Basic x")
          .build(), HttpResponse.BodyHandlers.discarding()));
      if (flood.size() == 200) {
        refused += drain(flood);
      }
    }
    refused += drain(flood);
    assertThat(refused).isEqualTo(4_000);
    assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.adminPort() + "/health"))
        .build(), HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
    assertHonestServed("admin flood", honest);
    assertResourcesFreed(before);
  }

  private static int drain(List<CompletableFuture<HttpResponse<Void>>> flood) {
    int refused = 0;
    for (CompletableFuture<HttpResponse<Void>> f : flood) {
      int status = f.join().statusCode();
      if (status == 401 || status == 403) {
        refused++;
      }
    }
    flood.clear();
    return refused;
  }

  // ---- what every case checks

  private record Baseline(int connections, long fds) {}

  private Baseline baseline() throws Exception {
    await().atMost(Duration.ofSeconds(30)).until(() -> openConnections() == 0);
    return new Baseline(0, serverFds());
  }

  private static void assertHonestServed(String abuse, CompletableFuture<HonestClient.Served> honest) throws Exception {
    HonestClient.Served served = honest.get(120, TimeUnit.SECONDS);
    System.out.println("abusive-clients: " + abuse + ": honest client " + served);
    assertThat(served.acknowledged()).as("honest tips acknowledged during %s", abuse).isEqualTo(served.sent());
    assertThat(served.p99Millis()).as("honest p99 during %s", abuse).isLessThan(P99_LIMIT_MILLIS);
  }

  private void assertResourcesFreed(Baseline before) {
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      assertThat(openConnections()).as("open public connections").isLessThanOrEqualTo(before.connections());
      // A little slack: the JVM opens files of its own (jars, GC logs) now and then.
      assertThat(serverFds()).as("server file descriptors").isLessThanOrEqualTo(before.fds() + 8);
    });
  }

  private int openConnections() throws IOException, InterruptedException {
    String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.adminPort() + "/metrics"))
        .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString()).body();
    Matcher m = OPEN.matcher(metrics);
    assertThat(m.find()).as("tipflood_connections_open on /metrics").isTrue();
    return (int) Double.parseDouble(m.group(1));
  }

  private static long serverFds() throws IOException {
    try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(server.pid()), "fd"))) {
      return fds.count();
    }
  }

  /** {@code wanted}, or fewer (with a message) when this JVM's file-descriptor limit would not allow it. */
  private static int idleConnectionsThisJvmCanOpen(int wanted) {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean os) {
      long room = os.getMaxFileDescriptorCount() - os.getOpenFileDescriptorCount() - 1_000;
      if (room < wanted) {
        System.out.println("abusive-clients: ulimit -n is " + os.getMaxFileDescriptorCount() + ": opening "
            + Math.max(100, room) + " idle connections instead of " + wanted);
        return (int) Math.max(100, room);
      }
    }
    return wanted;
  }
}
