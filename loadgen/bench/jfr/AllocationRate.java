import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * Benchmark helper (never in the product jar): the bytes per second a JVM allocated over a JFR
 * recording made with alloc.jfc, from its per-thread cumulative counters
 * (jdk.ThreadAllocationStatistics): for each thread, last minus first sample, summed, over the
 * span of the samples. Allocation does not depend on what else the machine runs, unlike CPU time.
 * Usage: java AllocationRate.java RECORDING.jfr  -> prints "<bytes per second> <seconds>"
 */
public class AllocationRate {
  public static void main(String[] args) throws Exception {
    Map<Long, long[]> perThread = new HashMap<>(); // tid -> {first, last}
    long t0 = Long.MAX_VALUE;
    long t1 = Long.MIN_VALUE;
    for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
      if (!e.getEventType().getName().equals("jdk.ThreadAllocationStatistics") || e.getThread("thread") == null) {
        continue;
      }
      long bytes = e.getLong("allocated");
      long at = e.getStartTime().toEpochMilli();
      t0 = Math.min(t0, at);
      t1 = Math.max(t1, at);
      perThread.merge(e.getThread("thread").getJavaThreadId(), new long[] {bytes, bytes},
          (a, b) -> new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
    }
    long total = perThread.values().stream().mapToLong(v -> v[1] - v[0]).sum();
    double seconds = (t1 - t0) / 1000.0;
    System.out.printf("%.0f %.1f%n", seconds > 0 ? total / seconds : 0, seconds);
  }
}
