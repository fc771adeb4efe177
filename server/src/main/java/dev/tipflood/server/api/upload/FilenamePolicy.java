package dev.tipflood.server.api.upload;

import dev.tipflood.server.api.error.ApiException;
import dev.tipflood.server.api.error.ErrorCode;

/**
 * A media part's filename is kept only as a label, never used as a path; still, names that
 * would be dangerous anywhere downstream are refused outright.
 */
final class FilenamePolicy {
  static final int MAX_LENGTH = 255;

  private FilenamePolicy() {}

  /** Returns {@code name} when acceptable; otherwise throws {@code bad_filename} saying why. */
  static String check(String name) {
    if (name == null || name.isEmpty()) {
      throw bad("a media part needs a non-empty filename");
    }
    if (name.length() > MAX_LENGTH) {
      throw bad("the filename has " + name.length() + " characters; at most " + MAX_LENGTH + " are allowed");
    }
    if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0 || name.equals("..") || name.equals(".")) {
      throw bad("the filename must be a plain name without a path (no '/', '\\' or '..')");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        throw bad("the filename contains the control character U+" + String.format("%04X", (int) c));
      }
    }
    return name;
  }

  private static ApiException bad(String message) {
    return ApiException.of(ErrorCode.BAD_FILENAME, message);
  }
}
