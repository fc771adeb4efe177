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
}
