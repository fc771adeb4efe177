package dev.tipflood.server.model.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tipflood.server.model.time.VirtualScheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ServiceStageTest {

  private static final long SECOND = 1_000_000_000L;
  private final VirtualScheduler clock = new VirtualScheduler();

  /** A job with its own service time, drawn up front so the run is deterministic. */
  record Job(long serviceNanos) {}

  @Test
  void littlesLawHoldsOnAnMm1Stage() {
    double lambda = 8;
    double mu = 10;
    ServiceStage<Job> stage =
        new ServiceStage<>("mm1", 1, QueueSpec.unbounded(QueueDiscipline.FIFO), Job::serviceNanos, clock);
    SplittableRandom random = new SplittableRandom(7);
    int n = 20_000;
    long t = 0;
    for (int i = 0; i < n; i++) {
      t += exponentialNanos(random, lambda);
      Job job = new Job(exponentialNanos(random, mu));
      clock.schedule(t, () -> stage.arrive(job, 0));
    }
    clock.runUntilIdle(10 * n);
    StageStats stats = stage.stats();

    // Little's law on a sample path that starts and ends empty: the area under N(t) equals the
    // sum of sojourn times exactly, so L = lambda * W with L, lambda, W all measured.
    double elapsed = stats.atNanos();
    double l = stats.occupancyNanos() / elapsed;
    double measuredLambda = stats.departed() / elapsed;
    double w = (double) stats.sojournNanos() / stats.departed();
    assertThat(stats.departed()).isEqualTo(n);
    assertThat(stats.occupancyNanos()).isEqualTo(stats.sojournNanos());
    assertThat(l).isCloseTo(measuredLambda * w, within(1e-9 * l));
    // And the M/M/1 mean sojourn 1 / (mu - lambda) = 0.5 s, within sampling error.
    assertThat(w / SECOND).isCloseTo(1 / (mu - lambda), within(0.05));
  }

  @Test
  void throughputPlateausAtServersOverServiceTime() {
    int servers = 4;
    long service = SECOND / 10; // capacity 4 / 0.1 s = 40 items/s
    for (double offered : new double[] {10, 20, 40, 80, 160}) {
      VirtualScheduler clock = new VirtualScheduler();
      ServiceStage<Job> stage =
          new ServiceStage<>("p", servers, QueueSpec.unbounded(QueueDiscipline.FIFO), Job::serviceNanos, clock);
      long gap = (long) (SECOND / offered);
      for (long at = 0; at < 60 * SECOND; at += gap) {
        clock.schedule(at, () -> stage.arrive(new Job(service), 0));
      }
      clock.advanceTo(10 * SECOND);
      long before = stage.stats().departed();
      clock.advanceTo(60 * SECOND);
      double throughput = (stage.stats().departed() - before) / 50.0;

      assertThat(throughput).as("offered %s/s", offered).isCloseTo(Math.min(offered, 40), within(0.5));
    }
  }

  @Test
  void utilisationIsBusyTimeOverCapacity() {
    ServiceStage<Job> stage =
        new ServiceStage<>("u", 2, QueueSpec.unbounded(QueueDiscipline.FIFO), Job::serviceNanos, clock);
    stage.arrive(new Job(SECOND), 0);
    clock.advanceTo(2 * SECOND);
    StageStats stats = stage.stats();
    assertThat((double) stats.busyNanos() / (stats.servers() * stats.atNanos())).isEqualTo(0.25);
  }

  @Test
  void boundedQueueRefusesWhenFull() {
    ServiceStage<Job> stage =
        new ServiceStage<>("b", 1, QueueSpec.bounded(QueueDiscipline.FIFO, 2), Job::serviceNanos, clock);
    List<Boolean> taken = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      taken.add(stage.arrive(new Job(SECOND), 0));
    }
    // one in service, two waiting, two refused
    assertThat(taken).containsExactly(true, true, true, false, false);
    assertThat(stage.stats().rejected()).isEqualTo(2);
    assertThat(stage.hasSpace()).isFalse();
    clock.advanceBy(java.time.Duration.ofSeconds(1));
    assertThat(stage.hasSpace()).isTrue();
  }

  @Test
  void fullDownstreamBlocksServersInsteadOfDroppingWork() {
    ServiceStage<Job> first =
        new ServiceStage<>("first", 1, QueueSpec.unbounded(QueueDiscipline.FIFO), j -> SECOND / 10, clock);
    ServiceStage<Job> second =
        new ServiceStage<>("second", 1, QueueSpec.bounded(QueueDiscipline.FIFO, 1), j -> SECOND, clock);
    first.connect(second);
    for (int i = 0; i < 5; i++) {
      first.arrive(new Job(0), 0);
    }
    clock.advanceTo(SECOND / 2);
    // second holds one in service and one queued; first's server holds the third, blocked
    assertThat(second.stats().inSystem()).isEqualTo(2);
    assertThat(first.stats().inService()).isEqualTo(1);
    assertThat(first.stats().queued()).isEqualTo(2);
    assertThat(first.stats().departed()).isEqualTo(2);

    clock.runUntilIdle(1000);
    assertThat(second.stats().departed()).isEqualTo(5);
    assertThat(first.stats().rejected() + second.stats().rejected()).isZero();
  }

  @Test
  void priorityDisciplineServesHighestFirstFifoAmongEquals() {
    ServiceStage<String> stage =
        new ServiceStage<>("prio", 1, QueueSpec.unbounded(QueueDiscipline.PRIORITY), s -> SECOND, clock);
    List<String> order = new ArrayList<>();
    stage.observe(new StageObserver<>() {
      @Override
      public void started(String item, long waitedNanos) {
        order.add(item);
      }
    });
    stage.arrive("first", 0);
    stage.arrive("low-a", 0);
    stage.arrive("high-a", 5);
    stage.arrive("low-b", 0);
    stage.arrive("high-b", 5);
    clock.runUntilIdle(100);
    assertThat(order).containsExactly("first", "high-a", "high-b", "low-a", "low-b");
  }

  static long exponentialNanos(SplittableRandom random, double ratePerSecond) {
    return Math.max(1, Math.round(-Math.log(1 - random.nextDouble()) / ratePerSecond * SECOND));
  }
}
