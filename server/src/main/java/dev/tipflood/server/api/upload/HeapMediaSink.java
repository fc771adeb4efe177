package dev.tipflood.server.api.upload;

import dev.tipflood.units.ByteSize;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.WriteStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The naive 2020 service's way: the whole part is held in heap and written out only once it has
 * all arrived. Used only when a profile sets {@code uploads.bufferUploadsInMemory: true}.
 */
final class HeapMediaSink extends MediaSink {
  private final WorkerExecutor worker;
  private Buffer content = Buffer.buffer();

  HeapMediaSink(WorkerExecutor worker, Path temp, String filename, String contentType, ByteSize cap, Runnable onProgress) {
    super(temp, filename, contentType, cap, onProgress);
    this.worker = worker;
  }

  @Override
  Future<Void> store(Buffer data) {
    content.appendBuffer(data);
    return Future.succeededFuture();
  }

  @Override
  public boolean writeQueueFull() {
    return false;
  }

  @Override
  public WriteStream<Buffer> drainHandler(Handler<Void> handler) {
    return this;
  }

  @Override
  Future<Void> makeDurable(long expectedBytes) {
    Buffer all = content;
    Path target = temp();
    return worker.<Void>executeBlocking(() -> {
      try (FileChannel ch = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        ByteBuffer bytes = ByteBuffer.wrap(all.getBytes());
        while (bytes.hasRemaining()) {
          ch.write(bytes);
        }
        ch.force(false);
      } catch (IOException e) {
        throw new IOException("cannot write " + target + ": " + e.getMessage(), e);
      }
      return null;
    }, false).andThen(ar -> content = Buffer.buffer());
  }

  @Override
  Future<Void> abort() {
    content = Buffer.buffer();
    return Future.succeededFuture();
  }
}
