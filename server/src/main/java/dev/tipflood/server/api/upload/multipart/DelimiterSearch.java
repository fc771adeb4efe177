package dev.tipflood.server.api.upload.multipart;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Finds the delimiter {@code CRLF "--" boundary} in a stream of buffers (Horspool search), hands
 * the bytes that cannot belong to it to a {@link Sink} as slices, and holds back only a trailing
 * partial match. The held-back bytes are always a prefix of the delimiter, so they need no buffer.
 *
 * <p>The boundary contains no CR, so a delimiter can only start at a CR: after a partial match
 * fails, the search resumes at the failing byte and never re-reads held bytes.
 */
final class DelimiterSearch {

  /** Receives bytes that are not part of a delimiter. */
  interface Sink {
    void data(Buffer data);
  }

  private static final byte CR = '\r';

  private final byte[] delimiter;
  /** Horspool shift per byte value; at most 74, so a byte each. */
  private final byte[] shift = new byte[256];
  private int held;
  private long matchStart;
  private boolean found;

  /** @param atBodyStart true to also match "--" boundary without the CRLF at offset 0 of the stream */
  DelimiterSearch(String boundary, boolean atBodyStart) {
    delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII);
    int last = delimiter.length - 1;
    Arrays.fill(shift, (byte) delimiter.length);
    for (int i = 0; i < last; i++) {
      shift[delimiter[i] & 0xff] = (byte) (last - i);
    }
    if (atBodyStart) {
      // As if a CRLF preceded the body; RFC 2046 lets the first delimiter omit it.
      held = 2;
    }
  }

  /** The delimiter's length in bytes. */
  int length() {
    return delimiter.length;
  }

  /** Whether the last {@link #scan} ended at a delimiter. */
  boolean found() {
    return found;
  }

  /** Stream offset where the found, or the partly matched, delimiter starts. */
  long matchStart() {
    return matchStart;
  }

  /** How many bytes of a partial delimiter are held back at the end of the last scan. */
  int held() {
    return held;
  }

  /**
   * Scans {@code chunk[from, end)}. Bytes before a delimiter go to the sink, except a trailing
   * partial match, which is held until the next scan decides it.
   *
   * @param chunkOffset stream offset of {@code chunk}'s index 0
   * @return the index just after the delimiter if {@link #found()}, else {@code end}
   */
  int scan(Buffer chunk, int from, int end, long chunkOffset, Sink sink) {
    found = false;
    int i = from;
    if (held > 0) {
      int carried = held;
      while (i < end && held < delimiter.length && chunk.getByte(i) == delimiter[held]) {
        i++;
        held++;
      }
      if (held == delimiter.length) {
        held = 0;
        found = true;
        return i;
      }
      if (i == end) {
        return end;
      }
      held = 0;
      // Rare: the held prefix turned out to be data. Copy it, the delimiter must stay intact.
      sink.data(Buffer.buffer(Arrays.copyOf(delimiter, carried)));
      // chunk[from, i) matched delimiter bytes after the CR, so no delimiter starts there.
    }
    int dataFrom = from;
    int last = delimiter.length - 1;
    byte lastByte = delimiter[last];
    while (i + last < end) {
      byte b = chunk.getByte(i + last);
      if (b == lastByte && matchesAt(chunk, i)) {
        emit(chunk, dataFrom, i, sink);
        matchStart = chunkOffset + i;
        found = true;
        return i + delimiter.length;
      }
      i += shift[b & 0xff];
    }
    for (int k = i; k < end; k++) {
      if (chunk.getByte(k) == CR && prefixAt(chunk, k, end)) {
        emit(chunk, dataFrom, k, sink);
        held = end - k;
        matchStart = chunkOffset + k;
        return end;
      }
    }
    emit(chunk, dataFrom, end, sink);
    return end;
  }

  private boolean matchesAt(Buffer chunk, int at) {
    for (int j = 0; j < delimiter.length; j++) {
      if (chunk.getByte(at + j) != delimiter[j]) {
        return false;
      }
    }
    return true;
  }

  private boolean prefixAt(Buffer chunk, int at, int end) {
    for (int j = 0; at + j < end; j++) {
      if (chunk.getByte(at + j) != delimiter[j]) {
        return false;
      }
    }
    return true;
  }

  private static void emit(Buffer chunk, int from, int to, Sink sink) {
    if (to > from) {
      sink.data(chunk.slice(from, to));
    }
  }
}
