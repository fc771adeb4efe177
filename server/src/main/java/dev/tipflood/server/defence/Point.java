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
  /** During the body: a chunk of media bytes is about to be written to storage. */
  BODY,
  /** After durability: the tip is on disk and acknowledged. Feedback (latency samples) and priority. */
  DURABLE;

  /** The wire spelling, lower case. */
  public String wire() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
