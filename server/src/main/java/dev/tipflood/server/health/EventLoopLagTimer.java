package dev.tipflood.server.health;

import io.vertx.core.Vertx;
import java.util.function.LongSupplier;

/**
 * Feeds an {@link EventLoopLagProbe} from a one-shot Vert.x timer re-armed each time it fires,
 * on the calling context's event loop. A one-shot timer (not a periodic one) measures each delay
 * against its own due time, so a stall does not queue up a burst of catch-up ticks. The timers
 * belong to the caller's context and stop when its verticle is undeployed.
 */
public final class EventLoopLagTimer {

  private final Vertx vertx;
  private final EventLoopLagProbe probe;
  private final long periodMillis;
  private final LongSupplier nanoTime;

  private EventLoopLagTimer(Vertx vertx, EventLoopLagProbe probe, long periodMillis, LongSupplier nanoTime) {
    this.vertx = vertx;
    this.probe = probe;
    this.periodMillis = periodMillis;
    this.nanoTime = nanoTime;
  }

  /** Starts measuring the current context's event loop; call from a verticle's {@code start()}. */
  public static void start(Vertx vertx, EventLoopLagProbe probe, long periodMillis, LongSupplier nanoTime) {
    new EventLoopLagTimer(vertx, probe, periodMillis, nanoTime).arm();
  }

  private void arm() {
    probe.armed(nanoTime.getAsLong() + periodMillis * 1_000_000);
    vertx.setTimer(periodMillis, id -> {
      probe.fired(nanoTime.getAsLong());
      arm();
    });
  }
}
