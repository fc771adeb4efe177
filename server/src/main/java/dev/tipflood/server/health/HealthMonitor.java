package dev.tipflood.server.health;

import dev.tipflood.server.config.HealthConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Liveness and readiness from real pressure signals, the same for every profile.
 *
 * <p><b>Liveness</b> ({@code /health}: should this process be restarted?) fails when the JVM
 * has thrown an OutOfMemoryError or the journal is broken. <b>Readiness</b> ({@code /ready}:
 * should traffic be sent here?) also fails when the heap left after the last collection, the
 * share of time spent collecting or the event-loop lag cross the profile's {@code health}
 * thresholds, or when an extension's {@link ReadinessSignal} (a full bounded queue) says so.
 *
 * <p>{@link #sample()} reads the JVM's GC figures (which allocate) and runs on the sampler thread;
 * {@link #liveness()} and {@link #readiness()} only read published values, so the admin event loop
 * can answer them in O(1).
 *
 * <pre>{@code
 * HealthMonitor health = new HealthMonitor(profile.health(), new JmxGcSignals(), System::nanoTime, oom, tips::healthy);
 * EventLoopLagTimer.start(vertx, health.newLoopProbe("public-0"), 100, System::nanoTime); // in a verticle
 * health.addReadiness(() -> CheckResult.below("processingQueue", queued, bound, "tips"));
 * HealthReport ready = health.readiness();
 * }</pre>
 */
public final class HealthMonitor {

  private record GcView(double heapAfterGc, double overhead) {}

  private final HealthConfig config;
  private final GcSignals gc;
  private final LongSupplier nanoTime;
  private final OutOfMemoryTracker oom;
  private final BooleanSupplier journalHealthy;
  private final GcOverheadWindow overhead;
  private final List<EventLoopLagProbe> loops = new CopyOnWriteArrayList<>();
  private final List<ReadinessSignal> signals = new CopyOnWriteArrayList<>();
  private volatile GcView gcView = new GcView(0, 0);
  private volatile boolean started;

  public HealthMonitor(HealthConfig config, GcSignals gc, LongSupplier nanoTime, OutOfMemoryTracker oom,
      BooleanSupplier journalHealthy) {
    this.config = config;
    this.gc = gc;
    this.nanoTime = nanoTime;
    this.oom = oom;
    this.journalHealthy = journalHealthy;
    this.overhead = new GcOverheadWindow(config.window().toNanos());
  }

  public HealthConfig config() {
    return config;
  }

  public OutOfMemoryTracker outOfMemory() {
    return oom;
  }

  /** A lag probe for one event loop; its readings join the {@code eventLoopLag} check. */
  public EventLoopLagProbe newLoopProbe(String loop) {
    EventLoopLagProbe probe = new EventLoopLagProbe(loop, config.window().toNanos());
    loops.add(probe);
    return probe;
  }

  /** Adds a readiness check; see {@link ReadinessSignal} for what it may do. */
  public void addReadiness(ReadinessSignal signal) {
    signals.add(signal);
  }

  /** The ports are bound: readiness may pass from now on. */
  public void markStarted() {
    started = true;
  }

  /** Reads the GC signals and publishes them; call periodically from one thread off the event loop. */
  public void sample() {
    long now = nanoTime.getAsLong();
    double share = overhead.record(now, gc.collectionMillis());
    gcView = new GcView(gc.heapAfterLastGcFraction(), share);
  }

  /** Liveness: the process is still trustworthy. */
  public HealthReport liveness() {
    return new HealthReport(List.of(
        CheckResult.atMost("outOfMemory", oom.count(), 0, "errors"),
        CheckResult.flag("journal", journalHealthy.getAsBoolean())));
  }

  /** Readiness: the process can take more traffic now. */
  public HealthReport readiness() {
    long now = nanoTime.getAsLong();
    GcView view = gcView;
    long worstLag = 0;
    for (EventLoopLagProbe loop : loops) {
      worstLag = Math.max(worstLag, loop.lagNanos(now));
    }
    List<CheckResult> checks = new ArrayList<>();
    checks.add(CheckResult.flag("started", started));
    checks.addAll(liveness().checks());
    checks.add(CheckResult.atMost("heapAfterGc", view.heapAfterGc(), config.heapAfterGc(), "fraction"));
    checks.add(CheckResult.atMost("gcOverhead", view.overhead(), config.gcOverhead(), "fraction"));
    checks.add(CheckResult.atMost("eventLoopLag", worstLag / 1e6, config.eventLoopLag().toNanos() / 1e6, "ms"));
    for (ReadinessSignal signal : signals) {
      checks.add(signal.check());
    }
    return new HealthReport(checks);
  }
}
