package dev.tipflood.server.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;

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
 */
final class GroupCommitLog implements AutoCloseable {
  private static final int MAX_BATCH = 4096;
  static final int PREALLOCATE = 4 << 20;
  private static final ByteBuffer ZEROS = ByteBuffer.allocateDirect(64 << 10);

  private record Pending(byte[] bytes, CompletableFuture<Void> done) {}

  private static final Pending STOP = new Pending(new byte[0], new CompletableFuture<>());

  private final FileChannel channel;
  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final Thread writer;
  private volatile IOException failure;
  private volatile boolean closed;
  /** Where the next record goes; only the writer thread (and close, after it stopped) use it. */
  private long end;
  private long allocated;

  /** Opens {@code file} for appending after its first {@code end} bytes (the valid records). */
  GroupCommitLog(Path file, long end) throws IOException {
    this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    this.end = end;
    this.allocated = channel.size();
    channel.position(end);
    this.writer = new Thread(this::run, "tipflood-journal");
    writer.setDaemon(true);
    writer.start();
  }

  /** Queues {@code bytes}; the future completes once they are on disk, or fails. */
  CompletionStage<Void> append(byte[] bytes) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    IOException f = failure;
    if (f != null) {
      done.completeExceptionally(new StorageException("the journal is broken after a disk error", f));
    } else if (closed) {
      done.completeExceptionally(new StorageException("the journal is closed"));
    } else {
      queue.add(new Pending(bytes, done));
    }
    return done;
  }

  boolean healthy() {
    return failure == null && !closed;
  }

  private void run() {
    List<Pending> batch = new ArrayList<>();
    boolean stop = false;
    while (!stop) {
      try {
        batch.add(queue.take());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      queue.drainTo(batch, MAX_BATCH);
      stop = batch.remove(STOP);
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
      for (int i = 0; i < buffers.length; i++) {
        buffers[i] = ByteBuffer.wrap(batch.get(i).bytes());
      }
      long remaining = 0;
      for (ByteBuffer b : buffers) {
        remaining += b.remaining();
      }
      if (end + remaining > allocated) {
        preallocate(end + remaining + PREALLOCATE);
      }
      long written = remaining;
      while (remaining > 0) {
        remaining -= channel.write(buffers);
      }
      end += written;
      channel.force(false);
      batch.forEach(p -> p.done().complete(null));
    } catch (IOException e) {
      // After a failed write the file may end in a torn record; stop writing, fail everyone.
      failure = e;
      StorageException se = new StorageException("journal write failed: " + e.getMessage(), e);
      batch.forEach(p -> p.done().completeExceptionally(se));
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
    queue.add(STOP);
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
    List<Pending> left = new ArrayList<>();
    queue.drainTo(left);
    left.forEach(p -> p.done().completeExceptionally(new StorageException("the journal is closed")));
  }
}
