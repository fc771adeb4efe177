package dev.tipflood.server.defence.triage.sniff;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The media formats triage knows how to check without decoding, each with the MIME types that
 * name it (what Tika reports and what clients declare) and the walker that checks its structure.
 */
enum MediaFamily {
  JPEG(JpegWalker::new, "image/jpeg", "image/jpg", "image/pjpeg"),
  PNG(PngWalker::new, "image/png", "image/x-png"),
  GIF(GifWalker::new, "image/gif"),
  AVI(RiffWalker::new, "video/x-msvideo", "video/avi", "video/msvideo"),
  ISO_MEDIA(IsoBoxWalker::new, "video/mp4", "video/quicktime", "video/3gpp", "video/x-m4v", "application/mp4");

  private final Function<MediaCaps, StreamWalker> walker;
  private final String[] types;
  private static final Map<String, MediaFamily> BY_TYPE = byType();

  MediaFamily(Function<MediaCaps, StreamWalker> walker, String... types) {
    this.walker = walker;
    this.types = types;
  }

  private static Map<String, MediaFamily> byType() {
    Map<String, MediaFamily> m = new java.util.HashMap<>();
    for (MediaFamily f : values()) {
      for (String t : f.types) {
        m.put(t, f);
      }
    }
    return Map.copyOf(m);
  }

  /** The family a MIME type names (parameters and case ignored), or null. */
  static MediaFamily of(String mimeType) {
    if (mimeType == null) {
      return null;
    }
    int semi = mimeType.indexOf(';');
    String t = (semi < 0 ? mimeType : mimeType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    return BY_TYPE.get(t);
  }

  /** The canonical MIME type. */
  String mimeType() {
    return types[0];
  }

  StreamWalker walker(MediaCaps caps) {
    return walker.apply(caps);
  }
}
