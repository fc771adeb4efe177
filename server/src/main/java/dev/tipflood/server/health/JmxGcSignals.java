package dev.tipflood.server.health;

import com.sun.management.GcInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * GC signals from the platform MXBeans. The heap after the last collection comes from the
 * HotSpot {@link com.sun.management.GarbageCollectorMXBean#getLastGcInfo()} of whichever collector
 * ran last (summing its heap pools' usage after GC), and falls back to the pools' collection
 * usage on a JVM without it. Reading GcInfo allocates, so call this off the event loop.
 */
public final class JmxGcSignals implements GcSignals {

  private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
  private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
      .filter(p -> p.getType() == MemoryType.HEAP).toList();
  private final Set<String> heapPoolNames = heapPools.stream().map(MemoryPoolMXBean::getName)
      .collect(Collectors.toUnmodifiableSet());
  private final long maxHeap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();

  @Override
  public long collectionMillis() {
    return collectors.stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).filter(t -> t > 0).sum();
  }

  @Override
  public double heapAfterLastGcFraction() {
    if (maxHeap <= 0) {
      return 0;
    }
    GcInfo last = null;
    for (GarbageCollectorMXBean c : collectors) {
      if (c instanceof com.sun.management.GarbageCollectorMXBean hotspot) {
        GcInfo info = hotspot.getLastGcInfo();
        if (info != null && (last == null || info.getEndTime() > last.getEndTime())) {
          last = info;
        }
      }
    }
    long used = last != null ? usedAfter(last.getMemoryUsageAfterGc()) : collectionUsage();
    return (double) used / maxHeap;
  }

  private long usedAfter(Map<String, MemoryUsage> afterGc) {
    return afterGc.entrySet().stream().filter(e -> heapPoolNames.contains(e.getKey()))
        .mapToLong(e -> e.getValue().getUsed()).sum();
  }

  private long collectionUsage() {
    return heapPools.stream().map(MemoryPoolMXBean::getCollectionUsage).filter(u -> u != null)
        .mapToLong(MemoryUsage::getUsed).sum();
  }
}
