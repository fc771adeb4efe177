package dev.tipflood.server.storage;

import java.io.IOException;
import java.time.Duration;

/**
 * Recognises a full disk ({@code ENOSPC}, or a quota: {@code EDQUOT}) in a failure's cause chain.
 * Java reports both as a plain {@link IOException} whose message is the C library's text.
 * A full disk is a transient fault: the write failed, nothing was acknowledged, and writing can
 * resume once space returns (unlike {@code EIO}, after which the journal stops for good).
 */
public final class DiskFull {
  /** How long a client is told to wait before retrying: space comes back by an operator's hand. */
  public static final Duration RETRY_AFTER = Duration.ofSeconds(30);

  private DiskFull() {}

  /** True when {@code t} or one of its causes is an I/O error saying the disk or quota is full. */
  public static boolean causedBy(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof IOException && c.getMessage() != null
          && (c.getMessage().contains("No space left on device") || c.getMessage().contains("Disk quota exceeded"))) {
        return true;
      }
    }
    return false;
  }
}
