package dev.tipflood.server.model.pipeline;

import java.util.List;
import java.util.Objects;

/**
 * An acknowledged tip entering the processing and review pipeline.
 *
 * @param id the tip id
 * @param media its media, possibly none
 * @param priority higher is served first by {@code priority} queues; 0 when nothing triages
 * @param acceptedAtNanos scheduler time of the acknowledgement
 */
public record PipelineTip(String id, List<PipelineMedia> media, int priority, long acceptedAtNanos) {

  public PipelineTip {
    Objects.requireNonNull(id, "id");
    media = List.copyOf(media);
  }
}
