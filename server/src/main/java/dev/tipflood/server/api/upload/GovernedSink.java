package dev.tipflood.server.api.upload;

import dev.tipflood.server.api.ApiException;
import dev.tipflood.server.api.ErrorCode;
import dev.tipflood.server.storage.UploadGovernor;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.WriteStream;

/**
 * Puts a media part's bytes through the storage model before they reach the sink: each chunk is
 * reserved against the quota (507 when full) and spends bandwidth credit; while the credit is
 * negative the sink reports its write queue full, so the pipe pauses the request and TCP
 * back-pressure slows the client down.
 */
final class GovernedSink implements WriteStream<Buffer> {
  private final MediaSink delegate;
  private final UploadGovernor.Allowance allowance;
  private final Context context;
  private Handler<Void> drainHandler;
  private boolean paused;
  private boolean refused;

  GovernedSink(MediaSink delegate, UploadGovernor.Allowance allowance, Context context) {
    this.delegate = delegate;
    this.allowance = allowance;
    this.context = context;
  }

  @Override
  public Future<Void> write(Buffer data) {
    if (refused || !allowance.reserve(data.length())) {
      // Once refused, the session fails and aborts the sink: never touch it again.
      refused = true;
      return Future.failedFuture(quotaExceeded());
    }
    if (!allowance.spend(data.length()) && !paused) {
      paused = true;
      allowance.whenWritable(() -> context.runOnContext(v -> resume()));
    }
    return delegate.write(data);
  }

  static ApiException quotaExceeded() {
    return ApiException.of(ErrorCode.STORAGE_QUOTA_EXCEEDED,
        "storage is full (storage.quota); the tip cannot be stored");
  }

  private void resume() {
    paused = false;
    Handler<Void> h = drainHandler;
    if (h != null && !delegate.writeQueueFull()) {
      h.handle(null);
    }
  }

  @Override
  public boolean writeQueueFull() {
    return !refused && (paused || delegate.writeQueueFull());
  }

  @Override
  public WriteStream<Buffer> drainHandler(Handler<Void> handler) {
    this.drainHandler = handler;
    delegate.drainHandler(v -> {
      if (!paused && handler != null) {
        handler.handle(null);
      }
    });
    return this;
  }

  @Override
  public Future<Void> end() {
    return delegate.end();
  }

  @Override
  public WriteStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
    delegate.exceptionHandler(handler);
    return this;
  }

  @Override
  public WriteStream<Buffer> setWriteQueueMaxSize(int maxSize) {
    delegate.setWriteQueueMaxSize(maxSize);
    return this;
  }
}
