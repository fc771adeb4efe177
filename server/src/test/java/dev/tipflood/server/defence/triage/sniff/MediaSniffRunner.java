package dev.tipflood.server.defence.triage.sniff;

import dev.tipflood.server.defence.Attempt;
import dev.tipflood.server.defence.Decision;
import dev.tipflood.server.defence.MediaPart;
import dev.tipflood.server.defence.PartScanner;
import dev.tipflood.server.defence.Point;
import java.nio.ByteBuffer;
import java.util.Arrays;

/** Runs {@link MediaSniff} over a whole file in chunks, as the HTTP adapter does, with tipline+triage's caps. */
public final class MediaSniffRunner {
  private static final MediaCaps CAPS = new MediaCaps(100_000_000, 1000, 216_000, 512L << 20);

  private MediaSniffRunner() {}

  /** What the adapter does: the head to the MEDIA_HEAD decision, then every chunk through the scanners. */
  public static Decision run(String declared, byte[] file, int chunk) {
    Attempt a = new Attempt("10.0.0.1", file.length, 0);
    MediaPart part = a.startPart(declared, "f");
    part.head(Arrays.copyOf(file, Math.min(file.length, MediaPart.HEAD_BYTES)));
    Decision d = new MediaSniff(CAPS).decide(Point.MEDIA_HEAD, a);
    if (!(d instanceof Decision.Admit)) {
      return d;
    }
    for (int at = 0; at < file.length; at += chunk) {
      ByteBuffer b = ByteBuffer.wrap(file, at, Math.min(chunk, file.length - at));
      for (PartScanner s : part.scanners()) {
        Decision.Reject r = s.scan(b.duplicate());
        if (r != null) {
          return r;
        }
      }
    }
    for (PartScanner s : part.scanners()) {
      Decision.Reject r = s.end(file.length);
      if (r != null) {
        return r;
      }
    }
    return d;
  }

}
