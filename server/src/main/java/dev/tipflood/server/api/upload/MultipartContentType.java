package dev.tipflood.server.api.upload;

import dev.tipflood.server.api.error.ApiException;
import dev.tipflood.server.api.error.ErrorCode;

/** Checks the Content-Type of a tip POST before any body byte is read, and extracts the boundary. */
public final class MultipartContentType {
  // RFC 2046 section 5.1.1: 1-70 characters from this set, not ending in a space.
  private static final String BOUNDARY_CHARS = "'()+_,-./:=? ";
  private static final int MAX_BOUNDARY = 70;

  private MultipartContentType() {}

  /**
   * Returns the boundary of a {@code multipart/form-data} content type.
   *
   * @throws ApiException {@code not_multipart}, {@code boundary_missing} or {@code boundary_invalid}
   */
  public static String boundary(String contentType) {
    if (contentType == null) {
      throw ApiException.of(ErrorCode.NOT_MULTIPART, "Content-Type is missing; a tip is multipart/form-data");
    }
    String type = mediaType(contentType);
    if (!isType(type, "multipart/form-data")) {
      throw ApiException.of(ErrorCode.NOT_MULTIPART, "Content-Type is '" + type.trim()
          + "'; a tip is multipart/form-data");
    }
    return boundaryParameter(contentType, type.length(), "multipart/form-data");
  }

  /** Whether a part's Content-Type declares a nested {@code multipart/mixed} body (several files under one name). */
  static boolean isMixed(String contentType) {
    return contentType != null && isType(mediaType(contentType), "multipart/mixed");
  }

  /**
   * Returns the boundary of a nested {@code multipart/mixed} part's content type.
   *
   * @throws ApiException {@code boundary_missing} or {@code boundary_invalid}
   */
  static String mixedBoundary(String contentType) {
    return boundaryParameter(contentType, mediaType(contentType).length(), "multipart/mixed");
  }

  /** The text before the first {@code ;} (the media type, untrimmed). */
  private static String mediaType(String contentType) {
    int semicolon = contentType.indexOf(';');
    return semicolon < 0 ? contentType : contentType.substring(0, semicolon);
  }

  /** Trimmed as {@link String#trim()} does; case-insensitive in ASCII only: media type names are ASCII (RFC 6838). */
  private static boolean isType(String type, String expected) {
    int from = 0;
    int to = type.length();
    while (from < to && type.charAt(from) <= ' ') {
      from++;
    }
    while (to > from && type.charAt(to - 1) <= ' ') {
      to--;
    }
    if (to - from != expected.length()) {
      return false;
    }
    for (int i = 0; i < expected.length(); i++) {
      char c = type.charAt(from + i);
      char lower = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
      if (lower != expected.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The {@code boundary} parameter among the {@code ;}-separated parameters that follow the media
   * type ({@code contentType} from index {@code at}, which is a {@code ;} or the end). The last one
   * wins if it is given twice.
   */
  private static String boundaryParameter(String contentType, int at, String type) {
    String boundary = null;
    while (at < contentType.length()) {
      int next = contentType.indexOf(';', at + 1);
      String p = contentType.substring(at + 1, next < 0 ? contentType.length() : next).trim();
      int eq = p.indexOf('=');
      if (eq > 0 && p.substring(0, eq).trim().equalsIgnoreCase("boundary")) {
        boundary = p.substring(eq + 1).trim();
        if (boundary.length() >= 2 && boundary.startsWith("\"") && boundary.endsWith("\"")) {
          boundary = boundary.substring(1, boundary.length() - 1);
        }
      }
      at = next < 0 ? contentType.length() : next;
    }
    if (boundary == null || boundary.isEmpty()) {
      throw ApiException.of(ErrorCode.BOUNDARY_MISSING, "Content-Type " + type + " has no boundary parameter");
    }
    if (!validBoundary(boundary)) {
      throw ApiException.of(ErrorCode.BOUNDARY_INVALID, "the multipart boundary must be 1-70 characters of "
          + "letters, digits and '()+_,-./:=? (RFC 2046), not ending in a space");
    }
    return boundary;
  }

  /** A hand check, not a regex: it runs on every tip POST. */
  static boolean validBoundary(String b) {
    int n = b.length();
    if (n == 0 || n > MAX_BOUNDARY || b.charAt(n - 1) == ' ') {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = b.charAt(i);
      boolean alnum = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
      if (!alnum && BOUNDARY_CHARS.indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }
}
