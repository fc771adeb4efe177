package dev.tipflood.server.defence.triage.sniff;

import dev.tipflood.server.defence.Decision;

/**
 * Walks an AVI's RIFF chunks: the RIFF size against the part cap and, at the end, against the
 * bytes that arrived; the main AVI header ({@code avih}: total frames, width, height) against
 * the frame and pixel caps; every chunk size against its container. The {@code movi} list (the
 * frames themselves) is skipped unread.
 */
final class RiffWalker extends StreamWalker {
  private enum State { RIFF, CHUNK, LIST_TYPE, AVIH }

  private final MediaCaps caps;
  private State state = State.RIFF;
  private long riffEnd;
  private long chunkSize;

  RiffWalker(MediaCaps caps) {
    super(12);
    this.caps = caps;
  }

  @Override
  Decision.Reject collected(byte[] b, int n) {
    switch (state) {
      case RIFF -> {
        if (!fourcc(b, 0).equals("RIFF") || !fourcc(b, 8).equals("AVI ")) {
          return invalid("an AVI must start with RIFF....AVI");
        }
        long size = u32le(b, 4);
        riffEnd = 8 + size;
        chunk();
        return caps.declared("AVI", "RIFF chunk", size);
      }
      case CHUNK -> {
        String id = fourcc(b, 0);
        chunkSize = u32le(b, 4);
        if (offset() + chunkSize > riffEnd) {
          return invalid("AVI chunk '" + id + "' at byte " + (offset() - 8) + " declares " + chunkSize
              + " bytes, beyond the end of its RIFF chunk at byte " + riffEnd);
        }
        if (id.equals("LIST")) {
          state = State.LIST_TYPE;
          expect(4);
        } else if (id.equals("avih") && chunkSize >= 40) {
          state = State.AVIH;
          expect(40);
        } else {
          skip(chunkSize + (chunkSize & 1));
          chunk();
        }
        return null;
      }
      case LIST_TYPE -> {
        if (fourcc(b, 0).equals("movi")) {
          skip(chunkSize - 4 + (chunkSize & 1));
        }
        chunk(); // hdrl, strl and the like: walk into them
        return null;
      }
      case AVIH -> {
        skip(chunkSize - 40 + (chunkSize & 1));
        chunk();
        Decision.Reject r = caps.frames("AVI", u32le(b, 16), caps.maxVideoFrames());
        return r != null ? r : caps.pixels("AVI", u32le(b, 32), u32le(b, 36));
      }
      default -> throw new IllegalStateException(state.name());
    }
  }

  private void chunk() {
    state = State.CHUNK;
    expect(8);
  }

  @Override
  Decision.Reject atEnd(long size) {
    if (state == State.RIFF) {
      return truncated("the part ends at byte " + size + " inside the RIFF header");
    }
    if (size < riffEnd) {
      return truncated("the RIFF chunk declares " + riffEnd + " bytes but the part ends at byte " + size);
    }
    if (size > riffEnd) {
      return invalid("the part has " + (size - riffEnd) + " bytes after its RIFF chunk ends at byte " + riffEnd);
    }
    return null;
  }

  @Override
  String format() {
    return "AVI";
  }
}
