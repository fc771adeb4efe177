package dev.tipflood.server.defence.triage.sniff;

import dev.tipflood.server.defence.Decision;
import dev.tipflood.server.defence.PartScanner;
import dev.tipflood.server.defence.Reason;
import java.nio.ByteBuffer;

/**
 * A {@link PartScanner} that walks a format's structure as the bytes stream: it asks for the
 * next {@code n} bytes of a header ({@link #expect}) or skips a body it does not need
 * ({@link #skip}), so a 500MB video costs a few hundred header reads and no copies. State is a
 * 32-byte buffer and two counters; nothing is decoded.
 */
abstract class StreamWalker implements PartScanner {
  private static final int MAX_EXPECT = 128;
  private final byte[] buf = new byte[MAX_EXPECT];
  private int want;
  private int have;
  private long skip;
  private long offset;
  private boolean done;
  private Decision.Reject failed;

  /** Starts by expecting the first {@code n} bytes. */
  StreamWalker(int first) {
    expect(first);
  }

  /** The next {@code n} bytes (at most 128) go to {@link #collected}. */
  final void expect(int n) {
    if (n < 1 || n > MAX_EXPECT) {
      throw new IllegalArgumentException("expect 1.." + MAX_EXPECT + " bytes, got " + n);
    }
    want = n;
    have = 0;
  }

  /** Skips {@code n} bytes, then goes on expecting what was last asked for. */
  final void skip(long n) {
    skip += n;
  }

  /** Stops walking; the rest of the part is not looked at (by this walker). */
  final void finish() {
    done = true;
  }

  /** The absolute offset in the part of the next byte. */
  final long offset() {
    return offset;
  }

  /** Bytes still to skip: a body that the part ended inside of, if the part has ended. */
  final long pendingSkip() {
    return skip;
  }

  /** Whether the walker finished (found its end marker, or stopped by choice). */
  final boolean finished() {
    return done;
  }

  /** {@code n} bytes arrived, in {@code b[0..n)}; set the next expectation, or return a refusal. */
  abstract Decision.Reject collected(byte[] b, int n);

  /** Between expectations, a walker may consume plain bytes fast (e.g. entropy-coded data); default none. */
  int scanRaw(ByteBuffer chunk, int from, int to) {
    return from;
  }

  /** Whether {@link #scanRaw} wants the bytes now instead of {@link #expect}. */
  boolean raw() {
    return false;
  }

  @Override
  public final Decision.Reject scan(ByteBuffer chunk) {
    if (failed != null || done) {
      return failed;
    }
    int pos = chunk.position();
    int lim = chunk.limit();
    while (pos < lim && !done) {
      if (skip > 0) {
        int n = (int) Math.min(skip, lim - pos);
        skip -= n;
        pos += n;
        offset += n;
        continue;
      }
      if (raw()) {
        int next = scanRaw(chunk, pos, lim);
        offset += next - pos;
        pos = next;
        continue;
      }
      buf[have++] = chunk.get(pos++);
      offset++;
      if (have == want) {
        int n = want;
        have = 0;
        Decision.Reject r = collected(buf, n);
        if (r != null) {
          failed = r;
          return r;
        }
      }
    }
    return null;
  }

  /** The part ended: a walker still inside its structure reports it truncated (see {@link #atEnd}). */
  @Override
  public final Decision.Reject end(long size) {
    if (failed != null) {
      return failed;
    }
    return atEnd(size);
  }

  /** Judges the end of the part; by default the structure must have reached its end marker. */
  Decision.Reject atEnd(long size) {
    return done ? null : truncated("the part ends at byte " + size + " inside its " + format() + " structure");
  }

  /** The format's name for messages. */
  abstract String format();

  static Decision.Reject truncated(String detail) {
    return Decision.reject(Reason.MEDIA_TRUNCATED, 0, detail);
  }

  static Decision.Reject invalid(String detail) {
    return Decision.reject(Reason.MEDIA_HEADER_INVALID, 0, detail);
  }

  static int u16be(byte[] b, int at) {
    return (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
  }

  static int u16le(byte[] b, int at) {
    return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
  }

  static long u32be(byte[] b, int at) {
    return (long) u16be(b, at) << 16 | u16be(b, at + 2);
  }

  static long u32le(byte[] b, int at) {
    return u16le(b, at) | (long) u16le(b, at + 2) << 16;
  }

  static String fourcc(byte[] b, int at) {
    return new String(b, at, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
  }
}
