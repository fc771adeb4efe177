package dev.tipflood.server.storage;

import dev.tipflood.server.tip.Review;
import dev.tipflood.server.tip.TipId;
import dev.tipflood.server.tip.TipRecord;
import dev.tipflood.server.tip.TipStatus;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * {@link TipStore} backed by an append-only journal ({@code tips.journal}) with group commit.
 * On open the journal is replayed. The records end at the end of the file or at the first zero
 * byte (the journal preallocates zeros ahead of its records, see {@link GroupCommitLog}). A torn
 * last line (a crash during a write, which was therefore never acknowledged) is cut off; a bad
 * line anywhere else stops start-up.
 *
 * <p>Memory holds only a {@link TipIndex} (where each tip's record starts, and its status) and
 * the reviews; {@link #find} reads the tip's record back from the journal file.
 */
public final class JournalTipStore implements TipStore {
  public static final String FILE_NAME = "tips.journal";
  private static final int READ_CHUNK = 512;

  private final TipIndex index;
  private final Map<TipId, Review> reviews;
  private final FileChannel reader;
  private final GroupCommitLog log;
  private final List<TipRecord> unfinishedAtOpen;
  private final Set<String> mediaAtOpen;

  private JournalTipStore(Replay replay, FileChannel reader, GroupCommitLog log) {
    this.index = replay.index;
    this.reviews = new ConcurrentHashMap<>(replay.reviews);
    this.reader = reader;
    this.log = log;
    this.unfinishedAtOpen = List.copyOf(replay.unfinished);
    this.mediaAtOpen = Set.copyOf(replay.media);
  }

  /**
   * Opens (creating if needed) the journal in {@code dir} and replays it.
   *
   * @param warnings receives a line for each repair made (a cut torn tail)
   * @throws StorageException when the journal cannot be read or holds a corrupt record
   */
  public static JournalTipStore open(Path dir, Consumer<String> warnings) {
    Path file = dir.resolve(FILE_NAME);
    try {
      Files.createDirectories(dir);
      Replay replay = new Replay();
      long end = Files.exists(file) ? replay(file, replay, warnings) : 0;
      GroupCommitLog log = new GroupCommitLog(file, end);
      return new JournalTipStore(replay, FileChannel.open(file, StandardOpenOption.READ), log);
    } catch (IOException e) {
      throw new StorageException("cannot open journal " + file + ": " + e.getMessage(), e);
    }
  }

  /** What replaying the journal found. */
  private static final class Replay {
    TipIndex index = new TipIndex(0);
    final Map<TipId, Review> reviews = new HashMap<>();
    final Set<String> media = new HashSet<>();
    final List<TipRecord> unfinished = new ArrayList<>();
  }

  /** Replays the records into {@code into}; returns where they end (a torn tail cut off). */
  private static long replay(Path file, Replay into, Consumer<String> warnings) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    int zero = indexOf(bytes, (byte) 0, 0);
    int dataEnd = zero < 0 ? bytes.length : zero;
    // A record is at least ~250 bytes: size the index once for what the journal can hold.
    into.index = new TipIndex(dataEnd / 200);
    int start = 0;
    int lineNo = 0;
    int end = dataEnd;
    while (start < dataEnd) {
      int newline = indexOf(bytes, (byte) '\n', start);
      lineNo++;
      if (newline < 0 || newline > dataEnd) {
        // No newline: the last write was torn by a crash before its fsync completed.
        warnings.accept(file + ": cut a torn last record at line " + lineNo + " (" + (dataEnd - start)
            + " bytes); it was never acknowledged");
        end = start;
        break;
      }
      try {
        apply(JournalCodec.read(bytes, start, newline), start, into);
      } catch (RuntimeException e) {
        throw new StorageException(file + ":" + lineNo + ": corrupt journal record: " + e.getMessage(), e);
      }
      start = newline + 1;
    }
    if (end < bytes.length) {
      // A torn tail, or preallocated zeros after a crash: cut them so no stale byte can follow a
      // new record.
      truncate(file, end);
    }
    // Tips the pipeline had not finished, in journal order, as find() would give them.
    List<Long> unfinished = new ArrayList<>();
    into.index.forEach((offset, status) -> {
      if (!status.isFinal()) {
        unfinished.add(offset);
      }
    });
    unfinished.sort(null);
    for (long offset : unfinished) {
      int from = (int) offset;
      TipRecord tip = ((JournalCodec.TipLine) JournalCodec.read(bytes, from, indexOf(bytes, (byte) '\n', from))).tip();
      into.unfinished.add(withLatest(tip, into.index.status(tip.id()), into.reviews.get(tip.id())));
    }
    return end;
  }

  private static void apply(JournalCodec.Line line, long offset, Replay into) {
    if (line instanceof JournalCodec.TipLine t) {
      into.index.add(t.tip().id(), offset, t.tip().status());
      t.tip().media().forEach(m -> into.media.add(m.storedAs()));
    } else if (line instanceof JournalCodec.StatusLine st) {
      // Lines about a tip the journal does not hold are ignored, as they always were.
      into.index.setStatus(st.id(), st.status());
    } else if (line instanceof JournalCodec.ReviewLine r && into.index.setStatus(r.id(), TipStatus.REVIEWED)) {
      into.reviews.put(r.id(), r.review());
    }
  }

  private static TipRecord withLatest(TipRecord tip, TipStatus status, Review review) {
    TipRecord t = review == null ? tip : tip.withReview(review);
    return t.status() == status ? t : t.withStatus(status);
  }

  private static int indexOf(byte[] b, byte v, int from) {
    return indexOf(b, v, from, b.length);
  }

  private static int indexOf(byte[] b, byte v, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] == v) {
        return i;
      }
    }
    return -1;
  }

  private static void truncate(Path file, long size) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ch.truncate(size);
      ch.force(true);
    }
  }

  @Override
  public CompletionStage<TipRecord> append(TipRecord tip, Executor completeOn) {
    byte[] line = JournalCodec.tip(tip);
    // Runs on completeOn, before the caller's own continuation: find() sees the tip from then on.
    return log.append(line, completeOn).thenApply(offset -> {
      index.add(tip.id(), offset, TipStatus.RECEIVED);
      return tip;
    });
  }

  /**
   * {@inheritDoc}
   *
   * <p>Reads the record back from the journal file: blocking I/O, so call it on a worker thread.
   */
  @Override
  public Optional<TipRecord> find(TipId id) {
    long offset = index.offset(id);
    if (offset == TipIndex.ABSENT) {
      return Optional.empty();
    }
    TipRecord tip;
    try {
      tip = readTip(offset);
    } catch (IOException e) {
      throw new StorageException("cannot read tip " + id + " from the journal: " + e.getMessage(), e);
    }
    if (!tip.id().equals(id)) {
      return Optional.empty(); // another stored id has the same index key; this id was never stored
    }
    return Optional.of(withLatest(tip, index.status(id), reviews.get(id)));
  }

  @Override
  public boolean mightContain(TipId id) {
    return index.contains(id);
  }

  /** Reads the tip record that starts at {@code offset}: up to its newline. */
  private TipRecord readTip(long offset) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(READ_CHUNK);
    int scanned = 0;
    while (true) {
      if (reader.read(buf, offset + buf.position()) < 0) {
        throw new IOException("the record at offset " + offset + " has no end");
      }
      int newline = indexOf(buf.array(), (byte) '\n', scanned, buf.position());
      if (newline >= 0) {
        return ((JournalCodec.TipLine) JournalCodec.read(buf.array(), 0, newline)).tip();
      }
      scanned = buf.position();
      if (!buf.hasRemaining()) {
        buf = ByteBuffer.allocate(buf.capacity() * 2).put(buf.flip());
      }
    }
  }

  @Override
  public CompletionStage<Void> updateStatus(TipId id, TipStatus status) {
    if (!index.contains(id)) {
      return CompletableFuture.failedFuture(new UnknownTipException(id));
    }
    return log.append(JournalCodec.status(id, status))
        // Runs on the journal thread, which every commit waits for: update the index, decode nothing.
        .thenRun(() -> index.setStatus(id, status));
  }

  @Override
  public CompletionStage<Void> attachReview(TipId id, Review review) {
    if (!index.contains(id)) {
      return CompletableFuture.failedFuture(new UnknownTipException(id));
    }
    return log.append(JournalCodec.review(id, review)).thenRun(() -> {
      reviews.put(id, review); // before the status, so find() never shows "reviewed" without it
      index.setStatus(id, TipStatus.REVIEWED);
    });
  }

  /**
   * The tips the journal held, when it was opened, whose pipeline status was not final, in
   * journal order: acknowledged work a crash or restart interrupted, to hand to the pipeline again.
   */
  public List<TipRecord> unfinishedAtOpen() {
    return unfinishedAtOpen;
  }

  /** The media file names of every tip the journal held when it was opened, for orphan clean-up at start-up. */
  public Set<String> referencedMedia() {
    return mediaAtOpen;
  }

  /** Running totals of the journal's group commits. */
  public JournalStats journalStats() {
    return log.stats();
  }

  @Override
  public int count() {
    return index.size();
  }

  @Override
  public boolean healthy() {
    return log.healthy();
  }

  @Override
  public void close() {
    log.close();
    try {
      reader.close();
    } catch (IOException e) {
      throw new StorageException("cannot close the journal reader: " + e.getMessage(), e);
    }
  }
}
