package dev.tipflood.server.defence.triage.sniff;

import dev.tipflood.server.defence.Decision;

/**
 * Walks a GIF's blocks without decoding a pixel: the logical screen and each frame's size
 * against the pixel cap, the number of image descriptors against the frame cap (a 10,000-frame
 * GIF is refused at its 1,001st frame header when the cap is 1,000), and the trailer that ends a
 * complete file.
 */
final class GifWalker extends StreamWalker {
  private enum State { HEADER, INTRO, EXTENSION_LABEL, SUB_BLOCK, IMAGE_DESCRIPTOR, LZW_MIN }

  private final MediaCaps caps;
  private State state = State.HEADER;
  private long frames;

  GifWalker(MediaCaps caps) {
    super(13);
    this.caps = caps;
  }

  @Override
  Decision.Reject collected(byte[] b, int n) {
    switch (state) {
      case HEADER -> {
        Decision.Reject r = caps.pixels("GIF logical screen", u16le(b, 6), u16le(b, 8));
        skipColourTable(b[10]);
        intro();
        return r;
      }
      case INTRO -> {
        int intro = b[0] & 0xFF;
        if (intro == 0x3B) {
          finish();
          return null;
        }
        if (intro == 0x21) {
          state = State.EXTENSION_LABEL;
          expect(1);
          return null;
        }
        if (intro == 0x2C) {
          state = State.IMAGE_DESCRIPTOR;
          expect(9);
          return null;
        }
        return invalid(String.format("GIF block at byte %d starts with 0x%02X, not an extension (0x21), an image "
            + "(0x2C) or the trailer (0x3B)", offset() - 1, intro));
      }
      case EXTENSION_LABEL -> {
        subBlocks();
        return null;
      }
      case IMAGE_DESCRIPTOR -> {
        frames++;
        Decision.Reject r = caps.frames("GIF", frames, caps.maxGifFrames());
        if (r == null) {
          r = caps.pixels("GIF frame " + frames, u16le(b, 4), u16le(b, 6));
        }
        skipColourTable(b[8]);
        state = State.LZW_MIN;
        expect(1);
        return r;
      }
      case LZW_MIN -> {
        subBlocks();
        return null;
      }
      case SUB_BLOCK -> {
        int length = b[0] & 0xFF;
        if (length == 0) {
          intro();
        } else {
          skip(length);
          expect(1);
        }
        return null;
      }
      default -> throw new IllegalStateException(state.name());
    }
  }

  private void skipColourTable(byte packed) {
    if ((packed & 0x80) != 0) {
      skip(3L << ((packed & 7) + 1));
    }
  }

  private void intro() {
    state = State.INTRO;
    expect(1);
  }

  private void subBlocks() {
    state = State.SUB_BLOCK;
    expect(1);
  }

  @Override
  String format() {
    return "GIF";
  }
}
