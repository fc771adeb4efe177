package dev.tipflood.server.media.pdq;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks a RIFF AVI and returns the payloads of its compressed video chunks ({@code ##dc}): one
 * JPEG per frame in Motion-JPEG. Every chunk must fit in its list; a broken structure is named by
 * its offset.
 */
final class AviFrames {
  private static final int MAX_DEPTH = 8;

  private AviFrames() {
  }

  static boolean isAvi(byte[] b) {
    return b.length >= 12 && "RIFF".equals(fourcc(b, 0)) && "AVI ".equals(fourcc(b, 8));
  }

  static List<byte[]> videoChunks(byte[] avi, String source) {
    ByteBuffer b = ByteBuffer.wrap(avi).order(ByteOrder.LITTLE_ENDIAN);
    long riffEnd = 8 + Integer.toUnsignedLong(b.getInt(4));
    if (riffEnd > avi.length) {
      throw PdqImageException.malformed(source, "RIFF declares " + riffEnd + " bytes but the file has " + avi.length);
    }
    List<byte[]> frames = new ArrayList<>();
    walk(b, 12, (int) riffEnd, frames, source, 0);
    if (frames.isEmpty()) {
      throw PdqImageException.malformed(source, "AVI without a compressed video frame (no ##dc chunk)");
    }
    return frames;
  }

  private static void walk(ByteBuffer b, int from, int to, List<byte[]> frames, String source, int depth) {
    if (depth > MAX_DEPTH) {
      throw PdqImageException.malformed(source, "AVI lists nested deeper than " + MAX_DEPTH + " at offset " + from);
    }
    int pos = from;
    while (pos + 8 <= to) {
      String id = fourcc(b.array(), pos);
      long size = Integer.toUnsignedLong(b.getInt(pos + 4));
      long end = pos + 8 + size;
      if (end > to) {
        throw PdqImageException.malformed(source, "chunk '" + id + "' at offset " + pos + " declares " + size
            + " bytes, past the end of its list at " + to);
      }
      if ("LIST".equals(id) && size >= 4) {
        walk(b, pos + 12, (int) end, frames, source, depth + 1);
      } else if (id.endsWith("dc") && Character.isDigit(id.charAt(0)) && Character.isDigit(id.charAt(1))) {
        byte[] frame = new byte[(int) size];
        b.get(pos + 8, frame);
        frames.add(frame);
      }
      pos = (int) (end + (size & 1));
    }
  }

  private static String fourcc(byte[] b, int at) {
    return new String(b, at, 4, StandardCharsets.ISO_8859_1);
  }
}
