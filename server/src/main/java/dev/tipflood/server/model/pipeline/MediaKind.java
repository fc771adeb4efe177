package dev.tipflood.server.model.pipeline;

import java.util.Locale;

/** Media types that cost differently to process and to review. */
public enum MediaKind {
  PHOTO,
  GIF,
  VIDEO,
  OTHER;

  /** Classifies a MIME type such as {@code image/jpeg}; parameters and case are ignored. */
  public static MediaKind fromContentType(String contentType) {
    if (contentType == null) {
      return OTHER;
    }
    String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (type.equals("image/gif")) {
      return GIF;
    }
    if (type.startsWith("image/")) {
      return PHOTO;
    }
    if (type.startsWith("video/") || type.equals("application/x-troff-msvideo")) {
      return VIDEO;
    }
    return OTHER;
  }

  /** The profile's spelling: {@code photo}, {@code gif}, {@code video}, {@code other}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
