package dev.tipflood.loadgen.plan;

import java.util.Objects;

/**
 * A client's patience and persistence, and its uplink.
 *
 * @param timeoutMillis                 request timeout; a request that takes longer is recorded as a timeout
 * @param retry                         what it does after a failure
 * @param uploadBandwidthBytesPerSecond cap on each client's upload rate, already scaled; 0 for none.
 *                                      Enforced by a shaping proxy (dev.tipflood.loadgen.shaping) that the
 *                                      population's requests go through
 */
public record ClientBehaviour(int timeoutMillis, RetryPolicy retry, long uploadBandwidthBytesPerSecond) {
  public ClientBehaviour {
    if (timeoutMillis < 1) {
      throw new IllegalArgumentException("client.timeoutMillis must be >= 1, was " + timeoutMillis);
    }
    Objects.requireNonNull(retry, "client.retry");
    if (uploadBandwidthBytesPerSecond < 0) {
      throw new IllegalArgumentException("client.uploadBandwidthBytesPerSecond must be >= 0 (0: no cap), was "
          + uploadBandwidthBytesPerSecond);
    }
  }

  /** Whether uploads are shaped to {@link #uploadBandwidthBytesPerSecond()}. */
  public boolean shapedUpload() {
    return uploadBandwidthBytesPerSecond > 0;
  }
}
