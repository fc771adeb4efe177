package dev.tipflood.server.api.upload;

import java.util.List;

/**
 * A tip body received completely: the raw metadata JSON and the staged media, in part order.
 */
public record StagedUpload(String metadataJson, List<StagedMedia> media) {
  public StagedUpload {
    media = List.copyOf(media);
  }
}
