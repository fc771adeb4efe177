package dev.tipflood.server.api.upload;

import dev.tipflood.server.api.error.ApiException;
import dev.tipflood.server.api.error.ErrorCode;
import dev.tipflood.server.model.storage.UploadGovernor;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.WriteStream;

/**
 * Puts a media part's bytes through the storage model before they reach the sink: each chunk is
 * reserved against the quota (507 when full) and spends bandwidth credit; while the credit is
 * negative the sink reports its write queue full, so the pipe pauses the request and TCP
 * back-pressure slows the client down. Every stretch during which the pipe is held paused is
 * reported to the {@link SlowBodyClock}, so that the server's own back-pressure is never counted
 * as the client's slowness.
 */
final class GovernedSink implements WriteStream<Buffer> {
  private final MediaSink delegate;
  private final UploadGovernor.Allowance allowance;
  private final Context context;
  private final SlowBodyClock slowBody;
  private Handler<Void> drainHandler;
  private boolean paused;
  private boolean refused;
  private boolean holding;

  GovernedSink(MediaSink delegate, UploadGovernor.Allowance allowance, Context context, SlowBodyClock slowBody) {
    this.delegate = delegate;
    this.allowance = allowance;
    this.context = context;
    this.slowBody = slowBody;
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
      drained(h);
    }
  }

  /** The pipe sets a drain handler exactly when it pauses the request, and clears it on close. */
  private void holding(boolean hold) {
    if (hold != holding) {
      holding = hold;
      if (hold) {
        slowBody.serverHolds();
      } else {
        slowBody.serverReleases();
      }
    }
  }

  private void drained(Handler<Void> handler) {
    holding(false);
    handler.handle(null);
  }

  @Override
  public boolean writeQueueFull() {
    return !refused && (paused || delegate.writeQueueFull());
  }

  @Override
  public WriteStream<Buffer> drainHandler(Handler<Void> handler) {
    this.drainHandler = handler;
    holding(handler != null);
    delegate.drainHandler(v -> {
      if (!paused && handler != null) {
        drained(handler);
      }
    });
    return this;
  }

  @Override
  public Future<Void> end() {
    holding(false);
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
