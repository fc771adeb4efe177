package dev.tipflood.server.storage;

import dev.tipflood.server.tip.Review;
import dev.tipflood.server.tip.TipId;
import dev.tipflood.server.tip.TipRecord;
import dev.tipflood.server.tip.TipStatus;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * {@link TipStore} backed by an append-only journal ({@code tips.journal}) with group commit.
 * On open the journal is replayed into memory. The records end at the end of the file or at the
 * first zero byte (the journal preallocates zeros ahead of its records, see
 * {@link GroupCommitLog}). A torn last line (a crash during a write, which was therefore never
 * acknowledged) is cut off; a bad line anywhere else stops start-up.
 */
public final class JournalTipStore implements TipStore {
  public static final String FILE_NAME = "tips.journal";

  /** Every tip, as its journal bytes plus later changes: see {@link StoredTip}. */
  private final Map<TipId, StoredTip> tips;
  private final GroupCommitLog log;
  private final List<TipRecord> unfinishedAtOpen;
  private final Set<String> mediaAtOpen;

  private JournalTipStore(Map<TipId, StoredTip> replayed, Set<String> mediaAtOpen, GroupCommitLog log) {
    this.tips = new ConcurrentHashMap<>(replayed);
    this.log = log;
    this.unfinishedAtOpen = replayed.values().stream().filter(t -> !t.status().isFinal()).map(StoredTip::decode)
        .toList();
    this.mediaAtOpen = Set.copyOf(mediaAtOpen);
  }

  /**
   * Opens (creating if needed) the journal in {@code dir} and replays it.
   *
   * @param warnings receives a line for each repair made (a cut torn tail)
   * @throws StorageException when the journal cannot be read or holds a corrupt record
   */
  public static JournalTipStore open(Path dir, Consumer<String> warnings) {
    Path file = dir.resolve(FILE_NAME);
    // Insertion order is journal order: a later status line replaces a tip in place.
    Map<TipId, StoredTip> tips = new LinkedHashMap<>();
    Set<String> media = new HashSet<>();
    try {
      Files.createDirectories(dir);
      long end = Files.exists(file) ? replay(file, tips, media, warnings) : 0;
      return new JournalTipStore(tips, media, new GroupCommitLog(file, end));
    } catch (IOException e) {
      throw new StorageException("cannot open journal " + file + ": " + e.getMessage(), e);
    }
  }

  /** Replays the records into {@code tips}; returns where they end (a torn tail cut off). */
  private static long replay(Path file, Map<TipId, StoredTip> tips, Set<String> media, Consumer<String> warnings)
      throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    int zero = indexOf(bytes, (byte) 0, 0);
    int dataEnd = zero < 0 ? bytes.length : zero;
    int start = 0;
    int lineNo = 0;
    while (start < dataEnd) {
      int end = indexOf(bytes, (byte) '\n', start);
      lineNo++;
      if (end < 0 || end > dataEnd) {
        // No newline: the last write was torn by a crash before its fsync completed.
        truncate(file, start);
        warnings.accept(file + ": cut a torn last record at line " + lineNo + " (" + (dataEnd - start)
            + " bytes); it was never acknowledged");
        return start;
      }
      try {
        JournalCodec.apply(bytes, start, end, tips, media);
      } catch (RuntimeException e) {
        throw new StorageException(file + ":" + lineNo + ": corrupt journal record: " + e.getMessage(), e);
      }
      start = end + 1;
    }
    if (dataEnd < bytes.length) {
      // Preallocated zeros after a crash: cut them so no stale byte can follow a new record.
      truncate(file, dataEnd);
    }
    return dataEnd;
  }

  private static int indexOf(byte[] b, byte v, int from) {
    for (int i = from; i < b.length; i++) {
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
  public CompletionStage<TipRecord> append(TipRecord tip) {
    byte[] line = JournalCodec.tip(tip);
    return log.append(line).thenApply(v -> {
      tips.put(tip.id(), StoredTip.received(line));
      return tip;
    });
  }

  @Override
  public Optional<TipRecord> find(TipId id) {
    StoredTip stored = tips.get(id);
    return stored == null ? Optional.empty() : Optional.of(stored.decode());
  }

  @Override
  public CompletionStage<Void> updateStatus(TipId id, TipStatus status) {
    if (!tips.containsKey(id)) {
      return CompletableFuture.failedFuture(new UnknownTipException(id));
    }
    return log.append(JournalCodec.status(id, status))
        // Runs on the journal thread, which every commit waits for: update the index, decode nothing.
        .thenRun(() -> tips.computeIfPresent(id, (k, t) -> t.withStatus(status)));
  }

  @Override
  public CompletionStage<Void> attachReview(TipId id, Review review) {
    if (!tips.containsKey(id)) {
      return CompletableFuture.failedFuture(new UnknownTipException(id));
    }
    return log.append(JournalCodec.review(id, review))
        .thenRun(() -> tips.computeIfPresent(id, (k, t) -> t.withReview(review)));
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

  @Override
  public int count() {
    return tips.size();
  }

  @Override
  public boolean healthy() {
    return log.healthy();
  }

  @Override
  public void close() {
    log.close();
  }
}
