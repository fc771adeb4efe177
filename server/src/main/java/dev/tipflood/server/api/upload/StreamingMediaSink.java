package dev.tipflood.server.api.upload;

import dev.tipflood.units.ByteSize;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.FileSystem;
import io.vertx.core.streams.WriteStream;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Streams a part into its temp file through an {@link AsyncFile}, with the file's back-pressure.
 * Once the sink has closed its file (made durable, or aborted because the upload failed) it stays
 * a well-behaved {@link io.vertx.core.streams.WriteStream}: a pipe that still holds it may ask
 * {@link #writeQueueFull()} (false), set a drain handler (ignored) or write (a failed future),
 * where the closed AsyncFile itself would throw "File handle is closed" on the event loop.
 */
final class StreamingMediaSink extends MediaSink {
  /** Free space below which a short write counts as a full disk. */
  static final long FULL_MARGIN = 1 << 20;
  private final AsyncFile file;
  private final FileSystem fs;
  private boolean closed;

  StreamingMediaSink(AsyncFile file, FileSystem fs, Path temp, String filename, String contentType, ByteSize cap, Runnable onProgress) {
    super(temp, filename, contentType, cap, onProgress);
    this.file = file;
    this.fs = fs;
    // AsyncFile reports a failed background write (ENOSPC) here, not through the write's future.
    file.exceptionHandler(this::writeFailed);
  }

  @Override
  Future<Void> store(Buffer data) {
    if (closed) {
      return Future.failedFuture(new IllegalStateException("the part's temp file " + temp().getFileName()
          + " is already closed; the upload has ended"));
    }
    return file.write(data);
  }

  @Override
  public boolean writeQueueFull() {
    return !closed && file.writeQueueFull();
  }

  @Override
  public WriteStream<Buffer> drainHandler(Handler<Void> handler) {
    if (!closed) {
      file.drainHandler(handler);
    }
    return this;
  }

  @Override
  Future<Void> makeDurable(long expectedBytes) {
    // flush() waits for outstanding writes, then forces them to disk. A write that failed (a full
    // disk) may leave flush() succeeding on a short file: the size is checked before it counts.
    return file.flush().compose(v -> file.size()).compose(size -> {
      if (size == expectedBytes) {
        return close();
      }
      return abort().transform(v -> shortFile(size, expectedBytes));
    });
  }

  /**
   * Why the file is short: a full disk when too little space is left for the missing bytes plus
   * a margin (file systems allocate whole blocks: a few KB can be free and still not hold them).
   */
  private Future<Void> shortFile(long size, long expectedBytes) {
    String what = "the temp file " + temp().getFileName() + " holds " + size + " of the part's " + expectedBytes
        + " bytes after a write error";
    return fs.fsProps(temp().getParent().toString()).transform(props -> Future.failedFuture(
        props.succeeded() && props.result().usableSpace() < expectedBytes - size + FULL_MARGIN
            ? new IOException("No space left on device: " + what)
            : new IOException(what)));
  }

  @Override
  Future<Void> abort() {
    return close().recover(e -> Future.succeededFuture());
  }

  private Future<Void> close() {
    if (closed) {
      return Future.succeededFuture();
    }
    closed = true;
    return file.close();
  }
}
