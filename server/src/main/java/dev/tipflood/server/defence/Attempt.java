package dev.tipflood.server.defence;

/**
 * What a defence may know about one request: what a real service sees, never the load
 * generator's truth. The device id is known only from {@link Point#METADATA} on.
 * Confined to the request's event loop.
 */
public final class Attempt {
  private final String address;
  private final long declaredBytes;
  private final long startNanos;
  private String deviceId;
  private String metadataJson;
  private final java.util.List<MediaPart> parts = new java.util.ArrayList<>(2);
  private TipFacts tip;
  private MediaPart focus;

  /**
   * @param address the client address (first {@code X-Forwarded-For} hop, else the peer)
   * @param declaredBytes the Content-Length, or -1 when the body is chunked
   * @param startNanos when the request head arrived, on the defences' {@link NanoClock}
   */
  public Attempt(String address, long declaredBytes, long startNanos) {
    this.address = address;
    this.declaredBytes = declaredBytes;
    this.startNanos = startNanos;
  }

  public String address() {
    return address;
  }

  public long declaredBytes() {
    return declaredBytes;
  }

  public long startNanos() {
    return startNanos;
  }

  /** The device id from the metadata part; null before {@link Point#METADATA}. */
  public String deviceId() {
    return deviceId;
  }

  public void deviceId(String id) {
    this.deviceId = id;
  }

  /** The metadata part as sent (not yet validated), for defences that score it; null before {@link Point#METADATA}. */
  public String metadataJson() {
    return metadataJson;
  }

  public void metadataJson(String json) {
    this.metadataJson = json;
  }

  /** Starts a media part; it is {@link #part()} until another is started or focused. */
  public MediaPart startPart(String declaredType, String filename) {
    MediaPart p = new MediaPart(parts.size(), declaredType, filename);
    parts.add(p);
    focus = p;
    return p;
  }

  /**
   * Makes {@code p} the part the next decision is about. Parts overlap: a request's second part
   * may start while the first one's head is still being decided (its file opens asynchronously),
   * so the adapter focuses the part before each decision at {@link Point#MEDIA_HEAD},
   * {@link Point#BODY} and {@link Point#MEDIA_END}.
   */
  public void focus(MediaPart p) {
    this.focus = p;
  }

  /** The media part the current decision is about; null before the first. */
  public MediaPart part() {
    return focus;
  }

  /** Every media part so far, in order. */
  public java.util.List<MediaPart> parts() {
    return java.util.Collections.unmodifiableList(parts);
  }

  /** The durable tip; null before {@link Point#DURABLE}. */
  public TipFacts tip() {
    return tip;
  }

  public void tip(TipFacts facts) {
    this.tip = facts;
  }
}
