package dev.tipflood.server.api.upload;

import dev.tipflood.server.api.error.ApiException;
import dev.tipflood.units.ByteSize;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.WriteStream;
import java.nio.file.Path;

/**
 * Where one media part streams to. Every chunk is counted against the part cap and hashed before
 * it is handed on; {@link #end()} makes the bytes durable in the temp file and yields a
 * {@link StagedMedia}. {@link #abort()} releases resources without deleting the temp file.
 */
abstract class MediaSink implements WriteStream<Buffer> {
  private final PartDigest digest;
  private final Path temp;
  private final String filename;
  private final String contentType;
  private final Promise<StagedMedia> staged = Promise.promise();
  private final Runnable onProgress;
  private PartGuard guard = PartGuard.NONE;

  MediaSink(Path temp, String filename, String contentType, ByteSize cap, Runnable onProgress) {
    this.digest = new PartDigest(cap);
    this.temp = temp;
    this.filename = filename;
    this.contentType = contentType;
    this.onProgress = onProgress;
  }

  /** Puts the defences' guard in front of the storage; set before the first write. */
  final MediaSink guardedBy(PartGuard g) {
    this.guard = g;
    return this;
  }

  final Path temp() {
    return temp;
  }

  /** Completes once the part is durable in its temp file. */
  final Future<StagedMedia> staged() {
    return staged.future();
  }

  @Override
  public final Future<Void> write(Buffer data) {
    Buffer admitted;
    try {
      digest.update(data);
      admitted = guard.admit(data);
    } catch (ApiException e) {
      return Future.failedFuture(e);
    }
    if (admitted == null) {
      onProgress.run();
      return Future.succeededFuture();
    }
    return store(admitted).andThen(ar -> onProgress.run());
  }

  @Override
  public final Future<Void> end() {
    Buffer rest;
    try {
      rest = guard.flush();
    } catch (ApiException e) {
      return Future.failedFuture(e);
    }
    return (rest == null ? Future.<Void>succeededFuture() : store(rest))
        .compose(v -> makeDurable())
        .map(v -> new StagedMedia(temp, filename, contentType, digest.size(), digest.hex()))
        .compose(guard::staged)
        .andThen(staged)
        .mapEmpty();
  }

  @Override
  public WriteStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
    return this;
  }

  @Override
  public WriteStream<Buffer> setWriteQueueMaxSize(int maxSize) {
    return this;
  }

  /** Hands a counted, hashed chunk on. */
  abstract Future<Void> store(Buffer data);

  /** Writes out whatever is pending and fsyncs the temp file, then releases it. */
  abstract Future<Void> makeDurable();

  /** Releases the file or memory after a failure; the caller deletes the temp file. */
  abstract Future<Void> abort();
}
