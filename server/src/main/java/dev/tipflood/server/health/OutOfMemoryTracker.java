package dev.tipflood.server.health;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Remembers that the JVM has thrown {@link OutOfMemoryError}. After one, any object the failed
 * allocation was building may be half-made and the heap is known to be too small for the load:
 * the process is no longer trusted, so liveness reports it until a restart.
 *
 * <p>Fed by Vert.x's exception handler (exceptions escaping handlers on any context) and the
 * default uncaught-exception handler (other threads).
 */
public final class OutOfMemoryTracker {

  private static final int MAX_CAUSE_DEPTH = 16;
  private final AtomicLong count = new AtomicLong();

  /** Records {@code failure} if it is, or is caused by, an OutOfMemoryError; says whether it was. */
  public boolean record(Throwable failure) {
    Throwable t = failure;
    for (int depth = 0; t != null && depth < MAX_CAUSE_DEPTH; depth++, t = t.getCause()) {
      if (t instanceof OutOfMemoryError) {
        count.incrementAndGet();
        return true;
      }
    }
    return false;
  }

  /** OutOfMemoryErrors recorded since start. */
  public long count() {
    return count.get();
  }
}
