package dev.tipflood.server.defence.triage.sniff;

import dev.tipflood.server.defence.Decision;
import dev.tipflood.server.defence.PartScanner;
import dev.tipflood.server.defence.Reason;
import java.nio.ByteBuffer;

/**
 * Finds a ZIP archive riding on a media file (a polyglot: a JPEG that unzips). A ZIP is read
 * from its end: its end-of-central-directory record ({@code PK 05 06}, 22 bytes plus a comment)
 * sits at the very end of the file. This keeps the last {@value #TAIL} bytes and, at the end,
 * looks for that record where its comment length says it must end the part exactly, so random
 * bytes inside a photo cannot pass for one (2^-48 per position).
 */
final class ZipTail implements PartScanner {
  static final int TAIL = 1024;
  private final byte[] ring = new byte[TAIL];
  private long size;

  @Override
  public Decision.Reject scan(ByteBuffer chunk) {
    int from = Math.max(chunk.position(), chunk.limit() - TAIL); // only the last TAIL bytes can matter
    size += from - chunk.position();
    for (int i = from; i < chunk.limit(); i++) {
      ring[(int) (size++ % TAIL)] = chunk.get(i);
    }
    return null;
  }

  @Override
  public Decision.Reject end(long total) {
    int n = (int) Math.min(size, TAIL);
    byte[] tail = new byte[n];
    for (int i = 0; i < n; i++) {
      tail[i] = ring[(int) ((size - n + i) % TAIL)];
    }
    for (int p = n - 22; p >= 0; p--) {
      if (tail[p] == 'P' && tail[p + 1] == 'K' && tail[p + 2] == 5 && tail[p + 3] == 6) {
        int comment = (tail[p + 20] & 0xFF) | (tail[p + 21] & 0xFF) << 8;
        if (p + 22 + comment == n) {
          return Decision.reject(Reason.MEDIA_POLYGLOT, 0, "the part ends with a ZIP archive's directory (at byte "
              + (size - n + p) + "): a media file that is also an archive is refused");
        }
      }
    }
    return null;
  }
}
