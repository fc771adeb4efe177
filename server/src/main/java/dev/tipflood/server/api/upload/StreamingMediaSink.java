package dev.tipflood.server.api.upload;

import dev.tipflood.server.config.ByteSize;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.streams.WriteStream;
import java.nio.file.Path;

/** Streams a part into its temp file through an {@link AsyncFile}, with the file's back-pressure. */
final class StreamingMediaSink extends MediaSink {
  private final AsyncFile file;
  private boolean closed;

  StreamingMediaSink(AsyncFile file, Path temp, String filename, String contentType, ByteSize cap, Runnable onProgress) {
    super(temp, filename, contentType, cap, onProgress);
    this.file = file;
  }

  @Override
  Future<Void> store(Buffer data) {
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
