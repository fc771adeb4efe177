package dev.tipflood.server.defence.triage.sniff;

import dev.tipflood.server.defence.Decision;
import java.util.ArrayDeque;

/**
 * Walks an MP4 or QuickTime file's boxes (ISO base media format): every box size against the
 * part cap and its parent, into {@code moov} and each {@code trak} to read the track header's
 * width and height (16.16 fixed point) against the pixel cap; at the end the top-level boxes must
 * end exactly where the part does. Media data ({@code mdat}) is skipped unread.
 */
final class IsoBoxWalker extends StreamWalker {
  private enum State { HEADER, LARGE_SIZE, TKHD }

  private final MediaCaps caps;
  private final ArrayDeque<Long> parents = new ArrayDeque<>();
  private State state = State.HEADER;
  private String type;
  private long boxStart;
  private long boxEnd;

  IsoBoxWalker(MediaCaps caps) {
    super(8);
    this.caps = caps;
  }

  @Override
  Decision.Reject collected(byte[] b, int n) {
    switch (state) {
      case HEADER -> {
        while (!parents.isEmpty() && offset() - 8 >= parents.peek()) {
          parents.pop();
        }
        boxStart = offset() - 8;
        type = fourcc(b, 4);
        long size = u32be(b, 0);
        if (size == 1) {
          state = State.LARGE_SIZE;
          expect(8);
          return null;
        }
        if (size == 0) { // to the end of the file: only allowed at the top level
          finish();
          return parents.isEmpty() ? null : invalid("ISO box '" + type + "' inside another declares 'to the end'");
        }
        if (size < 8) {
          return invalid("ISO box '" + type + "' at byte " + boxStart + " declares " + size + " bytes, less than "
              + "its own header");
        }
        return box(size, 8);
      }
      case LARGE_SIZE -> {
        long size = u32be(b, 0) << 32 | u32be(b, 4);
        return size < 16 ? invalid("ISO box '" + type + "' declares a 64-bit size of " + Long.toUnsignedString(size))
            : box(size, 16);
      }
      case TKHD -> {
        header();
        // The last 8 bytes of tkhd are width and height, 16.16 fixed point.
        return caps.pixels("MP4 track", u32be(b, n - 8) >>> 16, u32be(b, n - 4) >>> 16);
      }
      default -> throw new IllegalStateException(state.name());
    }
  }

  private Decision.Reject box(long size, int headerBytes) {
    Decision.Reject r = caps.declared("MP4", "box '" + type + "'", size);
    if (r != null) {
      return r;
    }
    boxEnd = boxStart + size;
    Long parentEnd = parents.peek();
    if (parentEnd != null && boxEnd > parentEnd) {
      return invalid("ISO box '" + type + "' at byte " + boxStart + " declares " + size + " bytes, beyond its "
          + "parent's end at byte " + parentEnd);
    }
    long body = size - headerBytes;
    if (type.equals("moov") || type.equals("trak")) {
      parents.push(boxEnd);
      header();
    } else if (type.equals("tkhd") && (body == 84 || body == 96)) {
      state = State.TKHD;
      skip(body - 84); // version 1 has wider times; width and height are the last 8 bytes either way
      expect(84);
    } else {
      skip(body);
      header();
    }
    return null;
  }

  private void header() {
    state = State.HEADER;
    expect(8);
  }

  @Override
  Decision.Reject atEnd(long size) {
    if (finished()) {
      return null;
    }
    if (state == State.HEADER && offset() == size && pendingSkip() == 0) {
      return size == 0 ? truncated("empty MP4") : null;
    }
    return truncated("the part ends at byte " + size + " inside ISO box '" + type + "', which declares its end at "
        + "byte " + boxEnd);
  }

  @Override
  String format() {
    return "MP4";
  }
}
