package dev.tipflood.loadgen.shaping;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The proxy's own counters, updated from its event loop and read from anywhere.
 * The achieved upload rate is {@code shapedBytes / shapedNanos}: per connection, the bytes sent
 * upstream after its first write, over the time from its first write to its last. A stream held
 * to the cap cannot beat the cap, except by one bucket burst after an idle pause.
 */
public final class ShapingStats {
  private final long capBytesPerSecond;
  private final long burstBytes;
  private final AtomicLong connections = new AtomicLong();
  private final AtomicLong open = new AtomicLong();
  private final AtomicLong upstreamConnectFailures = new AtomicLong();
  private final AtomicLong bytesUp = new AtomicLong();
  private final AtomicLong bytesDown = new AtomicLong();
  private final AtomicLong shapedBytes = new AtomicLong();
  private final AtomicLong shapedNanos = new AtomicLong();
  private final AtomicLong waits = new AtomicLong();

  ShapingStats(long capBytesPerSecond, long burstBytes) {
    this.capBytesPerSecond = capBytesPerSecond;
    this.burstBytes = burstBytes;
  }

  void opened() {
    connections.incrementAndGet();
    open.incrementAndGet();
  }

  void closed() {
    open.decrementAndGet();
  }

  void upstreamConnectFailed() {
    upstreamConnectFailures.incrementAndGet();
  }

  /** {@code sinceLastNanos} is negative for a connection's first write. */
  void sentUp(long bytes, long sinceLastNanos) {
    bytesUp.addAndGet(bytes);
    if (sinceLastNanos >= 0) {
      shapedBytes.addAndGet(bytes);
      shapedNanos.addAndGet(sinceLastNanos);
    }
  }

  void sentDown(long bytes) {
    bytesDown.addAndGet(bytes);
  }

  void waited() {
    waits.incrementAndGet();
  }

  /** A consistent-enough copy for reports (each counter is read once). */
  public Snapshot snapshot() {
    long sb = shapedBytes.get();
    long sn = shapedNanos.get();
    return new Snapshot(capBytesPerSecond, burstBytes, connections.get(), open.get(), upstreamConnectFailures.get(),
        bytesUp.get(), bytesDown.get(), sb, sn, sn == 0 ? 0 : sb * 1e9 / sn, waits.get());
  }

  /**
   * @param capBytesPerSecond           the per-connection cap
   * @param burstBytes                  bucket capacity
   * @param connections                 client connections accepted
   * @param openConnections             still open
   * @param upstreamConnectFailures     connections closed because the target refused them
   * @param bytesUp                     client-to-server bytes forwarded (shaped)
   * @param bytesDown                   server-to-client bytes forwarded (not shaped)
   * @param shapedBytes                 bytesUp minus each connection's first write
   * @param shapedNanos                 summed time from each connection's first write to its last
   * @param achievedBytesPerSecond      shapedBytes / shapedNanos: the mean per-connection upload rate
   * @param waits                       times a connection waited for tokens
   */
  public record Snapshot(long capBytesPerSecond, long burstBytes, long connections, long openConnections,
                         long upstreamConnectFailures, long bytesUp, long bytesDown, long shapedBytes,
                         long shapedNanos, double achievedBytesPerSecond, long waits) {
  }
}
