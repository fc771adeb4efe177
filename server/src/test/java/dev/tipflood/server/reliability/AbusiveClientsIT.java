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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
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
 * where they were. The profile's timeouts are short (the idle timeout the smallest allowed), so the test is quick.
 */
class AbusiveClientsIT {
  static final String PROFILE = """
      name: abuse
      ingress:
        maxConnections: 12000
        idleTimeout: 2s
        slowBodyTimeout: 1s
        slowBodyMinBytes: 1KB
        headerTimeout: 1s
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
    trickleUntilAnswered(abusers, second -> "-");
    assertEachShedWith(abusers, "body_timeout");
    assertHonestServed("slowloris", honest);
    assertResourcesFreed(before);
  }

  @Test
  void slowlorisSendingTheHeadersAtOneBytePerSecondIsShed() throws Exception {
    Baseline before = baseline();
    CompletableFuture<HonestClient.Served> honest = HonestClient.start(server.port(), HONEST_TIPS);
    // ingress.headerTimeout (1 s) is shorter than the idle timeout (2 s), so a 408 header_timeout
    // shows the deadline shed them. (Vert.x's idle timer sits behind the HTTP decoder and sees a
    // partial head as silence: without the deadline they would be closed unanswered at 2 s.)
    String head = "POST /api/v1/tips HTTP/1.1\r\nHost: x\r\nX-Slow: " + "s".repeat(40);
    List<RawHttp> abusers = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      RawHttp a = new RawHttp(server.port());
      a.send(head.substring(0, 1)); // a first byte at once: a partial head, not a silent connection
      abusers.add(a);
    }
    trickleUntilAnswered(abusers, second -> head.substring(second + 1, second + 2));
    assertEachShedWith(abusers, "header_timeout");
    assertHonestServed("header slowloris", honest);
    assertResourcesFreed(before);
  }

  /**
   * A byte a second to each abuser, until every one has its answer (stop writing then: writing on
   * after the server closed would reset the connection and lose the answer). Bounded: 15 s.
   */
  private static void trickleUntilAnswered(List<RawHttp> abusers, IntFunction<String> byteAt) {
    Set<RawHttp> answered = new HashSet<>();
    int[] second = {0};
    // Awaitility's poll is the abuser's pace (a byte a second), not a timing assertion.
    await("every abuser answered or 15 bytes sent").atMost(Duration.ofSeconds(30))
        .pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(1)).until(() -> {
          for (RawHttp a : abusers) {
            if (answered.contains(a) || a.answered()) {
              answered.add(a);
            } else {
              a.trySend(byteAt.apply(second[0]));
            }
          }
          second[0]++;
          return answered.size() == abusers.size() || second[0] == 15;
        });
  }

  private static void assertEachShedWith(List<RawHttp> abusers, String errorCode) throws IOException {
    for (RawHttp a : abusers) {
      RawHttp.Response r = a.read();
      assertThat(r.status()).as(r.body()).isEqualTo(408);
      assertThat(r.errorCode()).isEqualTo(errorCode);
      assertThat(a.closedByServer()).isTrue();
      a.close();
    }
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
      // They never send a request: ingress.headerTimeout (1s) sheds them all, silently.
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
    // The flood has a client of its own. Sent through the client that then polls /metrics, its
    // ~200 pooled connections were reused in turn (the JDK pool is first-in first-out), each
    // sooner than the 2 s idle timeout for as many as fit in 2 s of polling: 9 admin sockets
    // stayed ESTABLISHED on the server, held open by the test itself, not leaked by the server.
    HttpClient flooder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    List<CompletableFuture<HttpResponse<Void>>> flood = new ArrayList<>();
    for (int i = 0; i < 4_000; i++) {
      flood.add(flooder.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.adminPort()
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

  private record Baseline(int connections, SortedMap<String, Long> fdKinds) {
    long fds() {
      return fdKinds.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  private Baseline baseline() throws Exception {
    await().atMost(Duration.ofSeconds(30)).until(() -> openConnections() == 0);
    return new Baseline(0, serverFdKinds());
  }

  private static void assertHonestServed(String abuse, CompletableFuture<HonestClient.Served> honest) throws Exception {
    HonestClient.Served served = honest.get(120, TimeUnit.SECONDS);
    System.out.println("abusive-clients: " + abuse + ": honest client " + served);
    assertThat(served.acknowledged()).as("honest tips acknowledged during %s", abuse).isEqualTo(served.sent());
    assertThat(served.p99Millis()).as("honest p99 during %s", abuse).isLessThan(P99_LIMIT_MILLIS);
  }

  private void assertResourcesFreed(Baseline before) throws IOException {
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      assertThat(openConnections()).as("open public connections").isLessThanOrEqualTo(before.connections());
      assertThat(tcpSockets(serverFdKinds())).as("server TCP sockets, public and admin; new since the baseline: %s",
          newFds(before)).isLessThanOrEqualTo(tcpSockets(before.fdKinds()));
      // Sockets exactly; a little slack for the rest: the JVM opens files of its own (jars, GC logs) now and then.
      assertThat(serverFds()).as("server file descriptors; new since the baseline: %s", newFds(before))
          .isLessThanOrEqualTo(before.fds() + 8);
    });
    System.out.println("abusive-clients: server fds " + before.fds() + " before, " + serverFds() + " after; new: " + newFds(before));
  }

  /** The fds the server holds now beyond the baseline, by kind: what a failed resource check names. */
  private static Map<String, Long> newFds(Baseline before) throws IOException {
    Map<String, Long> added = new TreeMap<>();
    serverFdKinds().forEach((kind, n) -> {
      long more = n - before.fdKinds().getOrDefault(kind, 0L);
      if (more > 0) {
        added.put(kind, more);
      }
    });
    return added;
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

  /**
   * The server's open fds by kind: a TCP socket as its port (public, admin or other) and state, a
   * pipe, an anonymous inode ({@code anon_inode:[eventpoll]}...), a file's path.
   */
  private static SortedMap<String, Long> serverFdKinds() throws IOException {
    Map<String, String> tcp = tcpSocketsByInode();
    SortedMap<String, Long> kinds = new TreeMap<>();
    try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(server.pid()), "fd"))) {
      for (Path fd : (Iterable<Path>) fds::iterator) {
        String target;
        try {
          target = Files.readSymbolicLink(fd).toString();
        } catch (IOException closedMeanwhile) {
          continue;
        }
        Matcher inode = SOCKET_OR_PIPE.matcher(target);
        if (inode.matches()) {
          target = inode.group(1).equals("socket") ? tcp.getOrDefault(inode.group(2), "socket (not TCP)") : "pipe";
        }
        kinds.merge(target, 1L, Long::sum);
      }
    }
    return kinds;
  }

  private static long tcpSockets(Map<String, Long> fdKinds) {
    return fdKinds.entrySet().stream().filter(e -> e.getKey().startsWith("tcp ")).mapToLong(Map.Entry::getValue).sum();
  }

  private static final Pattern SOCKET_OR_PIPE = Pattern.compile("^(socket|pipe):\\[(\\d+)]$");
  private static final Map<String, String> TCP_STATES = Map.of("01", "ESTABLISHED", "06", "TIME_WAIT",
      "07", "CLOSE", "08", "CLOSE_WAIT", "09", "LAST_ACK", "0A", "LISTEN", "0B", "CLOSING", "04", "FIN_WAIT1", "05", "FIN_WAIT2");

  /** The server's TCP sockets by inode, as "tcp <port> <state>" from /proc/PID/net/tcp and tcp6. */
  private static Map<String, String> tcpSocketsByInode() throws IOException {
    Map<String, String> byInode = new java.util.HashMap<>();
    for (String table : List.of("tcp", "tcp6")) {
      Path file = Path.of("/proc", Long.toString(server.pid()), "net", table);
      if (!Files.exists(file)) {
        continue;
      }
      List<String> lines = Files.readAllLines(file);
      for (String line : lines.subList(1, lines.size())) {
        String[] f = line.trim().split("\\s+");
        int localPort = Integer.parseInt(f[1].substring(f[1].indexOf(':') + 1), 16);
        String port = localPort == server.port() ? "public" : localPort == server.adminPort() ? "admin" : "other";
        byInode.put(f[9], "tcp " + port + " " + TCP_STATES.getOrDefault(f[3], f[3]));
      }
    }
    return byInode;
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
