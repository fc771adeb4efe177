package dev.tipflood.server.defence.triage.sniff;

import dev.tipflood.server.defence.Decision;
import dev.tipflood.server.defence.Reason;
import java.util.Locale;

/**
 * The caps a header is held to before anything is decoded.
 *
 * @param maxPixels the most pixels of one image or frame (width x height)
 * @param maxGifFrames the most frames of an animated GIF
 * @param maxVideoFrames the most frames a video header may declare
 * @param maxDeclaredBytes the largest size a container header (RIFF, ISO box) may declare
 */
public record MediaCaps(long maxPixels, long maxGifFrames, long maxVideoFrames, long maxDeclaredBytes) {
  public MediaCaps {
    if (maxPixels < 1 || maxGifFrames < 1 || maxVideoFrames < 1 || maxDeclaredBytes < 1) {
      throw new IllegalArgumentException("every cap must be at least 1");
    }
  }

  /** Null when {@code width x height} is within the cap, else the refusal. */
  Decision.Reject pixels(String format, long width, long height) {
    if (width <= 0 || height <= 0) {
      return StreamWalker.invalid(format + " header declares " + width + "x" + height + " pixels");
    }
    if (width * height > maxPixels) {
      return Decision.reject(Reason.MEDIA_TOO_MANY_PIXELS, 0, String.format(Locale.ROOT,
          "%s header declares %dx%d = %d pixels, over the cap of %d (a decompression bomb is refused before "
              + "decoding)", format, width, height, width * height, maxPixels));
    }
    return null;
  }

  Decision.Reject frames(String format, long frames, long cap) {
    if (frames > cap) {
      return Decision.reject(Reason.MEDIA_TOO_MANY_FRAMES, 0, format + " has more than " + cap + " frames");
    }
    return null;
  }

  Decision.Reject declared(String format, String what, long bytes) {
    if (bytes < 0 || bytes > maxDeclaredBytes) {
      return StreamWalker.invalid(format + " " + what + " declares " + Long.toUnsignedString(bytes)
          + " bytes, more than any media part may hold (" + maxDeclaredBytes + ")");
    }
    return null;
  }
}
