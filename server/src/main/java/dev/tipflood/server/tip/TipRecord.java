package dev.tipflood.server.tip;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A tip as stored: immutable; changes produce a new record through the {@code with...} methods.
 *
 * @param id the tip id
 * @param receivedAt when the server acknowledged it
 * @param metadata what the tipster said
 * @param media stored media, in part order
 * @param status pipeline status
 * @param review the reviewer's verdict, if any
 * @param mediaUploadAfter when the tip's media were deferred (brownout, {@code 202}): from when
 *     they may be uploaded; empty for a tip whose media came with it
 */
public record TipRecord(TipId id, Instant receivedAt, TipMetadata metadata, List<MediaItem> media,
    TipStatus status, Optional<Review> review, Optional<Instant> mediaUploadAfter) {

  public TipRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(receivedAt, "receivedAt");
    Objects.requireNonNull(metadata, "metadata");
    media = List.copyOf(media);
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(review, "review");
    Objects.requireNonNull(mediaUploadAfter, "mediaUploadAfter");
  }

  /** A tip as stored by an older caller: not deferred. */
  public TipRecord(TipId id, Instant receivedAt, TipMetadata metadata, List<MediaItem> media, TipStatus status,
      Optional<Review> review) {
    this(id, receivedAt, metadata, media, status, review, Optional.empty());
  }

  /** A newly received tip. */
  public static TipRecord received(TipId id, Instant at, TipMetadata metadata, List<MediaItem> media) {
    return new TipRecord(id, at, metadata, media, TipStatus.RECEIVED, Optional.empty());
  }

  /** A newly received tip whose media were deferred: its text only, its media awaited from {@code uploadAfter}. */
  public static TipRecord deferred(TipId id, Instant at, TipMetadata metadata, Instant uploadAfter) {
    return new TipRecord(id, at, metadata, List.of(), TipStatus.DEFERRED, Optional.empty(),
        Optional.of(uploadAfter));
  }

  /** This deferred tip with its media arrived: status {@code received}, ready for the pipeline. */
  public TipRecord withMedia(List<MediaItem> arrived) {
    return new TipRecord(id, receivedAt, metadata, arrived, TipStatus.RECEIVED, review, mediaUploadAfter);
  }

  /** Whether its media were deferred and have since arrived. */
  public boolean deferredMediaArrived() {
    return mediaUploadAfter.isPresent() && status != TipStatus.DEFERRED && !media.isEmpty();
  }

  /**
   * Whether its media were deferred and never came: the brownout's {@code textAloneAfter} window
   * closed and the tip went to review on its text alone.
   */
  public boolean textAlone() {
    return mediaUploadAfter.isPresent() && status != TipStatus.DEFERRED && media.isEmpty();
  }

  public TipRecord withStatus(TipStatus newStatus) {
    return new TipRecord(id, receivedAt, metadata, media, newStatus, review, mediaUploadAfter);
  }

  public TipRecord withReview(Review r) {
    return new TipRecord(id, receivedAt, metadata, media, TipStatus.REVIEWED, Optional.of(r), mediaUploadAfter);
  }

  /** Media bytes stored for this tip: linked media (an earlier tip's copy) not counted. */
  public long ownMediaBytes() {
    return media.stream().filter(m -> !m.linked()).mapToLong(MediaItem::size).sum();
  }

  /** Total media bytes. */
  public long mediaBytes() {
    return media.stream().mapToLong(MediaItem::size).sum();
  }
}
