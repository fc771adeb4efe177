package dev.tipflood.server.capacity;

import dev.tipflood.server.model.time.Scheduler;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs the capacity model in real time on one Vert.x context: every task runs on that context's
 * event loop, so the model stays single-threaded. Timers have millisecond resolution; a delay is
 * rounded up to the next millisecond.
 */
public final class VertxScheduler implements Scheduler {

  private final Vertx vertx;
  private final Context context;

  public VertxScheduler(Vertx vertx) {
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
  }

  @Override
  public long nanoTime() {
    return System.nanoTime();
  }

  @Override
  public Cancellable schedule(long delayNanos, Runnable task) {
    AtomicBoolean cancelled = new AtomicBoolean();
    AtomicBoolean ran = new AtomicBoolean();
    Runnable guarded = () -> {
      if (!cancelled.get() && ran.compareAndSet(false, true)) {
        task.run();
      }
    };
    long millis = delayNanos <= 0 ? 0 : Math.max(1, TimeUnit.NANOSECONDS.toMillis(delayNanos + 999_999));
    if (millis == 0) {
      context.runOnContext(v -> guarded.run());
    } else if (Vertx.currentContext() == context) {
      vertx.setTimer(millis, id -> guarded.run());
    } else {
      context.runOnContext(v -> vertx.setTimer(millis, id -> guarded.run()));
    }
    return () -> !ran.get() && cancelled.compareAndSet(false, true);
  }

  /** Runs {@code task} on the model's context every {@code millis}. */
  public void every(long millis, Runnable task) {
    context.runOnContext(v -> vertx.setPeriodic(millis, id -> task.run()));
  }
}
