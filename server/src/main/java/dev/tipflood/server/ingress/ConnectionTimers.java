package dev.tipflood.server.ingress;

import dev.tipflood.server.defence.NanoClock;
import dev.tipflood.server.model.time.Scheduler;
import io.vertx.core.internal.ContextInternal;
import java.util.concurrent.TimeUnit;

/**
 * One connection's timers as a {@link Scheduler}: Vert.x timers on the connection's own context,
 * so a task runs on the connection's event loop, beside its Netty handlers. Millisecond
 * resolution; a delay is rounded up to the next millisecond.
 */
final class ConnectionTimers implements Scheduler {
  private final ContextInternal context;
  private final NanoClock clock;

  ConnectionTimers(ContextInternal context, NanoClock clock) {
    this.context = context;
    this.clock = clock;
  }

  @Override
  public long nanoTime() {
    return clock.nanoTime();
  }

  @Override
  public Cancellable schedule(long delayNanos, Runnable task) {
    long millis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(Math.max(0, delayNanos) + 999_999));
    long id = context.setTimer(millis, t -> task.run());
    return () -> context.owner().cancelTimer(id);
  }
}
