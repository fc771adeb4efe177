package dev.tipflood.server.storage;

import dev.tipflood.server.tip.TipRecord;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** Reads one tip record back from the journal file by its offset (positional reads: thread-safe). */
final class RecordReader {
  private static final int READ_CHUNK = 512;

  private RecordReader() {}

  /** The tip (or media) record that starts at {@code offset}: up to its newline. Blocking I/O. */
  static TipRecord tipAt(FileChannel journal, long offset) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(READ_CHUNK);
    int scanned = 0;
    while (true) {
      if (journal.read(buf, offset + buf.position()) < 0) {
        throw new IOException("the record at offset " + offset + " has no end");
      }
      byte[] bytes = buf.array();
      for (int i = scanned; i < buf.position(); i++) {
        if (bytes[i] == '\n') {
          JournalCodec.Line line = JournalCodec.read(bytes, 0, i);
          if (line instanceof JournalCodec.TipLine tip) {
            return tip.tip();
          }
          if (line instanceof JournalCodec.MediaLine media) {
            return media.tip();
          }
          throw new IOException("the record at offset " + offset + " is not a tip or media record");
        }
      }
      scanned = buf.position();
      if (!buf.hasRemaining()) {
        buf = ByteBuffer.allocate(buf.capacity() * 2).put(buf.flip());
      }
    }
  }
}
