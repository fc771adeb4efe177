package dev.tipflood.server.defence.triage.similar;

import dev.tipflood.server.media.pdq.PdqHasher;
import dev.tipflood.server.media.pdq.PdqImages;
import dev.tipflood.server.media.pdq.PdqResult;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a stored media file into PDQ hashes: a photo's one picture, a GIF's first frame, and up
 * to {@code frames} evenly spaced frames of a Motion-JPEG AVI (each frame is a JPEG in a
 * {@code 00dc} chunk, found by walking the RIFF chunks, never by decoding the video). Other
 * videos are not hashed. Blocking I/O and CPU: call it on a worker.
 */
final class FrameSampler {
  private static final int MAX_FRAME_BYTES = 16 << 20;
  private final PdqHasher hasher = new PdqHasher();
  private final int frames;
  private final long maxPixels;

  FrameSampler(int frames, long maxPixels) {
    this.frames = frames;
    this.maxPixels = maxPixels;
  }

  /** Whether {@code mimeType} is one this sampler can hash. */
  static boolean hashable(String mimeType) {
    String t = mimeType.toLowerCase(Locale.ROOT);
    return t.startsWith("image/jpeg") || t.startsWith("image/png") || t.startsWith("image/gif")
        || t.startsWith("video/x-msvideo") || t.startsWith("video/avi");
  }

  List<PdqResult> hash(Path file, String mimeType) {
    if (mimeType.toLowerCase(Locale.ROOT).startsWith("video/")) {
      List<PdqResult> out = new ArrayList<>();
      for (byte[] jpeg : aviFrames(file)) {
        out.add(hasher.hash(PdqImages.decode(jpeg, file.getFileName().toString())));
      }
      return out;
    }
    BufferedImage image = PdqImages.decode(file, maxPixels);
    return List.of(hasher.hash(image));
  }

  /** Up to {@code frames} JPEG frames, evenly spaced over the {@code 00dc} chunks of an AVI's movi list. */
  private List<byte[]> aviFrames(Path file) {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      List<long[]> chunks = frameChunks(ch);
      List<byte[]> out = new ArrayList<>();
      int n = Math.min(frames, chunks.size());
      for (int i = 0; i < n; i++) {
        long[] c = chunks.get((int) ((long) i * chunks.size() / n));
        ByteBuffer b = ByteBuffer.allocate((int) c[1]);
        ch.read(b, c[0]);
        out.add(b.array());
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read frames of " + file.getFileName(), e);
    }
  }

  /** {offset, length} of each video frame chunk, walking RIFF chunks and descending into LIST chunks. */
  private static List<long[]> frameChunks(FileChannel ch) throws IOException {
    List<long[]> out = new ArrayList<>();
    long size = ch.size();
    long pos = 12; // RIFF, size, AVI
    ByteBuffer header = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
    while (pos + 8 <= size) {
      header.clear();
      ch.read(header, pos);
      String id = new String(header.array(), 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
      long length = Integer.toUnsignedLong(header.getInt(4));
      if (id.equals("LIST")) {
        pos += 12; // descend: the list's chunks follow its type
        continue;
      }
      if (id.endsWith("dc") && length > 0 && length <= MAX_FRAME_BYTES && pos + 8 + length <= size) {
        out.add(new long[] {pos + 8, length});
      }
      pos += 8 + length + (length & 1);
    }
    return out;
  }
}
