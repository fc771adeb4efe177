package dev.tipflood.server.media.pdq;

import java.io.IOException;

/**
 * A file or byte array that cannot be decoded into a picture to hash. The message names the
 * source and what is wrong, fit to show an operator as is.
 */
public final class PdqImageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private PdqImageException(String message, Throwable cause) {
    super(message, cause);
  }

  /** No image reader recognises the bytes. */
  public static PdqImageException notAnImage(String source) {
    return new PdqImageException(source + ": not an image (no reader for its bytes)", null);
  }

  /** The bytes claim to be an image but decoding failed (truncated, corrupt) or reading failed. */
  public static PdqImageException unreadable(String source, IOException cause) {
    return new PdqImageException(source + ": cannot read image: " + cause.getMessage(), cause);
  }

  /**
   * An unchecked exception out of an ImageIO plug-in (some throw them on corrupt input), as an
   * unreadable image; one of ours passes through unchanged.
   */
  public static PdqImageException decoderFailed(String source, RuntimeException e) {
    return e instanceof PdqImageException p ? p : unreadable(source, new IOException(e.toString(), e));
  }

  /** The declared dimensions exceed the decode limit; nothing was decoded. */
  public static PdqImageException tooLarge(String source, long width, long height, long maxPixels) {
    return new PdqImageException(source + ": " + width + "x" + height + " pixels exceeds the limit of " + maxPixels
        + " pixels", null);
  }

  /** A container (GIF, AVI) whose structure is broken or holds no frame. */
  public static PdqImageException malformed(String source, String what) {
    return new PdqImageException(source + ": " + what, null);
  }
}
