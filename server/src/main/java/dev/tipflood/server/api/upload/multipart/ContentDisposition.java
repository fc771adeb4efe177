package dev.tipflood.server.api.upload.multipart;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Parses a part's {@code Content-Disposition: form-data; name=...; filename=...} value (RFC 7578
 * section 4.2, RFC 6266 grammar; {@code filename*} per RFC 5987). A hand parser, not a regex: it
 * runs once per part on every tip.
 */
final class ContentDisposition {
  private final int part;
  private final String text;
  private int pos;

  private ContentDisposition(int part, String text) {
    this.part = part;
    this.text = text;
  }

  /**
   * @param part 1-based part number, for messages
   * @param value the Content-Disposition value, trimmed
   * @param contentType the Content-Type value or null
   * @param mixedName null for a form-data part; for a part of a nested multipart/mixed, the outer
   *     part's name, which a part without a name parameter takes
   * @throws MultipartException MALFORMED, naming what is wrong
   */
  static PartHeaders parse(int part, String value, String contentType, String mixedName) {
    return new ContentDisposition(part, value).parse(contentType, mixedName);
  }

  private PartHeaders parse(String contentType, String mixedName) {
    String type = token();
    if (mixedName == null && !type.equalsIgnoreCase("form-data")) {
      throw fail("Content-Disposition is '" + type + "', expected form-data");
    }
    if (mixedName != null && !isMixedDisposition(type)) {
      throw fail("Content-Disposition is '" + type + "', expected attachment, file, inline or form-data "
          + "in a nested multipart/mixed");
    }
    String name = null;
    String filename = null;
    String extFilename = null;
    skipSpaces();
    while (pos < text.length()) {
      expect(';');
      skipSpaces();
      if (pos == text.length()) {
        break; // a trailing ';' is harmless
      }
      String param = token();
      skipSpaces();
      expect('=');
      skipSpaces();
      String value = pos < text.length() && text.charAt(pos) == '"' ? quotedString() : token();
      if (param.equalsIgnoreCase("name")) {
        name = unique(name, value, "name");
      } else if (param.equalsIgnoreCase("filename")) {
        filename = unique(filename, value, "filename");
      } else if (param.equalsIgnoreCase("filename*")) {
        extFilename = unique(extFilename, extValue(value), "filename*");
      }
      skipSpaces();
    }
    if (name == null && mixedName != null) {
      name = mixedName;
    }
    if (name == null) {
      throw fail("Content-Disposition has no name parameter");
    }
    if (name.isEmpty()) {
      throw fail("Content-Disposition has an empty name parameter");
    }
    return new PartHeaders(name, extFilename != null ? extFilename : filename, contentType);
  }

  private static boolean isMixedDisposition(String type) {
    return type.equalsIgnoreCase("attachment") || type.equalsIgnoreCase("file") || type.equalsIgnoreCase("inline")
        || type.equalsIgnoreCase("form-data");
  }

  private String unique(String previous, String value, String param) {
    if (previous != null) {
      throw fail("Content-Disposition has the " + param + " parameter twice");
    }
    return value;
  }

  /** An RFC 7230 token; empty is an error. */
  private String token() {
    int start = pos;
    while (pos < text.length() && isTokenChar(text.charAt(pos))) {
      pos++;
    }
    if (pos == start) {
      throw fail(pos == text.length()
          ? "Content-Disposition '" + text + "' ends where a token was expected"
          : "Content-Disposition '" + text + "' has '" + text.charAt(pos) + "' at index " + pos
              + " where a token was expected");
    }
    return text.substring(start, pos);
  }

  private String quotedString() {
    pos++; // opening quote
    StringBuilder out = null;
    int start = pos;
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == '"') {
        String value = out == null ? text.substring(start, pos) : out.append(text, start, pos).toString();
        pos++;
        return value;
      }
      if (c == '\\' && pos + 1 < text.length()) {
        if (out == null) {
          out = new StringBuilder();
        }
        out.append(text, start, pos).append(text.charAt(pos + 1));
        pos += 2;
        start = pos;
      } else {
        pos++;
      }
    }
    throw fail("Content-Disposition '" + text + "' has an unterminated quoted string");
  }

  /** RFC 5987 ext-value: charset'language'percent-encoded. */
  private String extValue(String value) {
    int q1 = value.indexOf('\'');
    int q2 = q1 < 0 ? -1 : value.indexOf('\'', q1 + 1);
    if (q2 < 0) {
      throw fail("filename* '" + value + "' is not charset'language'value (RFC 5987)");
    }
    String charsetName = value.substring(0, q1);
    Charset charset;
    if (charsetName.equalsIgnoreCase("UTF-8")) {
      charset = StandardCharsets.UTF_8;
    } else if (charsetName.equalsIgnoreCase("ISO-8859-1")) {
      charset = StandardCharsets.ISO_8859_1;
    } else {
      throw fail("filename* charset '" + charsetName + "' is not UTF-8 or ISO-8859-1");
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length() - q2);
    for (int i = q2 + 1; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '%') {
        int hi = i + 2 < value.length() ? hex(value.charAt(i + 1)) : -1;
        int lo = hi < 0 ? -1 : hex(value.charAt(i + 2));
        if (lo < 0) {
          throw fail("filename* '" + value + "' has a bad percent escape at index " + i);
        }
        bytes.write(hi << 4 | lo);
        i += 2;
      } else if (c < 0x80) {
        bytes.write(c);
      } else {
        throw fail("filename* '" + value + "' has a raw non-ASCII character; it must be percent-encoded");
      }
    }
    return bytes.toString(charset);
  }

  private void expect(char c) {
    if (pos >= text.length() || text.charAt(pos) != c) {
      throw fail("Content-Disposition '" + text + "' expected '" + c + "' at index " + pos);
    }
    pos++;
  }

  private void skipSpaces() {
    while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
      pos++;
    }
  }

  private MultipartException fail(String problem) {
    return MultipartException.malformed(part, problem);
  }

  /** ASCII hex digits only: Character.digit would also take other scripts' digits. */
  private static int hex(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    char lower = (char) (c | 0x20);
    return lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
  }

  private static boolean isTokenChar(char c) {
    if (c <= ' ' || c >= 0x7f) {
      return false;
    }
    return "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
  }
}
