package dev.tipflood.server.measure.timeline;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Heap used, committed and max, and garbage collection counts and time, from the JVM's MXBeans. */
public final class JvmContributor implements TimelineContributor {

  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
  private long lastGcMillis = gcMillis();

  @Override
  public void contribute(Map<String, Object> sample, long intervalNanos) {
    MemoryUsage heap = memory.getHeapMemoryUsage();
    Map<String, Object> h = new LinkedHashMap<>();
    h.put("usedBytes", heap.getUsed());
    h.put("committedBytes", heap.getCommitted());
    h.put("maxBytes", heap.getMax());
    sample.put("heap", h);

    long gcTotal = gcMillis();
    long count = collectors.stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).filter(c -> c > 0).sum();
    Map<String, Object> gc = new LinkedHashMap<>();
    gc.put("count", count);
    gc.put("timeMs", gcTotal);
    gc.put("intervalTimeMs", gcTotal - lastGcMillis);
    // share of the interval spent collecting: near 1 is GC thrash
    gc.put("fraction", Math.min(1.0, (gcTotal - lastGcMillis) / (intervalNanos / 1e6)));
    sample.put("gc", gc);
    lastGcMillis = gcTotal;
  }

  private long gcMillis() {
    return collectors.stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).filter(t -> t > 0).sum();
  }
}
