package dev.tipflood.server.storage;

import dev.tipflood.server.tip.Review;
import dev.tipflood.server.tip.TipId;
import dev.tipflood.server.tip.TipRecord;
import dev.tipflood.server.tip.TipStatus;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.agrona.collections.LongArrayList;

/**
 * Replays {@code tips.journal} at start-up, streaming it through a buffer (a journal grows past
 * what one array can hold: at 40k tips/s it passes 2 GB in under four minutes). The records end at
 * the end of the file or at the first zero byte (see {@link GroupCommitLog}). A last line without
 * its newline (torn by a crash during its write, so never acknowledged) and any zeros are cut off;
 * a line that is not a valid record stops start-up, naming its line number.
 */
final class JournalReplay {
  static final int BUFFER = 1 << 20;

  final TipIndex index;
  final Map<TipId, Review> reviews = new HashMap<>();
  final Set<String> media = new HashSet<>();
  /** Where the tips whose status is not final start, in journal order. */
  long[] unfinished = new long[0];
  /** Where the tips still awaiting their deferred media start, in journal order. */
  long[] deferred = new long[0];
  /** Where the valid records end: where the next record goes. */
  long end;

  private JournalReplay(long fileSize) {
    // A record is at least ~250 bytes: size the index once for what the journal can hold.
    this.index = new TipIndex((int) Math.min(Integer.MAX_VALUE / 4, fileSize / 200));
  }

  /** An empty journal's state. */
  static JournalReplay empty() {
    return new JournalReplay(0);
  }

  /** Replays {@code file}, repairing its tail; {@code bufferSize} only matters to tests. */
  static JournalReplay of(Path file, int bufferSize, Consumer<String> warnings) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      JournalReplay r = new JournalReplay(ch.size());
      r.read(ch, file, bufferSize, warnings);
      if (r.end < ch.size()) {
        // A torn tail, or preallocated zeros after a crash: cut them so no stale byte can follow a
        // new record.
        ch.truncate(r.end);
        ch.force(true);
      }
      r.collectUnfinished();
      return r;
    }
  }

  private void read(FileChannel ch, Path file, int bufferSize, Consumer<String> warnings) throws IOException {
    byte[] buf = new byte[bufferSize];
    long bufAt = 0; // file offset of buf[0]
    int filled = 0;
    int lineStart = 0;
    int scan = 0;
    long lineNo = 0;
    boolean eof = false;
    while (true) {
      int i = scan;
      while (i < filled && buf[i] != '\n' && buf[i] != 0) {
        i++;
      }
      if (i < filled && buf[i] == '\n') {
        lineNo++;
        apply(buf, lineStart, i, bufAt + lineStart, file, lineNo);
        lineStart = i + 1;
        scan = lineStart;
        continue;
      }
      if ((i < filled && buf[i] == 0) || eof) {
        long dataEnd = bufAt + i;
        long tornAt = bufAt + lineStart;
        end = tornAt;
        if (tornAt < dataEnd) {
          warnings.accept(file + ": cut a torn last record at line " + (lineNo + 1) + " (" + (dataEnd - tornAt)
              + " bytes); it was never acknowledged");
        }
        return;
      }
      // Keep the unfinished line, make room, read on.
      System.arraycopy(buf, lineStart, buf, 0, filled - lineStart);
      bufAt += lineStart;
      filled -= lineStart;
      scan = i - lineStart;
      lineStart = 0;
      if (filled == buf.length) {
        buf = Arrays.copyOf(buf, buf.length * 2); // one record longer than the buffer
      }
      int n = ch.read(ByteBuffer.wrap(buf, filled, buf.length - filled));
      if (n < 0) {
        eof = true;
      } else {
        filled += n;
      }
    }
  }

  private void apply(byte[] buf, int from, int to, long offset, Path file, long lineNo) {
    JournalCodec.Line line;
    try {
      line = JournalCodec.read(buf, from, to);
    } catch (RuntimeException e) {
      throw new StorageException(file + ":" + lineNo + ": corrupt journal record: " + e.getMessage(), e);
    }
    if (line instanceof JournalCodec.TipLine t) {
      index.add(t.tip().id(), offset, t.tip().status());
      t.tip().media().forEach(m -> media.add(m.storedAs()));
    } else if (line instanceof JournalCodec.MediaLine m) {
      // From here on the media record stands for the tip; a media record of an unknown tip is ignored.
      if (index.relocate(m.tip().id(), offset, TipStatus.RECEIVED)) {
        m.tip().media().forEach(item -> media.add(item.storedAs()));
      }
    } else if (line instanceof JournalCodec.StatusLine st) {
      // Lines about a tip the journal does not hold are ignored, as they always were.
      index.setStatus(st.id(), st.status());
    } else if (line instanceof JournalCodec.ReviewLine r && index.setStatus(r.id(), TipStatus.REVIEWED)) {
      reviews.put(r.id(), r.review());
    }
  }

  private void collectUnfinished() {
    LongArrayList offsets = new LongArrayList();
    LongArrayList awaiting = new LongArrayList();
    index.forEach((offset, status) -> {
      // A deferred tip waits for its client's media, not for the pipeline.
      if (status == TipStatus.DEFERRED) {
        awaiting.addLong(offset);
      } else if (!status.isFinal()) {
        offsets.addLong(offset);
      }
    });
    unfinished = offsets.toLongArray();
    Arrays.sort(unfinished);
    deferred = awaiting.toLongArray();
    Arrays.sort(deferred);
  }

  /** {@code tip} as its latest status and review make it. */
  static TipRecord latest(TipRecord tip, TipStatus status, Review review) {
    TipRecord t = review == null ? tip : tip.withReview(review);
    return t.status() == status ? t : t.withStatus(status);
  }
}
