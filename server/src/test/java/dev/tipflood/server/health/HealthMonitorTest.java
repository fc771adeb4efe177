package dev.tipflood.server.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tipflood.server.config.HealthConfig;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each check flips on its own signal, driven by a manual clock and fake JVM signals. */
class HealthMonitorTest {

  private static final long MS = 1_000_000L;

  /** GC figures the test sets. */
  private static final class FakeGc implements GcSignals {
    long millis;
    double heapAfterGc;

    @Override
    public long collectionMillis() {
      return millis;
    }

    @Override
    public double heapAfterLastGcFraction() {
      return heapAfterGc;
    }
  }

  private final FakeGc gc = new FakeGc();
  private final AtomicBoolean journal = new AtomicBoolean(true);
  private final OutOfMemoryTracker oom = new OutOfMemoryTracker();
  private long now = 1_000_000 * MS;
  private HealthMonitor monitor;
  private EventLoopLagProbe loop;

  @BeforeEach
  void start() {
    HealthConfig config = new HealthConfig(0.9, 0.3, Duration.ofSeconds(5), Duration.ofSeconds(1),
        Duration.ofMillis(100));
    monitor = new HealthMonitor(config, gc, () -> now, oom, journal::get);
    loop = monitor.newLoopProbe("loop-0");
    monitor.markStarted();
  }

  /** Advances the clock by {@code ms}, sampling and ticking the loop every 100 ms, GC taking {@code gcShare}. */
  private void run(long ms, double gcShare) {
    for (long t = 0; t < ms; t += 100) {
      loop.armed(now + 100 * MS);
      now += 100 * MS;
      loop.fired(now);
      gc.millis += Math.round(100 * gcShare);
      monitor.sample();
    }
  }

  @Test
  void aCalmServerIsLiveAndReady() {
    gc.heapAfterGc = 0.2;
    run(6000, 0.02);
    assertThat(monitor.readiness().up()).isTrue();
    assertThat(monitor.readiness().checks()).extracting(CheckResult::name)
        .containsExactly("started", "outOfMemory", "journal", "heapAfterGc", "gcOverhead", "eventLoopLag");
    assertThat(monitor.liveness().up()).isTrue();
  }

  @Test
  void notReadyBeforeThePortsAreBound() {
    HealthMonitor fresh = new HealthMonitor(HealthConfig.defaults(), gc, () -> now, oom, journal::get);
    assertThat(fresh.readiness().failing()).containsExactly("started");
    assertThat(fresh.liveness().up()).isTrue();
  }

  @Test
  void heapFullAfterCollectionFailsReadinessOnly() {
    gc.heapAfterGc = 0.95;
    run(1000, 0.02);
    assertThat(monitor.readiness().failing()).containsExactly("heapAfterGc");
    assertThat(monitor.liveness().up()).isTrue();
    gc.heapAfterGc = 0.5;
    run(100, 0.02);
    assertThat(monitor.readiness().up()).isTrue();
  }

  @Test
  void gcThrashOverTheWindowFailsReadiness() {
    run(6000, 0.1);
    assertThat(monitor.readiness().up()).isTrue();
    run(3000, 0.9); // 2.7 s of GC in the last 5 s: 54 %
    HealthReport report = monitor.readiness();
    assertThat(report.failing()).containsExactly("gcOverhead");
    assertThat(report.checks()).filteredOn(c -> c.name().equals("gcOverhead")).singleElement()
        .satisfies(c -> assertThat(c.value()).isBetween(0.5, 0.6));
    run(6000, 0.05);
    assertThat(monitor.readiness().up()).isTrue();
  }

  @Test
  void aStalledEventLoopFailsReadinessWhileStalledAndForTheWindowAfter() {
    run(1000, 0);
    loop.armed(now + 100 * MS);
    now += 1500 * MS; // the loop is stuck: its timer is 1.4 s overdue
    assertThat(monitor.readiness().failing()).containsExactly("eventLoopLag");
    loop.fired(now);
    run(4000, 0);
    assertThat(monitor.readiness().failing()).containsExactly("eventLoopLag");
    run(1500, 0);
    assertThat(monitor.readiness().up()).isTrue();
  }

  @Test
  void theWorstLoopCounts() {
    EventLoopLagProbe other = monitor.newLoopProbe("loop-1");
    other.armed(now);
    now += 2000 * MS;
    assertThat(monitor.readiness().checks()).filteredOn(c -> c.name().equals("eventLoopLag")).singleElement()
        .satisfies(c -> {
          assertThat(c.value()).isEqualTo(2000.0);
          assertThat(c.threshold()).isEqualTo(1000.0);
        });
  }

  @Test
  void anExtensionSignalFailsReadiness() {
    int[] queued = {3};
    monitor.addReadiness(() -> CheckResult.below("processingQueue", queued[0], 5, "tips"));
    assertThat(monitor.readiness().up()).isTrue();
    queued[0] = 5;
    assertThat(monitor.readiness().failing()).containsExactly("processingQueue");
    monitor.addReadiness(() -> CheckResult.below("reviewQueue", 1_000_000, Double.POSITIVE_INFINITY, "tips"));
    assertThat(monitor.readiness().failing()).containsExactly("processingQueue");
  }

  @Test
  void aBrokenJournalFailsBothProbes() {
    journal.set(false);
    assertThat(monitor.liveness().failing()).containsExactly("journal");
    assertThat(monitor.readiness().failing()).containsExactly("journal");
  }

  @Test
  void anOutOfMemoryErrorFailsLivenessForGood() {
    oom.record(new OutOfMemoryError("Java heap space"));
    run(10_000, 0);
    assertThat(monitor.liveness().failing()).containsExactly("outOfMemory");
    assertThat(monitor.readiness().failing()).containsExactly("outOfMemory");
  }
}
