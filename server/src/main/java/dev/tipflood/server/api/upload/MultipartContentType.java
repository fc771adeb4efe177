package dev.tipflood.server.api.upload;

import dev.tipflood.server.api.ApiException;
import dev.tipflood.server.api.ErrorCode;
import java.util.Locale;

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
    String[] params = contentType.split(";");
    if (!isType(params[0], "multipart/form-data")) {
      throw ApiException.of(ErrorCode.NOT_MULTIPART, "Content-Type is '" + params[0].trim()
          + "'; a tip is multipart/form-data");
    }
    return boundaryParameter(params, "multipart/form-data");
  }

  /** Whether a part's Content-Type declares a nested {@code multipart/mixed} body (several files under one name). */
  static boolean isMixed(String contentType) {
    return contentType != null && isType(contentType.split(";", 2)[0], "multipart/mixed");
  }

  /**
   * Returns the boundary of a nested {@code multipart/mixed} part's content type.
   *
   * @throws ApiException {@code boundary_missing} or {@code boundary_invalid}
   */
  static String mixedBoundary(String contentType) {
    return boundaryParameter(contentType.split(";"), "multipart/mixed");
  }

  private static boolean isType(String type, String expected) {
    return type.trim().toLowerCase(Locale.ROOT).equals(expected);
  }

  private static String boundaryParameter(String[] params, String type) {
    String boundary = null;
    for (int i = 1; i < params.length; i++) {
      String p = params[i].trim();
      int eq = p.indexOf('=');
      if (eq > 0 && p.substring(0, eq).trim().equalsIgnoreCase("boundary")) {
        boundary = p.substring(eq + 1).trim();
        if (boundary.length() >= 2 && boundary.startsWith("\"") && boundary.endsWith("\"")) {
          boundary = boundary.substring(1, boundary.length() - 1);
        }
      }
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
