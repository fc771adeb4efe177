import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Benchmark helper (never in the product jar; JDK 17 has no {@code jfr view}): where a JVM spent
 * its CPU and allocations over a JFR recording made with {@code settings=profile} (execution
 * samples, jdk.ExecutionSample; allocation samples, jdk.ObjectAllocationSample, weighted by the
 * bytes they stand for). For each, the top methods by self samples, and the share of each
 * method of the {@code PREFIX} package (default dev.tipflood) anywhere on the stack: what the
 * load generator's own code costs on top of Gatling's.
 * Usage: java Hotspots.java RECORDING.jfr [TOP=25] [PREFIX=dev.tipflood]
 */
public class Hotspots {
  public static void main(String[] args) throws Exception {
    int top = args.length > 1 ? Integer.parseInt(args[1]) : 25;
    String prefix = args.length > 2 ? args[2] : "dev.tipflood";
    List<RecordedEvent> events = RecordingFile.readAllEvents(Path.of(args[0]));
    report("CPU (execution samples)", events, "jdk.ExecutionSample", e -> 1L, top, prefix);
    report("allocation (sampled bytes)", events, "jdk.ObjectAllocationSample", e -> e.getLong("weight"), top, prefix);
    Map<String, Long> byClass = new HashMap<>();
    long total = 0;
    for (RecordedEvent e : events) {
      if (e.getEventType().getName().equals("jdk.ObjectAllocationSample")) {
        byClass.merge(e.getClass("objectClass").getName(), e.getLong("weight"), Long::sum);
        total += e.getLong("weight");
      }
    }
    print("allocation by class", byClass, total, top);
  }

  private static void report(String title, List<RecordedEvent> events, String type, Function<RecordedEvent, Long> weight,
                             int top, String prefix) {
    Map<String, Long> self = new HashMap<>();
    Map<String, Long> ours = new HashMap<>();
    long total = 0;
    long anyOurs = 0;
    for (RecordedEvent e : events) {
      RecordedStackTrace st = e.getStackTrace();
      if (!e.getEventType().getName().equals(type) || st == null || st.getFrames().isEmpty()) {
        continue;
      }
      long w = weight.apply(e);
      total += w;
      self.merge(name(st.getFrames().get(0)), w, Long::sum);
      Map<String, Boolean> seen = new HashMap<>();
      for (RecordedFrame f : st.getFrames()) {
        String n = name(f);
        if (n.startsWith(prefix) && seen.put(n, true) == null) {
          ours.merge(n, w, Long::sum);
        }
      }
      anyOurs += seen.isEmpty() ? 0 : w;
    }
    System.out.printf("== %s: %d, %.1f%% with a %s frame%n", title, total, 100.0 * anyOurs / Math.max(1, total), prefix);
    print("self", self, total, top);
    print(prefix + " (inclusive)", ours, total, top);
  }

  private static void print(String title, Map<String, Long> counts, long total, int top) {
    System.out.println("-- " + title);
    counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
        .forEach(c -> System.out.printf("%6.2f%%  %s%n", 100.0 * c.getValue() / Math.max(1, total), c.getKey()));
  }

  private static String name(RecordedFrame f) {
    return f.getMethod().getType().getName() + "." + f.getMethod().getName();
  }
}
