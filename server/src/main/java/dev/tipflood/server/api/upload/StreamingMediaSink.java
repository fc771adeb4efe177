package dev.tipflood.server.api.upload;

import dev.tipflood.units.ByteSize;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.streams.WriteStream;
import java.nio.file.Path;

/**
 * Streams a part into its temp file through an {@link AsyncFile}, with the file's back-pressure.
 * Once the sink has closed its file (made durable, or aborted because the upload failed) it stays
 * a well-behaved {@link io.vertx.core.streams.WriteStream}: a pipe that still holds it may ask
 * {@link #writeQueueFull()} (false), set a drain handler (ignored) or write (a failed future),
 * where the closed AsyncFile itself would throw "File handle is closed" on the event loop.
 */
final class StreamingMediaSink extends MediaSink {
  private final AsyncFile file;
  private boolean closed;

  StreamingMediaSink(AsyncFile file, Path temp, String filename, String contentType, ByteSize cap, Runnable onProgress) {
    super(temp, filename, contentType, cap, onProgress);
    this.file = file;
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
  Future<Void> makeDurable() {
    // flush() waits for outstanding writes, then forces them to disk.
    return file.flush().compose(v -> close());
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
