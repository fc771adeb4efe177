package dev.tipflood.server.api.upload.multipart;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;

/**
 * Reads one part's header block, line by line, as it streams in. Keeps only the current line
 * (in a buffer reused across parts) and the two header values a part needs. The block size is
 * checked before bytes are copied, so memory never exceeds the cap.
 */
final class HeaderBlock {
  private static final byte[] CONTENT_DISPOSITION = "content-disposition".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] CONTENT_TYPE = "content-type".getBytes(StandardCharsets.US_ASCII);
  private static final int MAX_QUOTED_LINE = 60;

  private final int maxBytes;
  private final String mixedName;
  private byte[] line = new byte[128];
  private int lineLength;
  private long blockBytes;
  private int part;
  private String disposition;
  private String contentType;
  private boolean complete;

  /** @param mixedName null for form-data parts; for the parts of a nested multipart/mixed, the outer part's name */
  HeaderBlock(int maxBytes, String mixedName) {
    this.mixedName = mixedName;
    this.maxBytes = maxBytes;
  }

  /** Starts the header block of part number {@code part} (1-based). */
  void start(int part) {
    this.part = part;
    lineLength = 0;
    blockBytes = 0;
    disposition = null;
    contentType = null;
    complete = false;
  }

  /** Whether the blank line that ends the block was read. */
  boolean complete() {
    return complete;
  }

  /**
   * Consumes header bytes from {@code chunk[from, end)}.
   *
   * @return the index after the blank line if {@link #complete()}, else {@code end}
   * @throws MultipartException MALFORMED or HEADERS_TOO_LARGE
   */
  int consume(Buffer chunk, int from, int end) {
    int i = from;
    while (i < end) {
      int lf = indexOfLf(chunk, i, end);
      int stop = lf < 0 ? end : lf + 1;
      append(chunk, i, stop);
      i = stop;
      if (lf >= 0) {
        if (endLine()) {
          complete = true;
          return i;
        }
      }
    }
    return end;
  }

  /** The part's headers, once {@link #complete()}. */
  PartHeaders headers() {
    if (disposition == null) {
      throw MultipartException.malformed(part, "no Content-Disposition header");
    }
    return ContentDisposition.parse(part, disposition, contentType, mixedName);
  }

  private static int indexOfLf(Buffer chunk, int from, int end) {
    for (int i = from; i < end; i++) {
      if (chunk.getByte(i) == '\n') {
        return i;
      }
    }
    return -1;
  }

  private void append(Buffer chunk, int from, int to) {
    int n = to - from;
    blockBytes += n;
    if (blockBytes > maxBytes) {
      throw MultipartException.of(MultipartException.Kind.HEADERS_TOO_LARGE,
          "part " + part + ": header block is over maxHeaderBytesPerPart=" + maxBytes + " bytes");
    }
    if (lineLength + n > line.length) {
      byte[] bigger = new byte[Math.min(maxBytes, Math.max(line.length * 2, lineLength + n))];
      System.arraycopy(line, 0, bigger, 0, lineLength);
      line = bigger;
    }
    chunk.getBytes(from, to, line, lineLength);
    lineLength += n;
  }

  /** Handles the complete line in {@code line} (ending in LF); returns true for the blank line. */
  private boolean endLine() {
    int n = lineLength - 1;
    lineLength = 0;
    if (n == 0 || line[n - 1] != '\r') {
      throw MultipartException.malformed(part, "header line ends in a bare LF, not CRLF");
    }
    n--;
    if (n == 0) {
      return true;
    }
    if (line[0] == ' ' || line[0] == '\t') {
      throw MultipartException.malformed(part, "obsolete header line folding (line starts with a space or tab): "
          + quote(n));
    }
    int colon = -1;
    for (int i = 0; i < n; i++) {
      byte b = line[i];
      if (b == '\r') {
        throw MultipartException.malformed(part, "bare CR inside header line " + quote(n));
      }
      if (b == ':' && colon < 0) {
        colon = i;
      }
    }
    if (colon < 0) {
      throw MultipartException.malformed(part, "header line without ':': " + quote(n));
    }
    if (colon == 0) {
      throw MultipartException.malformed(part, "header line with an empty name: " + quote(n));
    }
    for (int i = 0; i < colon; i++) {
      if (line[i] <= ' ' || line[i] == 0x7f) {
        throw MultipartException.malformed(part, "header name contains a space, control or non-ASCII character: " + quote(n));
      }
    }
    if (nameIs(CONTENT_DISPOSITION, colon)) {
      if (disposition != null) {
        throw MultipartException.malformed(part, "more than one Content-Disposition header");
      }
      disposition = value(colon + 1, n);
    } else if (nameIs(CONTENT_TYPE, colon)) {
      if (contentType != null) {
        throw MultipartException.malformed(part, "more than one Content-Type header");
      }
      contentType = value(colon + 1, n);
    }
    return false;
  }

  private boolean nameIs(byte[] lowerName, int length) {
    if (length != lowerName.length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      byte b = line[i];
      if (b >= 'A' && b <= 'Z') {
        b += 'a' - 'A';
      }
      if (b != lowerName[i]) {
        return false;
      }
    }
    return true;
  }

  /** The value between {@code from} and {@code to}, optional whitespace trimmed, decoded as UTF-8. */
  private String value(int from, int to) {
    while (from < to && (line[from] == ' ' || line[from] == '\t')) {
      from++;
    }
    while (to > from && (line[to - 1] == ' ' || line[to - 1] == '\t')) {
      to--;
    }
    return new String(line, from, to - from, StandardCharsets.UTF_8);
  }

  /** The start of the current line for a message (MultipartException makes it printable). */
  private String quote(int n) {
    String text = new String(line, 0, Math.min(n, MAX_QUOTED_LINE), StandardCharsets.UTF_8);
    return "'" + text + (n > MAX_QUOTED_LINE ? "...'" : "'");
  }
}
