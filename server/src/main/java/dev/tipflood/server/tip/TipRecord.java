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
 */
public record TipRecord(TipId id, Instant receivedAt, TipMetadata metadata, List<MediaItem> media,
    TipStatus status, Optional<Review> review) {

  public TipRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(receivedAt, "receivedAt");
    Objects.requireNonNull(metadata, "metadata");
    media = List.copyOf(media);
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(review, "review");
  }

  /** A newly received tip. */
  public static TipRecord received(TipId id, Instant at, TipMetadata metadata, List<MediaItem> media) {
    return new TipRecord(id, at, metadata, media, TipStatus.RECEIVED, Optional.empty());
  }

  public TipRecord withStatus(TipStatus newStatus) {
    return new TipRecord(id, receivedAt, metadata, media, newStatus, review);
  }

  public TipRecord withReview(Review r) {
    return new TipRecord(id, receivedAt, metadata, media, TipStatus.REVIEWED, Optional.of(r));
  }

  /** Total media bytes. */
  public long mediaBytes() {
    return media.stream().mapToLong(MediaItem::size).sum();
  }
}
