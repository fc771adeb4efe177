package dev.tipflood.server.config;

import static dev.tipflood.binding.InvalidFieldException.require;

import dev.tipflood.server.model.pipeline.MediaKind;
import dev.tipflood.server.model.pipeline.ProcessingSpec;
import dev.tipflood.units.Durations;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Media processing (transcode, thumbnails) after a tip is acknowledged.
 *
 * @param workers parallel workers
 * @param costPerMb virtual work per MB (1MB = 1024KB, before scaling) by media kind: keys
 *     {@code photo}, {@code gif}, {@code video}, {@code other}; a missing kind costs nothing
 * @param queue the processing queue
 */
public record ProcessingConfig(CountCap workers, Map<String, Duration> costPerMb, QueueConfig queue) {
  private static final String KINDS =
      Arrays.stream(MediaKind.values()).map(MediaKind::key).collect(Collectors.joining(", "));

  public ProcessingConfig {
    require(workers != null, "workers", "is required: " + CountCap.ALLOWED);
    require(!workers.isUnlimited(), "workers", "must be a finite number of workers");
    costPerMb = costPerMb == null ? Map.of() : new TreeMap<>(costPerMb);
    for (Map.Entry<String, Duration> e : costPerMb.entrySet()) {
      require(kind(e.getKey()) != null, "costPerMb." + e.getKey(), "is not a media kind; use " + KINDS);
      require(e.getValue() != null && !e.getValue().isNegative(), "costPerMb." + e.getKey(),
          "must be a duration of 0 or more: " + Durations.EXPECTED);
    }
    costPerMb = java.util.Collections.unmodifiableMap(new TreeMap<>(costPerMb));
    queue = queue == null ? QueueConfig.defaults() : queue;
  }

  private static MediaKind kind(String key) {
    for (MediaKind k : MediaKind.values()) {
      if (k.key().equals(key)) {
        return k;
      }
    }
    return null;
  }

  /**
   * Similarity scaling: media shrink by {@code factor}, so a scaled MB costs what a full one did
   * ({@code costPerMb / factor}) and the work per tip is kept.
   */
  public ProcessingConfig scaled(double factor) {
    if (factor == 1.0) {
      return this;
    }
    Map<String, Duration> costs = new TreeMap<>();
    costPerMb.forEach((k, v) -> costs.put(k, Duration.ofNanos(Math.round(v.toNanos() / factor))));
    return new ProcessingConfig(workers, costs, queue);
  }

  public ProcessingSpec toSpec() {
    Map<MediaKind, Duration> costs = new EnumMap<>(MediaKind.class);
    costPerMb.forEach((k, v) -> costs.put(kind(k), v));
    return new ProcessingSpec(workers.value(), costs, queue.toSpec());
  }
}
