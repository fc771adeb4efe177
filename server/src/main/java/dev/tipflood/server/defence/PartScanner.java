package dev.tipflood.server.defence;

import java.nio.ByteBuffer;

/**
 * Watches one media part's bytes as they stream, each chunk before it is stored: what a header
 * cannot say from the first bytes alone (a GIF's frame count, where a JPEG's frame header lies, a
 * container's box sizes, the format's end marker). A defence attaches one at
 * {@link Point#MEDIA_HEAD} through {@link MediaPart#watch}. It must cost O(chunk) and keep O(1)
 * state: it runs on the event loop.
 */
public interface PartScanner {

  /**
   * Reads {@code chunk} from its position to its limit; it must not change the buffer's content.
   *
   * @return null to go on, or why the part is refused (the part's bytes are then not stored)
   */
  Decision.Reject scan(ByteBuffer chunk);

  /** The part's last byte has been scanned; {@code size} is its length. Null to go on. */
  Decision.Reject end(long size);
}
