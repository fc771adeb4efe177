package dev.tipflood.server.config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The capacities a resolved (already scaled) profile gives each modelled resource, in base units:
 * bytes, bytes per second, seconds. The load generator's offered-load forecast reads these, so it
 * never parses the profile's unit spellings itself. {@code null} stands for unlimited or absent.
 *
 * <pre>{@code
 * Map<String, Object> json = CapacityFigures.of(profile).toMap(); // printed by --print-capacity
 * }</pre>
 */
public record CapacityFigures(Long storageBytesPerSecond, Long storageQuotaBytes, Integer workers,
                              Map<String, Double> processingSecondsPerMiB, Integer processingQueueBound,
                              Integer reviewers, Double reviewSecondsPerPhoto, Double reviewSecondsPerVideoMinute,
                              Long videoBytesPerMinute, Integer reviewQueueBound, long heapBytes,
                              boolean uploadsBufferedInHeap) {

  public CapacityFigures {
    processingSecondsPerMiB = processingSecondsPerMiB == null ? null : Map.copyOf(processingSecondsPerMiB);
  }

  /** The figures of {@code profile}, which must already be scaled. */
  public static CapacityFigures of(Profile profile) {
    StorageConfig storage = profile.storage();
    ProcessingConfig processing = profile.processing();
    ReviewConfig review = profile.review();
    Map<String, Double> costs = null;
    if (processing != null) {
      costs = new LinkedHashMap<>();
      for (String kind : new String[] {"photo", "gif", "video", "other"}) {
        Duration cost = processing.costPerMb().get(kind);
        costs.put(kind, cost == null ? 0.0 : seconds(cost));
      }
    }
    return new CapacityFigures(
        storage.bandwidth().isUnlimited() ? null : storage.bandwidth().bytesPerSecond(),
        storage.quota().isUnlimited() ? null : storage.quota().bytes(),
        processing == null ? null : count(processing.workers()),
        costs,
        processing == null ? null : count(processing.queue().bound()),
        review == null ? null : count(review.reviewers()),
        review == null ? null : seconds(review.perPhoto()),
        review == null ? null : seconds(review.perVideoMinute()),
        review == null ? null : review.videoBytesPerMinute().bytes(),
        review == null ? null : count(review.queue().bound()),
        profile.jvm().heap().bytes(),
        profile.uploads().buffered());
  }

  /** The JSON shape of {@code --print-capacity}'s {@code capacity} object (documented in docs/server.md). */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("bytesPerSecond", storageBytesPerSecond);
    s.put("quotaBytes", storageQuotaBytes);
    m.put("storage", s);
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("workers", workers);
    p.put("secondsPerMiB", processingSecondsPerMiB);
    p.put("queueBound", processingQueueBound);
    m.put("processing", p);
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("reviewers", reviewers);
    r.put("secondsPerPhoto", reviewSecondsPerPhoto);
    r.put("secondsPerVideoMinute", reviewSecondsPerVideoMinute);
    r.put("videoBytesPerMinute", videoBytesPerMinute);
    r.put("queueBound", reviewQueueBound);
    m.put("review", r);
    Map<String, Object> h = new LinkedHashMap<>();
    h.put("bytes", heapBytes);
    h.put("uploadsBuffered", uploadsBufferedInHeap);
    m.put("heap", h);
    return m;
  }

  private static Integer count(CountCap cap) {
    return cap.isUnlimited() ? null : cap.value();
  }

  private static double seconds(Duration d) {
    return d.toNanos() / 1e9;
  }
}
