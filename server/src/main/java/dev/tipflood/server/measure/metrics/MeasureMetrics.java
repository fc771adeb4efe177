package dev.tipflood.server.measure.metrics;

import dev.tipflood.server.measure.review.ClassCounters;
import dev.tipflood.server.measure.review.ReviewScoring;
import dev.tipflood.server.model.queue.StageStats;
import dev.tipflood.server.model.storage.StorageBandwidth;
import dev.tipflood.server.model.storage.StorageQuota;
import dev.tipflood.server.storage.JournalStats;
import dev.tipflood.server.storage.JournalTipStore;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * The timeline's figures as Micrometer meters, so {@code /metrics} shows the same numbers as
 * {@code /measure/timeline}. Meter names are listed in docs/measurement.md.
 */
public final class MeasureMetrics {

  private MeasureMetrics() {}

  /** Queue depth, work in service, servers and totals of one stage, tagged {@code stage=<name>}. */
  public static void bindStage(MeterRegistry registry, String name, Supplier<StageStats> stage) {
    Tags tags = Tags.of("stage", name);
    gauge(registry, "tipflood.stage.queued", tags, stage, s -> s.queued());
    gauge(registry, "tipflood.stage.in.service", tags, stage, s -> s.inService());
    gauge(registry, "tipflood.stage.servers", tags, stage, s -> s.servers());
    counter(registry, "tipflood.stage.arrivals", tags, stage, s -> s.arrivals());
    counter(registry, "tipflood.stage.rejected", tags, stage, s -> s.rejected());
    counter(registry, "tipflood.stage.departed", tags, stage, s -> s.departed());
    // busy server-seconds: rate() of it divided by servers is the utilisation
    counter(registry, "tipflood.stage.busy.seconds", tags, stage, s -> s.busyNanos() / 1e9);
  }

  public static void bindStorage(
      MeterRegistry registry, StorageQuota quota, StorageBandwidth bandwidth, ClassCounters bytesByClass) {
    Gauge.builder("tipflood.storage.used.bytes", quota, StorageQuota::usedBytes).register(registry);
    Gauge.builder("tipflood.storage.quota.bytes", quota, StorageQuota::quotaBytes).register(registry);
    FunctionCounter.builder("tipflood.storage.refusals", quota, StorageQuota::refusals).register(registry);
    Gauge.builder("tipflood.storage.active.uploads", bandwidth, StorageBandwidth::activeFlows).register(registry);
    for (String c : ClassCounters.CLASSES) {
      Gauge.builder("tipflood.storage.stored.bytes", bytesByClass, b -> b.get(c))
          .tag("truth", c)
          .register(registry);
    }
  }

  /**
   * The tip journal's group commits: mean group size is records/commits, mean fsync time
   * fsync/commits. Micrometer holds the store only weakly; the server holds it for its lifetime.
   */
  public static void bindJournal(MeterRegistry registry, JournalTipStore store) {
    journal(registry, "tipflood.journal.commits", store, JournalStats::commits);
    journal(registry, "tipflood.journal.records", store, JournalStats::records);
    journal(registry, "tipflood.journal.bytes", store, JournalStats::bytes);
    journal(registry, "tipflood.journal.fsync.seconds", store, j -> j.fsyncNanos() / 1e9);
  }

  private static void journal(MeterRegistry registry, String name, JournalTipStore store,
      ToDoubleFunction<JournalStats> value) {
    FunctionCounter.builder(name, store, s -> value.applyAsDouble(s.journalStats())).register(registry);
  }

  public static void bindReview(MeterRegistry registry, ReviewScoring scoring) {
    for (String c : ClassCounters.CLASSES) {
      FunctionCounter.builder("tipflood.review.reviewed", scoring, s -> s.reviewed(c))
          .tag("truth", c).register(registry);
      FunctionCounter.builder("tipflood.review.wrong", scoring, s -> s.wrong(c))
          .tag("truth", c).register(registry);
    }
    FunctionCounter.builder("tipflood.review.reviewer.seconds", scoring, ReviewScoring::reviewerSeconds)
        .register(registry);
    FunctionCounter.builder("tipflood.review.junk.seconds", scoring, ReviewScoring::junkReviewerSeconds)
        .register(registry);
  }

  private static void gauge(
      MeterRegistry registry, String name, Tags tags, Supplier<StageStats> stage,
      ToDoubleFunction<StageStats> value) {
    Gauge.builder(name, stage, s -> value.applyAsDouble(s.get())).tags(tags).register(registry);
  }

  private static void counter(
      MeterRegistry registry, String name, Tags tags, Supplier<StageStats> stage,
      ToDoubleFunction<StageStats> value) {
    FunctionCounter.builder(name, stage, s -> value.applyAsDouble(s.get())).tags(tags).register(registry);
  }
}
