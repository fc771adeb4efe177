import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The collapse demonstration: starts a tipflood server as its own JVM with its profile's heap,
 * floods it on loopback with large uploads (bounded in count and time), and watches it from the
 * outside: heap and GC time with jstat, liveness (/health) and readiness (/ready) on the admin port
 * with kubelet-style probes (every 1 s, 1 s timeout, 3 failures in a row), and the outcome of
 * every request. Prints one line per second and a summary: time to collapse, peak heap, what
 * failed first, when each probe first failed and when it crossed its failure threshold. Times are
 * seconds since the flood started; a signal that needs several samples in a row (GC thrash, a
 * failed probe) is dated from the first of them.
 *
 * <p>Run with {@code java CollapseDemo.java <jar> <profile> [seconds] [maxRequests] [concurrency] [uploadMB]}.
 */
public final class CollapseDemo {

  static final String TOKEN = "collapse-demo";
  /** Kubelet defaults a demo would set for a latency-sensitive service: periodSeconds 1, timeoutSeconds 1. */
  static final Duration PROBE_PERIOD = Duration.ofSeconds(1);
  static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);
  static final Pattern LAG = Pattern.compile("\"name\":\"eventLoopLag\",\"status\":\"\\w+\",\"value\":([0-9.]+)");
  /** failureThreshold: this many failed probes in a row fail the probe. */
  static final int FAILURE_THRESHOLD = 3;
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
  /** GC thrash: at least half of the wall time in GC, over six 0.5 s jstat samples in a row. */
  static final double GC_THRASH = 0.5;
  static final int GC_THRASH_SAMPLES = 6;

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: java CollapseDemo.java <tipflood-server.jar> <profile> [seconds=45] "
          + "[maxRequests=400] [concurrency=48] [uploadMB=16]");
      System.exit(2);
    }
    Path jar = Path.of(args[0]);
    String profile = args[1];
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 45;
    int maxRequests = args.length > 3 ? Integer.parseInt(args[3]) : 400;
    int concurrency = args.length > 4 ? Integer.parseInt(args[4]) : 48;
    int uploadMb = args.length > 5 ? Integer.parseInt(args[5]) : 16;
    System.exit(new CollapseDemo().run(jar, profile, seconds, maxRequests, concurrency, uploadMb));
  }

  private final long t0 = System.nanoTime();
  private final AtomicReference<String> firstFailure = new AtomicReference<>();
  /** When each collapse signal was first seen, in seconds since start. */
  private final ConcurrentHashMap<String, Double> signals = new ConcurrentHashMap<>();
  private final Probe liveness = new Probe("/health");
  private final Probe readiness = new Probe("/ready");
  private final AtomicLong ok = new AtomicLong();
  private final AtomicLong timeouts = new AtomicLong();
  private final AtomicLong resets = new AtomicLong();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final ConcurrentHashMap<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
  private volatile double heapMb;
  private volatile double peakHeapMb;
  private volatile double heapCapacityMb;
  private volatile double gcFraction;
  private volatile double maxGcFraction;
  private volatile boolean serverDied;
  private volatile double lastAccepted = -1;
  private volatile double floodStart;
  private volatile boolean finished;
  private Path serverLog;

  int run(Path jar, String profile, int seconds, int maxRequests, int concurrency, int uploadMb) throws Exception {
    String heap = heapOf(jar, profile);
    Path data = Files.createTempDirectory("tipflood-collapse-");
    List<String> command = new ArrayList<>(List.of("java", "-Xmx" + heap));
    // Extra server JVM options for experiments, e.g. -Dcollapse.jvmArgs=-XX:+UseSerialGC (a small container's default)
    String extra = System.getProperty("collapse.jvmArgs", "").trim();
    if (!extra.isEmpty()) {
      command.addAll(List.of(extra.split("\\s+")));
    }
    command.addAll(List.of("-jar", jar.toString(), "--profile", profile, "--port", "0", "--admin-port", "0",
        "--data-dir", data.toString(), "--admin-token", TOKEN));
    Process server = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      serverLog = Path.of(System.getProperty("java.io.tmpdir"), "tipflood-collapse-" + profile + "-server.log");
      int[] ports = awaitPorts(server);
      System.out.printf(Locale.ROOT, "jvm: %s%n", String.join(" ", command.subList(0, command.indexOf("-jar"))));
      System.out.printf(Locale.ROOT, "profile=%s heap=%s pid=%d public=%d admin=%d flood: %d x %dMB uploads, "
          + "%d concurrent, at most %ds%n", profile, heap, server.pid(), ports[0], ports[1], maxRequests, uploadMb,
          concurrency, seconds);
      Thread jstat = watchHeap(server.pid());
      Thread live = liveness.start(ports[1], seconds + 35);
      Thread ready = readiness.start(ports[1], seconds + 35);
      for (int i = 0; i < 300 && !(liveness.everOk && readiness.everOk); i++) {
        Thread.sleep(100);
      }
      floodStart = now();
      System.out.printf(Locale.ROOT, "  baseline: /health answers in %s, /ready in %s; flood starts at %.1fs%n",
          liveness.last, readiness.last, floodStart);
      CountDownLatch done = flood(ports[0], seconds, maxRequests, concurrency, uploadMb * 1024L * 1024);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
      System.out.println("   t  heapMB  gc%   /health   /ready                        lag      ok  timeout  reset  5xx/4xx  inflight");
      while (System.nanoTime() < deadline && done.getCount() > 0) {
        Thread.sleep(1000);
        printRow();
        if (!server.isAlive() && !serverDied) {
          serverDied = true;
          signal("serverExited");
          fail("server process exited with code " + server.exitValue());
        }
      }
      printRow();
      finished = true;
      live.interrupt();
      ready.interrupt();
      jstat.interrupt();
      summary(profile, heap);
      return 0;
    } finally {
      server.destroy();
      if (!server.waitFor(10, TimeUnit.SECONDS)) {
        server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      deleteTree(data);
    }
  }

  private double now() {
    return (System.nanoTime() - t0) / 1e9;
  }

  /** Seconds since the flood started: every time the demo reports is on this scale. */
  private double sinceFlood() {
    return now() - floodStart;
  }

  private void signal(String name) {
    signalAt(name, sinceFlood());
  }

  /** Records a collapse signal that began at {@code at} (seconds since the flood started). */
  private void signalAt(String name, double at) {
    if (finished) {
      return;
    }
    if (signals.putIfAbsent(name, at) == null) {
      System.out.printf(Locale.ROOT, "  signal: %s at %.1fs%n", name, signals.get(name));
    }
  }

  private void fail(String what) {
    if (finished) {
      return; // the demo is tearing the server down: not the server's failure
    }
    if (firstFailure.compareAndSet(null, String.format(Locale.ROOT, "%s at %.1fs", what, sinceFlood()))) {
      System.out.println("  first failure: " + firstFailure.get());
    }
  }

  private static String heapOf(Path jar, String profile) throws Exception {
    Process p = new ProcessBuilder("java", "-jar", jar.toString(), "--profile", profile, "--print-profile").start();
    String json = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException("--print-profile failed: " + new String(p.getErrorStream().readAllBytes()));
    }
    Matcher m = Pattern.compile("\"heap\"\\s*:\\s*\"(\\d+)(MB|GB)\"").matcher(json);
    if (!m.find()) {
      throw new IllegalStateException("no jvm.heap in the profile: " + json);
    }
    return m.group(1) + (m.group(2).equals("GB") ? "g" : "m");
  }

  private int[] awaitPorts(Process server) throws Exception {
    BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
    Pattern listening = Pattern.compile("tipflood-server listening public=(\\d+) admin=(\\d+)");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    String line;
    while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
      Matcher m = listening.matcher(line);
      if (m.find()) {
        drainLog(out);
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
      }
    }
    throw new IllegalStateException("the server did not start");
  }

  /** Keeps reading the server's output; an OutOfMemoryError there is a failure in its own right. */
  private void drainLog(BufferedReader out) {
    Thread t = new Thread(() -> {
      try (var log = Files.newBufferedWriter(serverLog, StandardCharsets.UTF_8)) {
        for (String line; (line = out.readLine()) != null; ) {
          log.write(line);
          log.newLine();
          log.flush();
          if (line.contains("OutOfMemoryError")) {
            signal("outOfMemoryError");
            fail("server logged java.lang.OutOfMemoryError");
          }
        }
      } catch (IOException e) {
        // the server is gone; the main loop reports its exit
      }
    }, "server-log");
    t.setDaemon(true);
    t.start();
  }

  private Thread watchHeap(long pid) {
    Thread t = new Thread(() -> {
      try {
        Process jstat = new ProcessBuilder("jstat", "-gc", Long.toString(pid), "500").redirectErrorStream(true).start();
        BufferedReader in = new BufferedReader(new InputStreamReader(jstat.getInputStream(), StandardCharsets.UTF_8));
        String[] header = null;
        double lastGct = -1;
        int thrashing = 0;
        double thrashFrom = 0;
        long lastAt = System.nanoTime();
        try {
          for (String line; !Thread.currentThread().isInterrupted() && (line = in.readLine()) != null; ) {
            String[] cols = line.trim().split("\\s+");
            if (cols[0].equals("S0C")) {
              header = cols;
              continue;
            }
            if (header == null || cols.length != header.length) {
              continue;
            }
            double used = col(header, cols, "S0U") + col(header, cols, "S1U") + col(header, cols, "EU")
                + col(header, cols, "OU");
            double capacity = col(header, cols, "S0C") + col(header, cols, "S1C") + col(header, cols, "EC")
                + col(header, cols, "OC");
            double gct = col(header, cols, "GCT");
            long at = System.nanoTime();
            heapMb = used / 1024;
            heapCapacityMb = capacity / 1024;
            peakHeapMb = Math.max(peakHeapMb, heapMb);
            if (lastGct >= 0) {
              gcFraction = Math.min(1, (gct - lastGct) / ((at - lastAt) / 1e9));
              maxGcFraction = Math.max(maxGcFraction, gcFraction);
              thrashing = gcFraction >= GC_THRASH ? thrashing + 1 : 0;
              if (thrashing == 1) {
                thrashFrom = sinceFlood() - 0.5;
              }
              if (thrashing == GC_THRASH_SAMPLES) {
                signalAt("gcThrash", thrashFrom);
              }
            }
            lastGct = gct;
            lastAt = at;
          }
        } finally {
          jstat.destroy();
        }
      } catch (IOException e) {
        System.out.println("  jstat unavailable: " + e.getMessage());
      }
    }, "jstat");
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static double col(String[] header, String[] cols, String name) {
    for (int i = 0; i < header.length; i++) {
      if (header[i].equals(name)) {
        return cols[i].equals("-") ? 0 : Double.parseDouble(cols[i]);
      }
    }
    return 0;
  }

  /**
   * A kubelet-style probe of one admin endpoint: an HTTP GET every {@link #PROBE_PERIOD}, each with
   * a {@link #PROBE_TIMEOUT} timeout (like periodSeconds 1, timeoutSeconds 1); any answer but 200
   * or no answer in time is a failure, and {@link #FAILURE_THRESHOLD} failures in a row mark the
   * probe failed (a liveness probe would restart the container, a readiness probe would take it
   * out of the Service). One success marks it passing again (successThreshold 1).
   */
  final class Probe {
    final String path;
    volatile String last = "-";
    /** The server's own event-loop lag reading, from the last answered /ready body. */
    volatile String lag = "";
    volatile boolean everOk;
    volatile int okCount;
    volatile double firstFailAt = -1;
    volatile String firstFailWhat;
    volatile double downAt = -1;
    volatile int failures;
    volatile int transitionsDown;
    final ConcurrentHashMap<String, AtomicLong> failingChecks = new ConcurrentHashMap<>();

    Probe(String path) {
      this.path = path;
    }

    Thread start(int adminPort, int seconds) {
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(PROBE_TIMEOUT).build();
      HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + path))
          .timeout(PROBE_TIMEOUT).build();
      Thread t = new Thread(() -> {
        int bad = 0;
        double badFrom = 0;
        boolean down = false;
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds + 5);
        long next = System.nanoTime();
        while (!Thread.currentThread().isInterrupted() && System.nanoTime() < end) {
          long start = System.nanoTime();
          String result;
          try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
            result = r.statusCode() == 200 ? "ok" : r.statusCode() + failing(r.body());
            Matcher lagValue = LAG.matcher(r.body());
            lag = lagValue.find() ? Math.round(Double.parseDouble(lagValue.group(1))) + "ms" : "";
          } catch (HttpTimeoutException e) {
            result = "timeout";
          } catch (IOException e) {
            result = "error";
          } catch (InterruptedException e) {
            return;
          }
          long ms = (System.nanoTime() - start) / 1_000_000;
          last = result.equals("ok") ? ms + "ms" : result;
          if (result.equals("ok")) {
            bad = 0;
            down = false;
            okCount++;
            everOk = everOk || okCount >= 2;
          } else if (everOk && floodStart > 0) {
            failures++;
            if (firstFailAt < 0) {
              firstFailAt = sinceFlood() - ms / 1000.0;
              firstFailWhat = result;
            }
            fail(path + " " + result);
            if (++bad == 1) {
              badFrom = sinceFlood() - ms / 1000.0;
            }
            if (bad == FAILURE_THRESHOLD && !down) {
              down = true;
              transitionsDown++;
              if (downAt < 0) {
                downAt = badFrom;
              }
              signalAt(path.equals("/health") ? "livenessFailed" : "readinessFailed", badFrom);
            }
          }
          next += PROBE_PERIOD.toNanos();
          long wait = Math.max(0, next - System.nanoTime());
          next = System.nanoTime() + wait; // a probe slower than the period delays the next, as kubelet's ticker does
          try {
            TimeUnit.NANOSECONDS.sleep(wait);
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "probe" + path);
      t.setDaemon(true);
      t.start();
      return t;
    }

    /** " [heapAfterGc,gcOverhead]" from a 503 body's "failing" list, counting each check. */
    private String failing(String body) {
      Matcher m = Pattern.compile("\"failing\":\\[([^\\]]*)\\]").matcher(body);
      if (!m.find() || m.group(1).isEmpty()) {
        return "";
      }
      String names = m.group(1).replace("\"", "");
      for (String name : names.split(",")) {
        failingChecks.computeIfAbsent(name, k -> new AtomicLong()).incrementAndGet();
      }
      return "[" + names + "]";
    }

    String summary() {
      return String.format(Locale.ROOT, "firstFail=%s failedAt=%s failedProbes=%d timesFailed=%d failingChecks=%s",
          firstFailAt < 0 ? "-" : String.format(Locale.ROOT, "%.1fs(%s)", firstFailAt, firstFailWhat),
          downAt < 0 ? "-" : String.format(Locale.ROOT, "%.1fs", downAt), failures, transitionsDown,
          failingChecks.isEmpty() ? "-" : new java.util.TreeMap<>(failingChecks));
    }
  }

  private CountDownLatch flood(int port, int seconds, int maxRequests, int concurrency, long uploadBytes) {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    AtomicInteger issued = new AtomicInteger();
    CountDownLatch done = new CountDownLatch(concurrency);
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    for (int w = 0; w < concurrency; w++) {
      Thread t = new Thread(() -> {
        try {
          int seq;
          while (System.nanoTime() < end && (seq = issued.incrementAndGet()) <= maxRequests) {
            send(client, port, seq, uploadBytes);
          }
        } finally {
          done.countDown();
        }
      }, "flood-" + w);
      t.setDaemon(true);
      t.start();
    }
    return done;
  }

  private void send(HttpClient client, int port, int seq, long uploadBytes) {
    String boundary = "collapseBoundary" + seq;
    byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"metadata\"\r\n"
        + "Content-Type: application/json\r\n\r\n{\"description\":\"fancam " + seq + "\",\"lat\":32.78,\"lon\":-96.8,"
        + "\"occurredAt\":\"2020-05-31T20:00:00Z\",\"deviceId\":\"fan-" + seq + "\"}\r\n--" + boundary
        + "\r\nContent-Disposition: form-data; name=\"media\"; filename=\"fancam-" + seq + ".avi\"\r\n"
        + "Content-Type: video/x-msvideo\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    long length = head.length + uploadBytes + tail.length;
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/tips"))
        .timeout(REQUEST_TIMEOUT)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .header("X-Tipflood-Truth", "junk")
        .header("X-Tipflood-Population", "fancams")
        .header("X-Tipflood-Seq", Integer.toString(seq))
        .POST(HttpRequest.BodyPublishers.fromPublisher(
            HttpRequest.BodyPublishers.ofInputStream(() -> new Body(head, uploadBytes, tail)), length))
        .build();
    inFlight.incrementAndGet();
    try {
      HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() == 201) {
        ok.incrementAndGet();
        lastAccepted = sinceFlood();
      } else {
        statuses.computeIfAbsent(r.statusCode(), k -> new AtomicLong()).incrementAndGet();
        fail("a tip POST got HTTP " + r.statusCode());
      }
    } catch (HttpTimeoutException e) {
      timeouts.incrementAndGet();
      signal("requestTimeout");
      fail("a tip POST timed out after " + REQUEST_TIMEOUT.toSeconds() + "s");
    } catch (IOException e) {
      resets.incrementAndGet();
      fail("a tip POST lost its connection (" + e.getClass().getSimpleName() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      inFlight.decrementAndGet();
    }
  }

  private void printRow() {
    long errors = statuses.values().stream().mapToLong(AtomicLong::get).sum();
    System.out.printf(Locale.ROOT, "%4.0f  %6.1f  %3.0f  %8s  %-28s  %7s  %5d  %7d  %5d  %7d  %8d%n", sinceFlood(), heapMb,
        gcFraction * 100, liveness.last, readiness.last, readiness.lag, ok.get(), timeouts.get(), resets.get(), errors, inFlight.get());
  }

  private void summary(String profile, String heap) {
    // Collapsed: liveness failed (a kubelet would restart it), thrashing in GC, or dead. Not ready
    // alone is not collapse: a bounded service that sheds load is doing its job.
    double collapse = Stream.of("livenessFailed", "gcThrash", "serverExited")
        .map(signals::get).filter(v -> v != null).min(Double::compare).orElse(-1.0);
    String signalList = signals.entrySet().stream().sorted(java.util.Map.Entry.comparingByValue())
        .map(e -> String.format(Locale.ROOT, "%s@%.1fs", e.getKey(), e.getValue()))
        .reduce((a, b) -> a + "," + b).orElse("none");
    System.out.printf(Locale.ROOT,
        "SUMMARY profile=%s heap=%s collapsed=%s timeToCollapse=%s peakHeapMB=%.1f heapCapacityMB=%.1f "
            + "maxGcPercent=%.0f firstFailure=\"%s\" signals=%s tipsAccepted=%d lastAcceptedAt=%s timeouts=%d "
            + "connectionErrors=%d errorStatuses=%s serverDied=%s serverLog=%s%n"
            + "SUMMARY profile=%s liveness /health: %s%n"
            + "SUMMARY profile=%s readiness /ready: %s%n",
        profile, heap, collapse >= 0 ? "yes" : "no",
        collapse >= 0 ? String.format(Locale.ROOT, "%.1fs", collapse) : "-", peakHeapMb,
        heapCapacityMb, maxGcFraction * 100, firstFailure.get() == null ? "none" : firstFailure.get(), signalList,
        ok.get(), lastAccepted < 0 ? "-" : String.format(Locale.ROOT, "%.1fs", lastAccepted), timeouts.get(),
        resets.get(), statuses, serverDied, serverLog, profile, liveness.summary(), profile, readiness.summary());
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** A multipart body generated on the fly: the client holds no upload in its heap. */
  static final class Body extends InputStream {
    private static final byte[] PATTERN = "the same fancam, again and again. ".repeat(256).getBytes(StandardCharsets.US_ASCII);
    private final byte[] head;
    private final byte[] tail;
    private final long total;
    private long pos;

    Body(byte[] head, long mediaBytes, byte[] tail) {
      this.head = head;
      this.tail = tail;
      this.total = head.length + mediaBytes + tail.length;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (pos >= total) {
        return -1;
      }
      long mediaEnd = total - tail.length;
      int n;
      if (pos < head.length) {
        n = (int) Math.min(len, head.length - pos);
        System.arraycopy(head, (int) pos, b, off, n);
      } else if (pos < mediaEnd) {
        n = (int) Math.min(len, mediaEnd - pos);
        for (int i = 0; i < n; ) {
          int chunk = Math.min(n - i, PATTERN.length);
          System.arraycopy(PATTERN, 0, b, off + i, chunk);
          i += chunk;
        }
      } else {
        n = (int) Math.min(len, total - pos);
        System.arraycopy(tail, (int) (pos - mediaEnd), b, off, n);
      }
      pos += n;
      return n;
    }
  }
}
