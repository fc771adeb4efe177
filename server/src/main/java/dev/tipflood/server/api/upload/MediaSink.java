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
  /** The first chunk that could not be stored (e.g. a full disk): the part can never be staged. */
  private Throwable writeFailure;
  /** Chunks handed to {@link #store} whose write has not completed yet. */
  private int pendingWrites;
  /** Completed once {@link #pendingWrites} drops to zero after {@link #end()} was called. */
  private Promise<Void> allWritten;

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
    return storeTracked(admitted);
  }

  /** Stores a chunk, remembering a failed write and counting writes in flight for {@link #end()}. */
  private Future<Void> storeTracked(Buffer data) {
    pendingWrites++;
    return store(data).andThen(ar -> {
      if (ar.failed()) {
        writeFailed(ar.cause());
      }
      if (--pendingWrites == 0 && allWritten != null) {
        allWritten.tryComplete();
      }
      onProgress.run();
    });
  }

  /** Records a chunk that could not be stored, from a write's future or the file's exception handler. */
  final void writeFailed(Throwable cause) {
    if (writeFailure == null) {
      writeFailure = cause;
    }
  }

  /**
   * Stages the part only if every chunk was stored and the durable file holds exactly the bytes
   * hashed: a chunk lost to a write error must never be acknowledged under the hash of the whole.
   */
  @Override
  public final Future<Void> end() {
    Buffer rest;
    try {
      rest = guard.flush();
    } catch (ApiException e) {
      return Future.failedFuture(e);
    }
    if (rest != null) {
      storeTracked(rest);
    }
    // AsyncFile.flush() forces what has been written so far; it does not wait for writes still
    // in flight. Wait for them first, or a tip could be acknowledged before its bytes were written.
    Future<Void> written;
    if (pendingWrites == 0) {
      written = Future.succeededFuture();
    } else {
      allWritten = Promise.promise();
      written = allWritten.future();
    }
    Future<Void> durable = written.compose(w -> writeFailure != null
        ? abort().transform(v -> Future.failedFuture(writeFailure))
        : makeDurable(digest.size()).compose(v -> writeFailure == null ? Future.succeededFuture()
            : Future.failedFuture(writeFailure)));
    // The write error says why (e.g. a full disk) better than the short file it left.
    return durable.recover(e -> Future.failedFuture(writeFailure != null ? writeFailure : e))
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

  /**
   * Writes out whatever is pending and fsyncs the temp file, then releases it; fails when the file
   * does not hold {@code expectedBytes} once durable.
   */
  abstract Future<Void> makeDurable(long expectedBytes);

  /** Releases the file or memory after a failure; the caller deletes the temp file. */
  abstract Future<Void> abort();
}
