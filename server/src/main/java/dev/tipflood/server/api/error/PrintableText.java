package dev.tipflood.server.api.error;

/**
 * Makes an error message that quotes client input safe to log and show: one printable line.
 * Control characters (C0, DEL and C1, which includes NEL, U+0085) are shown as {@code \xNN};
 * the Unicode line and paragraph separators and the bidirectional formatting characters, which
 * can split or reorder a log line, as {@code \}{@code uNNNN}. Everything else, other scripts
 * and emoji included, is kept as it is.
 */
public final class PrintableText {
  private PrintableText() {}

  /** {@code text} with every character that could break or reorder a line escaped. */
  public static String of(String text) {
    int first = firstUnsafe(text);
    if (first < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
    for (int i = first; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c)) {
        out.append(String.format("\\x%02x", (int) c));
      } else if (isLineOrBidiFormat(c)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static int firstUnsafe(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) || isLineOrBidiFormat(c)) {
        return i;
      }
    }
    return -1;
  }

  /** U+2028/2029, and the bidi marks, embeddings, overrides and isolates (Trojan Source). */
  private static boolean isLineOrBidiFormat(char c) {
    return c == '\u2028' || c == '\u2029' || c == '\u061c' || c == '\u200e' || c == '\u200f'
        || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
  }
}
