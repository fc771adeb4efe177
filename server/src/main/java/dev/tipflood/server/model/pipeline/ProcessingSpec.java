package dev.tipflood.server.model.pipeline;

import dev.tipflood.server.model.queue.QueueSpec;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The processing stage of a profile: transcoding, thumbnails.
 *
 * @param workers parallel workers
 * @param costPerMb virtual work per megabyte (1MB = 1,048,576 bytes, before scaling) for each media kind;
 *     a kind left out costs nothing
 * @param queue the processing queue
 */
public record ProcessingSpec(int workers, Map<MediaKind, Duration> costPerMb, QueueSpec queue) {

  public ProcessingSpec {
    if (workers < 1) {
      throw new IllegalArgumentException("processing.workers must be >= 1, was " + workers);
    }
    Objects.requireNonNull(costPerMb, "processing.costPerMb");
    Map<MediaKind, Duration> copy = new EnumMap<>(MediaKind.class);
    costPerMb.forEach(
        (kind, cost) -> {
          Objects.requireNonNull(cost, "processing.costPerMb." + kind.key());
          if (cost.isNegative()) {
            throw new IllegalArgumentException(
                "processing.costPerMb." + kind.key() + " must be >= 0, was " + cost);
          }
          copy.put(kind, cost);
        });
    costPerMb = Map.copyOf(copy);
    Objects.requireNonNull(queue, "processing.queue");
  }

  /** Cost of one megabyte of {@code kind}. */
  public Duration cost(MediaKind kind) {
    return costPerMb.getOrDefault(kind, Duration.ZERO);
  }
}
