package dev.tipflood.server.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.LockSupport;

/**
 * An append-only file written by one dedicated thread with group commit: every record queued
 * while the previous fsync ran is written and fsynced together, so many concurrent writers share
 * one fsync. A record's future completes only after its bytes are forced to disk.
 *
 * <p>The file is preallocated ahead of the records with zero bytes (and that size fsynced once
 * per {@link #PREALLOCATE} bytes), so a commit's {@code fdatasync} flushes only data blocks, not
 * a changed file size: measured on ext4 here, that roughly halves the commit latency. A reader
 * therefore ends the records at the first zero byte (records are JSON text: never a NUL); a
 * clean {@link #close()} cuts the zeros off again.
 *
 * <p>Hand-offs are batched both ways. Writers queue without a lock and wake the writer thread
 * only when it is parked. A commit hands its completions to each writer's {@link Executor} (an
 * event loop) in one task per executor, not one per record: a cross-thread wake-up costs more
 * than completing a future.
 *
 * <p>A full disk ({@link DiskFull}) is survived: the failed batch is cut off again, its writers
 * get the failure, and the log goes on. Any other write error breaks the log for good.
 *
 * <p>Public for the throughput benchmark's durable floor ({@code bench/.../BareEndpointMain --journal}),
 * which measures what fsync-before-answer costs a bare endpoint with the very same log.
 */
public final class GroupCommitLog implements AutoCloseable {
  private static final int MAX_BATCH = 4096;
  static final int PREALLOCATE = 4 << 20;
  private static final ByteBuffer ZEROS = ByteBuffer.allocateDirect(64 << 10);

  /** Completes a future in the thread that makes the record durable (the writer thread). */
  static final Executor DIRECT = Runnable::run;

  /** A queued record; {@code offset} is set by the writer thread once the record has a place. */
  private static final class Pending {
    final byte[] bytes;
    final Executor completeOn;
    final CompletableFuture<Long> done = new CompletableFuture<>();
    long offset;

    Pending(byte[] bytes, Executor completeOn) {
      this.bytes = bytes;
      this.completeOn = completeOn;
    }
  }

  private static final Pending STOP = new Pending(new byte[0], DIRECT);

  private final FileChannel channel;
  private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
  /** True while the writer thread is parked (or about to park) waiting for records. */
  private volatile boolean waiting;
  private final Thread writer;
  private volatile IOException failure;
  private volatile boolean closed;
  // Written by the writer thread only; read by whoever asks for stats().
  private volatile long commits;
  private volatile long records;
  private volatile long bytes;
  private volatile long fsyncNanos;
  private volatile long diskFullBatches;
  /** Where the next record goes; only the writer thread (and close, after it stopped) use it. */
  private long end;
  private long allocated;

  /** Opens {@code file} for appending after its first {@code end} bytes (the valid records). */
  public GroupCommitLog(Path file, long end) throws IOException {
    this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    this.end = end;
    this.allocated = channel.size();
    channel.position(end);
    this.writer = new Thread(this::run, "tipflood-journal");
    writer.setDaemon(true);
    writer.start();
  }

  /** Queues {@code bytes}; the future completes, on the writer thread, once they are on disk, or fails. */
  CompletionStage<Long> append(byte[] bytes) {
    return append(bytes, DIRECT);
  }

  /**
   * Queues {@code bytes}; the future completes on {@code completeOn} with the record's offset in
   * the file once the bytes are on disk, or fails. Pass the same executor instance for the same
   * thread: completions are grouped by executor identity.
   */
  public CompletionStage<Long> append(byte[] bytes, Executor completeOn) {
    Pending p = new Pending(bytes, completeOn);
    IOException f = failure;
    if (f != null) {
      p.done.completeExceptionally(new StorageException("the journal is broken after a disk error", f));
    } else if (closed) {
      p.done.completeExceptionally(new StorageException("the journal is closed"));
    } else {
      enqueue(p);
    }
    return p.done;
  }

  private void enqueue(Pending p) {
    queue.offer(p);
    if (waiting) {
      LockSupport.unpark(writer);
    }
    if (closed && !writer.isAlive()) {
      // Raced with close(): the writer is gone and close() may have drained the queue already.
      failQueued();
    }
  }

  /** Fails whatever is queued and will never be written. */
  private void failQueued() {
    Pending left;
    while ((left = queue.poll()) != null) {
      left.done.completeExceptionally(new StorageException("the journal is closed"));
    }
  }

  JournalStats stats() {
    return new JournalStats(commits, records, bytes, fsyncNanos);
  }

  /** Batches refused because the disk was full (each rolled back; the journal stayed open). */
  long diskFullBatches() {
    return diskFullBatches;
  }

  boolean healthy() {
    return failure == null && !closed;
  }

  private void run() {
    List<Pending> batch = new ArrayList<>();
    boolean stop = false;
    while (!stop) {
      Pending p;
      while ((p = queue.poll()) == null) {
        // Dekker-style with enqueue: set the flag, then look again, so no wake-up is missed.
        waiting = true;
        if (queue.isEmpty()) {
          LockSupport.park(this);
        }
        waiting = false;
      }
      do {
        if (p == STOP) {
          stop = true;
        } else {
          batch.add(p);
        }
      } while (batch.size() < MAX_BATCH && (p = queue.poll()) != null);
      if (!batch.isEmpty()) {
        commit(batch);
      }
      batch.clear();
    }
  }

  private void commit(List<Pending> batch) {
    try {
      if (failure != null) {
        throw failure;
      }
      ByteBuffer[] buffers = new ByteBuffer[batch.size()];
      long remaining = 0;
      for (int i = 0; i < buffers.length; i++) {
        Pending p = batch.get(i);
        p.offset = end + remaining;
        buffers[i] = ByteBuffer.wrap(p.bytes);
        remaining += p.bytes.length;
      }
      if (end + remaining > allocated) {
        preallocate(end + remaining + PREALLOCATE);
      }
      long written = remaining;
      while (remaining > 0) {
        remaining -= channel.write(buffers);
      }
      end += written;
      long forceStart = System.nanoTime();
      channel.force(false);
      fsyncNanos += System.nanoTime() - forceStart;
      commits++;
      records += batch.size();
      bytes += written;
      completeAll(batch, null);
    } catch (IOException e) {
      if (DiskFull.causedBy(e) && rollBack()) {
        // Nothing of this batch was acknowledged and the file ends at its last durable record
        // again: fail the batch, keep the journal open, and write again once space returns.
        diskFullBatches++;
        completeAll(batch, new StorageException("journal write failed, the disk is full: " + e.getMessage(), e));
        return;
      }
      // After a failed write the file may end in a torn record; stop writing, fail everyone.
      failure = e;
      completeAll(batch, new StorageException("journal write failed: " + e.getMessage(), e));
    }
  }

  /**
   * Cuts the file back to the end of the last durable record (dropping the failed batch's bytes
   * and any preallocated zeros: shrinking needs no space) and fsyncs that; true when it worked.
   */
  private boolean rollBack() {
    try {
      channel.truncate(end);
      channel.force(true);
      channel.position(end);
      allocated = end;
      return true;
    } catch (IOException again) {
      return false;
    }
  }

  /** Completes the batch's futures, one task per distinct executor, in queue order within each. */
  private static void completeAll(List<Pending> batch, Throwable failure) {
    List<List<Pending>> groups = new ArrayList<>(2);
    for (Pending p : batch) {
      List<Pending> group = null;
      for (List<Pending> g : groups) {
        if (g.get(0).completeOn == p.completeOn) {
          group = g;
          break;
        }
      }
      if (group == null) {
        group = new ArrayList<>();
        groups.add(group);
      }
      group.add(p);
    }
    for (List<Pending> group : groups) {
      Runnable task = () -> group.forEach(p -> complete(p, failure));
      try {
        group.get(0).completeOn.execute(task);
      } catch (RejectedExecutionException e) {
        task.run(); // the executor has shut down: nobody waits there any more, but do not leak
      }
    }
  }

  private static void complete(Pending p, Throwable failure) {
    if (failure == null) {
      p.done.complete(p.offset);
    } else {
      p.done.completeExceptionally(failure);
    }
  }

  /** Fills {@code [allocated, size)} with zeros and fsyncs the new size; keeps the position. */
  private void preallocate(long size) throws IOException {
    long at = Math.max(allocated, end);
    while (at < size) {
      ByteBuffer zeros = ZEROS.duplicate();
      zeros.limit((int) Math.min(zeros.capacity(), size - at));
      at += channel.write(zeros, at);
    }
    channel.force(true);
    allocated = size;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    enqueue(STOP);
    try {
      writer.join(10_000);
      if (failure == null && !writer.isAlive()) {
        // Cut the preallocated zeros: a cleanly closed journal ends with its last record.
        channel.truncate(end);
        channel.force(true);
      }
      channel.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      throw new StorageException("cannot close the journal: " + e.getMessage(), e);
    }
    // Anything queued after STOP was never written.
    failQueued();
  }
}
