package dev.tipflood.server.model.storage;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Bytes of storage, reserved before they are written and released when a partial upload is
 * removed. Thread-safe: uploads on several event loops reserve concurrently.
 *
 * <pre>{@code
 * if (!quota.tryReserve(chunk.length())) { abortWith507(); }
 * ... on failure: quota.release(reservedSoFar);
 * }</pre>
 */
public final class StorageQuota {

  private final long quotaBytes;
  private final AtomicLong used;
  private final AtomicLong refusals = new AtomicLong();

  /**
   * @param initialUsedBytes bytes already stored (e.g. found in the data directory at start-up)
   */
  public StorageQuota(long quotaBytes, long initialUsedBytes) {
    if (quotaBytes < 1 || initialUsedBytes < 0) {
      throw new IllegalArgumentException(
          "quota must be > 0 and used >= 0, was " + quotaBytes + " / " + initialUsedBytes);
    }
    this.quotaBytes = quotaBytes;
    this.used = new AtomicLong(initialUsedBytes);
  }

  /** @return true if {@code bytes} fitted and are now reserved; false (nothing reserved) if not */
  public boolean tryReserve(long bytes) {
    if (bytes < 0) {
      throw new IllegalArgumentException("bytes must be >= 0, was " + bytes);
    }
    while (true) {
      long current = used.get();
      if (bytes > quotaBytes - current) {
        refusals.incrementAndGet();
        return false;
      }
      if (used.compareAndSet(current, current + bytes)) {
        return true;
      }
    }
  }

  /** @return true if {@code bytes} more would fit now (a check, not a reservation) */
  public boolean wouldFit(long bytes) {
    return bytes <= quotaBytes - used.get();
  }

  public void release(long bytes) {
    used.addAndGet(-bytes);
  }

  public long usedBytes() {
    return used.get();
  }

  public long quotaBytes() {
    return quotaBytes;
  }

  /** Counts a refusal decided elsewhere, e.g. a Content-Length that {@link #wouldFit} rejected. */
  public void countRefusal() {
    refusals.incrementAndGet();
  }

  /** Reservations refused since start: each one is a 507. */
  public long refusals() {
    return refusals.get();
  }
}
