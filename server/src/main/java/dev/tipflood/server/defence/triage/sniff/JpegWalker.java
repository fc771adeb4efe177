package dev.tipflood.server.defence.triage.sniff;

import dev.tipflood.server.defence.Decision;
import java.nio.ByteBuffer;

/**
 * Walks a JPEG's marker segments to its frame header (SOFn: height and width against the pixel
 * cap, wherever EXIF or comment segments put it), then scans the entropy-coded data for the EOI
 * marker that ends a complete file. Inside entropy-coded data a 0xFF byte is always followed by
 * 0x00 or a restart marker, so FF D9 there is the end. Data after EOI (some phones append their
 * own) is allowed; an archive appended there is {@link ZipTail}'s to find.
 */
final class JpegWalker extends StreamWalker {
  private enum State { SOI, MARKER, LENGTH, FRAME, ENTROPY }

  private final MediaCaps caps;
  private State state = State.SOI;
  private int marker;
  private boolean frameSeen;
  private boolean afterFf;
  private int remainingAfterFrame;

  JpegWalker(MediaCaps caps) {
    super(2);
    this.caps = caps;
  }

  @Override
  Decision.Reject collected(byte[] b, int n) {
    switch (state) {
      case SOI -> {
        if ((b[0] & 0xFF) != 0xFF || (b[1] & 0xFF) != 0xD8) {
          return invalid("a JPEG must start with FF D8");
        }
        nextMarker();
        return null;
      }
      case MARKER -> {
        return marker(b);
      }
      case LENGTH -> {
        int length = u16be(b, 0);
        if (length < 2) {
          return invalid(String.format("JPEG segment FF %02X at byte %d declares length %d", marker, offset() - 4,
              length));
        }
        if (isFrameHeader(marker)) {
          if (length < 7) {
            return invalid("JPEG frame header is " + length + " bytes long, too short for its dimensions");
          }
          state = State.FRAME;
          expect(5);
          remainingAfterFrame = length - 2 - 5;
          return null;
        }
        skip(length - 2);
        nextMarker();
        return null;
      }
      case FRAME -> {
        frameSeen = true;
        skip(remainingAfterFrame);
        nextMarker();
        return caps.pixels("JPEG", u16be(b, 3), u16be(b, 1));
      }
      default -> throw new IllegalStateException(state.name());
    }
  }

  private Decision.Reject marker(byte[] b) {
    if ((b[0] & 0xFF) != 0xFF) {
      return invalid(String.format("JPEG: expected a marker (FF xx) at byte %d, found %02X", offset() - 2, b[0]));
    }
    marker = b[1] & 0xFF;
    if (marker == 0xFF) { // fill byte: the marker code follows
      return null;
    }
    if (marker == 0xD9) {
      return invalid("JPEG ends (EOI) before any image data");
    }
    if (marker == 0xDA) {
      if (!frameSeen) {
        return invalid("JPEG image data (SOS) starts before any frame header (SOFn)");
      }
      state = State.ENTROPY;
      return null;
    }
    if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
      nextMarker();
      return null;
    }
    state = State.LENGTH;
    expect(2);
    return null;
  }

  private void nextMarker() {
    state = State.MARKER;
    expect(2);
  }

  private static boolean isFrameHeader(int m) {
    return m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC;
  }

  @Override
  boolean raw() {
    return state == State.ENTROPY;
  }

  /** Entropy-coded data (and the segments between progressive scans): look for FF D9 only. */
  @Override
  int scanRaw(ByteBuffer chunk, int from, int to) {
    for (int i = from; i < to; i++) {
      int v = chunk.get(i) & 0xFF;
      if (afterFf && v == 0xD9) {
        finish();
        return i + 1;
      }
      afterFf = v == 0xFF;
    }
    return to;
  }

  @Override
  String format() {
    return "JPEG";
  }
}
