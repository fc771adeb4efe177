import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The soak's figures over time and its verdict, from RUN_DIR/soak/probe.tsv (RSS, threads, fds),
 * RUN_DIR/soak/health.tsv (/health from the separate probe) and RUN_DIR/server/timeline.ndjson
 * (heap used and the heap's maximum, i.e. the profile's -Xmx).
 *
 * <pre>java SoakReport.java RUN_DIR VERIFY_EXIT_CODE</pre>
 * Exit 0 when every check passes: RSS <= heap max + 25%; /health p99 < 100 ms and always 200;
 * no growth trend in fds or threads (least-squares slope over the run after its warm-up, times
 * that span, at most max(5, 10% of the mean)); zero lost tips (the verifier exited 0).
 *
 * <p>Start-up is not a trend and a cold server's first answers are not its steady latency, so the
 * /health check leaves out the first {@value #HEALTH_WARM_UP_MS} ms of the run and the trends the
 * first 20% or {@value #HEALTH_WARM_UP_MS} ms, whichever is longer; probes taken after the server's
 * last timeline sample (it was stopping) are left out too. Each is counted and printed, never
 * dropped silently; the table over time shows every probe.
 */
public final class SoakReport {
  static final long HEALTH_WARM_UP_MS = 20_000;
  private static final Pattern HEAP = Pattern.compile("\"t\":(\\d+).*?\"heap\":\\{\"usedBytes\":(\\d+),\"committedBytes\":\\d+,\"maxBytes\":(\\d+)");

  record Probe(long t, long rssKb, int threads, int fds) {}

  record Health(long t, int status, double millis) {}

  record Heap(long t, long used, long max) {}

  public static void main(String[] args) throws IOException {
    Path run = Path.of(args[0]);
    int verifyExit = Integer.parseInt(args[1]);
    List<Probe> probes = new ArrayList<>();
    for (String[] f : rows(run.resolve("soak/probe.tsv"))) {
      probes.add(new Probe(Long.parseLong(f[0]), Long.parseLong(f[1]), Integer.parseInt(f[2]), Integer.parseInt(f[3])));
    }
    List<Health> health = new ArrayList<>();
    for (String[] f : rows(run.resolve("soak/health.tsv"))) {
      health.add(new Health(Long.parseLong(f[0]), Integer.parseInt(f[1]), Double.parseDouble(f[2]) * 1000));
    }
    List<Heap> heap = new ArrayList<>();
    for (String line : Files.readAllLines(run.resolve("server/timeline.ndjson"))) {
      Matcher m = HEAP.matcher(line);
      if (m.find()) {
        heap.add(new Heap(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3))));
      }
    }
    if (probes.isEmpty() || health.isEmpty() || heap.isEmpty()) {
      System.out.println("soak: FAILED: no probe, health or heap samples");
      System.exit(1);
    }
    long t0 = probes.get(0).t();
    long span = probes.get(probes.size() - 1).t() - t0;
    long step = Math.max(30_000, span / 12 / 1000 * 1000);
    System.out.printf("%7s %9s %11s %8s %5s %13s %7s%n", "t(s)", "RSS MB", "heap MB", "threads", "fds", "health p99 ms", "probes");
    for (long from = t0; from <= t0 + span; from += step) {
      long a = from, b = from + step;
      List<Probe> p = probes.stream().filter(x -> x.t() >= a && x.t() < b).toList();
      List<Health> h = health.stream().filter(x -> x.t() >= a && x.t() < b).toList();
      long heapMax = heap.stream().filter(x -> x.t() >= a && x.t() < b).mapToLong(Heap::used).max().orElse(0);
      if (p.isEmpty()) {
        continue;
      }
      System.out.printf("%7d %9.0f %11.0f %8d %5d %13.1f %7d%n", (a - t0) / 1000,
          p.stream().mapToLong(Probe::rssKb).max().orElse(0) / 1024.0, heapMax / 1048576.0,
          p.stream().mapToInt(Probe::threads).max().orElse(0), p.stream().mapToInt(Probe::fds).max().orElse(0),
          percentile(h.stream().mapToDouble(Health::millis).toArray(), 99), h.size());
    }
    long heapLimit = heap.stream().mapToLong(Heap::max).max().orElse(0);
    long maxRss = probes.stream().mapToLong(Probe::rssKb).max().orElse(0) * 1024;
    double rssLimit = heapLimit * 1.25;
    long serverEnd = heap.get(heap.size() - 1).t();
    long healthFrom = t0 + HEALTH_WARM_UP_MS;
    List<Health> counted = health.stream().filter(x -> x.t() >= healthFrom && x.t() <= serverEnd).toList();
    long warmUpHealth = health.stream().filter(x -> x.t() < healthFrom).count();
    long afterEnd = health.stream().filter(x -> x.t() > serverEnd).count();
    double healthP99 = percentile(counted.stream().mapToDouble(Health::millis).toArray(), 99);
    long healthNot200 = counted.stream().filter(x -> x.status() != 200).count();
    long trendFrom = t0 + Math.max(HEALTH_WARM_UP_MS, span / 5);
    List<Probe> settled = probes.stream().filter(x -> x.t() >= trendFrom && x.t() <= serverEnd).toList();
    double fdGrowth = growth(settled, Probe::fds);
    double threadGrowth = growth(settled, Probe::threads);
    double fdMean = settled.stream().mapToInt(Probe::fds).average().orElse(0);
    double threadMean = settled.stream().mapToInt(Probe::threads).average().orElse(0);
    boolean rssOk = maxRss <= rssLimit;
    boolean healthOk = !counted.isEmpty() && healthP99 < 100 && healthNot200 == 0;
    boolean fdOk = fdGrowth <= Math.max(5, 0.1 * fdMean);
    boolean threadOk = threadGrowth <= Math.max(5, 0.1 * threadMean);
    boolean lostOk = verifyExit == 0;
    System.out.printf("RSS max %.0f MB, limit %.0f MB (heap %.0f MB + 25%%): %s%n", maxRss / 1048576.0,
        rssLimit / 1048576.0, heapLimit / 1048576.0, ok(rssOk));
    System.out.printf("/health from the probe: %d probes, p50 %.1f ms, p99 %.1f ms, max %.1f ms, %d not 200: %s"
            + " (left out: %d in the first %d s, %d after the server's last sample)%n",
        counted.size(), percentile(counted.stream().mapToDouble(Health::millis).toArray(), 50), healthP99,
        counted.stream().mapToDouble(Health::millis).max().orElse(0), healthNot200, ok(healthOk), warmUpHealth,
        HEALTH_WARM_UP_MS / 1000, afterEnd);
    long trendSkip = (trendFrom - t0) / 1000;
    System.out.printf("fds: mean %.0f, trend %+.1f over the run after its first %d s: %s%n", fdMean, fdGrowth,
        trendSkip, ok(fdOk));
    System.out.printf("threads: mean %.0f, trend %+.1f over the run after its first %d s: %s%n", threadMean,
        threadGrowth, trendSkip, ok(threadOk));
    System.out.printf("lost tips (tipflood verify exit %d): %s%n", verifyExit, ok(lostOk));
    boolean all = rssOk && healthOk && fdOk && threadOk && lostOk;
    System.out.println("soak: " + (all ? "PASSED" : "FAILED"));
    System.exit(all ? 0 : 1);
  }

  private static String ok(boolean b) {
    return b ? "ok" : "FAILED";
  }

  private static List<String[]> rows(Path tsv) throws IOException {
    List<String> lines = Files.readAllLines(tsv);
    return lines.subList(1, lines.size()).stream().map(l -> l.split("\t")).filter(f -> f.length >= 3).toList();
  }

  /** Least-squares slope of {@code value} against time, times the time spanned: the trend's size. */
  private static double growth(List<Probe> samples, java.util.function.ToIntFunction<Probe> value) {
    int n = samples.size();
    if (n < 3) {
      return 0;
    }
    double mt = samples.stream().mapToDouble(Probe::t).average().orElse(0);
    double mv = samples.stream().mapToDouble(value::applyAsInt).average().orElse(0);
    double cov = 0, var = 0;
    for (Probe p : samples) {
      cov += (p.t() - mt) * (value.applyAsInt(p) - mv);
      var += (p.t() - mt) * (p.t() - mt);
    }
    return var == 0 ? 0 : cov / var * (samples.get(n - 1).t() - samples.get(0).t());
  }

  private static double percentile(double[] values, double p) {
    if (values.length == 0) {
      return 0;
    }
    double[] v = values.clone();
    Arrays.sort(v);
    return v[(int) Math.min(v.length - 1, Math.ceil(p / 100 * v.length) - 1)];
  }
}
