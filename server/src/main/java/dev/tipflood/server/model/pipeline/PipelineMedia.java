package dev.tipflood.server.model.pipeline;

import java.util.Objects;

/**
 * One stored media file of a tip, as the pipeline sees it.
 *
 * @param kind its media type
 * @param bytes stored size (already scaled by {@code --scale})
 * @param durationSeconds playing time of a video, 0 for a still
 * @param sha256 hex digest of the content
 */
public record PipelineMedia(MediaKind kind, long bytes, double durationSeconds, String sha256) {

  public PipelineMedia {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(sha256, "sha256");
    if (bytes < 0) {
      throw new IllegalArgumentException("bytes must be >= 0, was " + bytes);
    }
    if (!(durationSeconds >= 0) || Double.isInfinite(durationSeconds)) {
      throw new IllegalArgumentException("durationSeconds must be >= 0, was " + durationSeconds);
    }
  }
}
