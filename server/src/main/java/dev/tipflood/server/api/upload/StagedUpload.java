package dev.tipflood.server.api.upload;

import java.util.List;

/**
 * A tip body received completely: the raw metadata JSON (null for a media-only upload) and the
 * staged media, in part order, and how many media parts were read and dropped because a defence
 * deferred them (brownout).
 */
public record StagedUpload(String metadataJson, List<StagedMedia> media, int deferredParts) {
  public StagedUpload {
    media = List.copyOf(media);
  }

  public StagedUpload(String metadataJson, List<StagedMedia> media) {
    this(metadataJson, media, 0);
  }
}
