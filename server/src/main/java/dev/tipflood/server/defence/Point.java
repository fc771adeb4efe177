package dev.tipflood.server.defence;

/** Where in a request's life a defence acts, earliest first. A defence acts as early as it can. */
public enum Point {
  /** A connection opens; nothing of a request is known yet. */
  CONNECTION,
  /** The request head has arrived; no body byte has been read. The client address and Content-Length are known. */
  HEADERS,
  /**
   * During the body: the metadata part is complete (the device id is known), before any media
   * byte that follows it is read. A rejection here deletes anything staged; nothing is stored.
   */
  METADATA,
  /**
   * During the body: a media part's first bytes ({@link MediaPart#HEAD_BYTES}, or the whole part
   * if it is shorter) have arrived and none of them is stored yet. Type sniffing and header caps.
   */
  MEDIA_HEAD,
  /** During the body: a chunk of media bytes is about to be written to storage. */
  BODY,
  /**
   * During the body: a media part is complete (size and SHA-256 known) in its temp file, not yet
   * part of a tip. A rejection here deletes the file. Duplicates and blocklists.
   */
  MEDIA_END,
  /**
   * After durability: the tip is on disk, its 201 or 202 not yet sent. Feedback (latency samples)
   * and review priority ({@link Decision.Prioritise}); never a rejection.
   */
  DURABLE;

  /** The wire spelling, lower case. */
  public String wire() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
