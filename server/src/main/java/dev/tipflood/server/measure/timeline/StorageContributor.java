package dev.tipflood.server.measure.timeline;

import dev.tipflood.server.measure.review.ClassCounters;
import dev.tipflood.server.model.storage.StorageBandwidth;
import dev.tipflood.server.model.storage.StorageQuota;
import java.util.LinkedHashMap;
import java.util.Map;

/** Storage used against the quota, 507 refusals, uploads sharing the bandwidth, bytes per class. */
public final class StorageContributor implements TimelineContributor {

  private final StorageQuota quota;
  private final StorageBandwidth bandwidth;
  private final ClassCounters bytesByClass;

  public StorageContributor(StorageQuota quota, StorageBandwidth bandwidth, ClassCounters bytesByClass) {
    this.quota = quota;
    this.bandwidth = bandwidth;
    this.bytesByClass = bytesByClass;
  }

  @Override
  public void contribute(Map<String, Object> sample, long intervalNanos) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("usedBytes", quota.usedBytes());
    m.put("quotaBytes", quota.quotaBytes() == Long.MAX_VALUE ? null : quota.quotaBytes());
    m.put("refusals", quota.refusals());
    m.put("activeUploads", bandwidth.activeFlows());
    m.put("byTruth", bytesByClass.byClass());
    sample.put("storage", m);
  }
}
