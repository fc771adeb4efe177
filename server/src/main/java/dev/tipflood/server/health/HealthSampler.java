package dev.tipflood.server.health;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Runs {@link HealthMonitor#sample()} on a daemon thread of its own, every probe interval, so
 * reading the GC MXBeans never costs an event loop anything.
 */
public final class HealthSampler implements AutoCloseable {

  private final ScheduledExecutorService executor;
  private final AtomicLong failures = new AtomicLong();

  private HealthSampler(ScheduledExecutorService executor) {
    this.executor = executor;
  }

  /** Starts sampling; a failed sample is reported to {@code log} (the first few) and retried next time. */
  public static HealthSampler start(HealthMonitor monitor, Consumer<String> log) {
    ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "tipflood-health");
      t.setDaemon(true);
      return t;
    });
    HealthSampler sampler = new HealthSampler(executor);
    long period = monitor.config().probeInterval().toMillis();
    executor.scheduleAtFixedRate(() -> sampler.sampleOnce(monitor, log), 0, period, TimeUnit.MILLISECONDS);
    return sampler;
  }

  private void sampleOnce(HealthMonitor monitor, Consumer<String> log) {
    try {
      monitor.sample();
    } catch (RuntimeException | OutOfMemoryError e) {
      // A scheduled task that throws is never run again: report it and keep sampling.
      monitor.outOfMemory().record(e);
      if (failures.incrementAndGet() <= 3) {
        log.accept("health sampling failed: " + e);
      }
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
