package dev.tipflood.server.defence.triage.sniff;

import dev.tipflood.server.defence.Decision;

/**
 * Walks a PNG's chunks: the IHDR's width and height against the pixel cap (a 50000x50000 PNG is
 * refused on its first 24 bytes), every chunk length against the part cap, and the IEND chunk
 * that ends a complete file. Bytes after IEND are not PNG's business (see {@link ZipTail}).
 */
final class PngWalker extends StreamWalker {
  private enum State { SIGNATURE, CHUNK, IHDR, IEND_CRC }

  private final MediaCaps caps;
  private State state = State.SIGNATURE;
  private boolean first = true;

  PngWalker(MediaCaps caps) {
    super(8);
    this.caps = caps;
  }

  @Override
  Decision.Reject collected(byte[] b, int n) {
    switch (state) {
      case SIGNATURE -> {
        state = State.CHUNK;
        expect(8);
        return null;
      }
      case IEND_CRC -> {
        finish();
        return null;
      }
      case IHDR -> {
        state = State.CHUNK;
        skip(5 + 4); // the rest of IHDR, its CRC
        expect(8);
        return caps.pixels("PNG", u32be(b, 0), u32be(b, 4));
      }
      default -> {
        return chunk(u32be(b, 0), fourcc(b, 4));
      }
    }
  }

  private Decision.Reject chunk(long length, String type) {
    if (length > Integer.MAX_VALUE) {
      return invalid("PNG chunk " + type + " declares " + length + " bytes (at most 2^31-1)");
    }
    Decision.Reject r = caps.declared("PNG", "chunk " + type, length);
    if (r != null) {
      return r;
    }
    if (first) {
      first = false;
      if (!type.equals("IHDR") || length != 13) {
        return invalid("a PNG must start with a 13-byte IHDR chunk, found " + type + " of " + length + " bytes");
      }
      state = State.IHDR;
      expect(8);
      return null;
    }
    if (type.equals("IEND")) {
      state = State.IEND_CRC;
      skip(length);
      expect(4);
      return null;
    }
    skip(length + 4);
    expect(8);
    return null;
  }

  @Override
  String format() {
    return "PNG";
  }
}
