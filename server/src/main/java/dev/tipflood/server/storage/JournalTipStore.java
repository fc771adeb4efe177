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
 * On open the journal is replayed ({@link JournalReplay}): a torn last line (a crash during a
 * write, which was therefore never acknowledged) is cut off; a bad line anywhere else stops
 * start-up.
 *
 * <p>Memory holds only a {@link TipIndex} (where each tip's record starts, and its status) and
 * the reviews; {@link #find} reads the tip's record back from the journal file.
 */
public final class JournalTipStore implements TipStore {
  public static final String FILE_NAME = "tips.journal";

  private final TipIndex index;
  private final Map<TipId, Review> reviews;
  private final FileChannel reader;
  private final GroupCommitLog log;
  private final long[] unfinishedAtOpen;
  private final long[] deferredAtOpen;
  private final Set<String> mediaAtOpen;
  /** Deferred tips whose media are being uploaded now: one upload per tip at a time. */
  private final Set<TipId> mediaReserved = ConcurrentHashMap.newKeySet();

  private JournalTipStore(JournalReplay replay, FileChannel reader, GroupCommitLog log) {
    this.index = replay.index;
    this.reviews = new ConcurrentHashMap<>(replay.reviews);
    this.reader = reader;
    this.log = log;
    this.unfinishedAtOpen = replay.unfinished;
    this.deferredAtOpen = replay.deferred;
    this.mediaAtOpen = Set.copyOf(replay.media);
  }

  /**
   * Opens (creating if needed) the journal in {@code dir} and replays it.
   *
   * @param warnings receives a line for each repair made (a cut torn tail)
   * @throws StorageException when the journal cannot be read or holds a corrupt record
   */
  public static JournalTipStore open(Path dir, Consumer<String> warnings) {
    return open(dir, warnings, JournalReplay.BUFFER);
  }

  /** As {@link #open(Path, Consumer)}, replaying through a buffer of {@code replayBuffer} bytes (tests). */
  static JournalTipStore open(Path dir, Consumer<String> warnings, int replayBuffer) {
    Path file = dir.resolve(FILE_NAME);
    try {
      Files.createDirectories(dir);
      JournalReplay replay = Files.exists(file) ? JournalReplay.of(file, replayBuffer, warnings) : JournalReplay.empty();
      GroupCommitLog log = new GroupCommitLog(file, replay.end);
      return new JournalTipStore(replay, FileChannel.open(file, StandardOpenOption.READ), log);
    } catch (IOException e) {
      throw new StorageException("cannot open journal " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public CompletionStage<TipRecord> append(TipRecord tip, Executor completeOn) {
    byte[] line = JournalCodec.tip(tip);
    // Runs on completeOn, before the caller's own continuation: find() sees the tip from then on.
    return log.append(line, completeOn).thenApply(offset -> {
      index.add(tip.id(), offset, tip.status());
      return tip;
    });
  }

  @Override
  public boolean reserveMedia(TipId id) {
    return index.status(id) == TipStatus.DEFERRED && mediaReserved.add(id);
  }

  @Override
  public void releaseMedia(TipId id) {
    mediaReserved.remove(id);
  }

  @Override
  public CompletionStage<TipRecord> attachMedia(TipRecord tip, Executor completeOn) {
    if (index.status(tip.id()) != TipStatus.DEFERRED || tip.status() != TipStatus.RECEIVED) {
      return CompletableFuture.failedFuture(new IllegalStateException("tip " + tip.id()
          + " is not awaiting media, or the record given is not the tip with its media"));
    }
    byte[] line = JournalCodec.media(tip);
    // As for append: find() shows the tip with its media from before the caller's continuation.
    return log.append(line, completeOn).thenApply(offset -> {
      index.relocate(tip.id(), offset, TipStatus.RECEIVED);
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
      tip = RecordReader.tipAt(reader, offset);
    } catch (IOException e) {
      throw new StorageException("cannot read tip " + id + " from the journal: " + e.getMessage(), e);
    }
    if (!tip.id().equals(id)) {
      return Optional.empty(); // another stored id has the same index key; this id was never stored
    }
    return Optional.of(JournalReplay.latest(tip, index.status(id), reviews.get(id)));
  }

  @Override
  public boolean mightContain(TipId id) {
    return index.contains(id);
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
   * How many tips the journal held, when it was opened, whose pipeline status was not final:
   * acknowledged work a crash or restart interrupted, to hand to the pipeline again.
   */
  public int unfinishedAtOpenCount() {
    return unfinishedAtOpen.length;
  }

  /**
   * Hands those tips to {@code action} in journal order, each read back from the journal as it
   * is now (blocking I/O: at start-up, or on a worker). Only their offsets are kept in memory,
   * so a restart after a flood does not hold every unfinished tip as objects at once.
   */
  public void forEachUnfinishedAtOpen(Consumer<TipRecord> action) {
    forEachAt(unfinishedAtOpen, action);
  }

  /**
   * Hands the tips the journal held, when it was opened, still awaiting their deferred media to
   * {@code action} (blocking I/O, as {@link #forEachUnfinishedAtOpen}), so their
   * {@code textAloneAfter} windows are watched again after a restart.
   */
  public void forEachDeferredAtOpen(Consumer<TipRecord> action) {
    forEachAt(deferredAtOpen, action);
  }

  private void forEachAt(long[] offsets, Consumer<TipRecord> action) {
    for (long offset : offsets) {
      TipRecord tip;
      try {
        tip = RecordReader.tipAt(reader, offset);
      } catch (IOException e) {
        throw new StorageException("cannot read an unfinished tip back from the journal: " + e.getMessage(), e);
      }
      action.accept(JournalReplay.latest(tip, index.status(tip.id()), reviews.get(tip.id())));
    }
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
