package dev.tipflood.server.api.upload;

import io.vertx.core.Vertx;

/**
 * {@code ingress.slowBodyTimeout} for one request: a periodic timer that fires {@code onTimeout}
 * once the client has kept the body idle (by the {@link SlowBodyClock}) for the timeout. The
 * server's own holds never count. Confined to the request's event loop.
 */
final class SlowBodyWatchdog {
  private final Vertx vertx;
  private long timer = -1;

  SlowBodyWatchdog(Vertx vertx) {
    this.vertx = vertx;
  }

  /** Starts watching; a timeout of 0 means never. */
  void start(long timeoutMillis, SlowBodyClock clock, Runnable onTimeout) {
    if (timeoutMillis > 0) {
      timer = vertx.setPeriodic(Math.max(50, timeoutMillis / 4), id -> {
        if (clock.clientIdleMillis() >= timeoutMillis) {
          onTimeout.run();
        }
      });
    }
  }

  void stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
      timer = -1;
    }
  }
}
