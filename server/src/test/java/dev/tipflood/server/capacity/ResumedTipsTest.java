package dev.tipflood.server.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tipflood.server.config.Profile;
import dev.tipflood.server.config.ProfileLoader;
import dev.tipflood.server.measure.MeasurementPlane;
import dev.tipflood.server.measure.SupplierClock;
import dev.tipflood.server.model.pipeline.CapacityPipeline;
import dev.tipflood.server.model.review.Verdict;
import dev.tipflood.server.model.time.VirtualScheduler;
import dev.tipflood.server.storage.JournalTipStore;
import dev.tipflood.server.tip.MediaItem;
import dev.tipflood.server.tip.Review;
import dev.tipflood.server.tip.TipId;
import dev.tipflood.server.tip.TipMetadata;
import dev.tipflood.server.tip.TipRecord;
import dev.tipflood.server.tip.TipStatus;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tips a restart interrupted go through the pipeline again and get reviewed. */
class ResumedTipsTest {
  private static final Instant T0 = Instant.parse("2020-05-31T18:00:00Z");
  private static final Profile PROFILE = ProfileLoader.parse("""
      name: t
      processing: {workers: 1, costPerMb: {photo: 10ms}}
      review: {reviewers: 1, perPhoto: 20s, perVideoMinute: 60s, errorRate: 0}
      """.getBytes(StandardCharsets.UTF_8), "t.yaml");

  @TempDir Path dir;

  @Test
  void unfinishedTipsAreResubmittedInJournalOrderAndReviewed() {
    List<TipRecord> tips = new ArrayList<>();
    try (JournalTipStore store = JournalTipStore.open(dir, w -> { })) {
      for (int i = 0; i < 5; i++) {
        tips.add(store.append(tip(i)).toCompletableFuture().join());
      }
      store.updateStatus(tips.get(0).id(), TipStatus.AWAITING_REVIEW).toCompletableFuture().join();
      store.attachReview(tips.get(1).id(), new Review(Review.Verdict.JUNK, "r-1", T0)).toCompletableFuture().join();
      store.updateStatus(tips.get(2).id(), TipStatus.PROCESSING).toCompletableFuture().join();
      store.updateStatus(tips.get(3).id(), TipStatus.DROPPED).toCompletableFuture().join();
      // tips.get(4) stays received
    }

    VirtualScheduler scheduler = new VirtualScheduler();
    SupplierClock wall = new SupplierClock(() -> T0.toEpochMilli() + scheduler.nanoTime() / 1_000_000);
    try (JournalTipStore store = JournalTipStore.open(dir, w -> { })) {
      List<TipRecord> unfinished = new java.util.ArrayList<>();
      store.forEachUnfinishedAtOpen(unfinished::add);
      assertThat(unfinished).extracting(TipRecord::id)
          .containsExactly(tips.get(0).id(), tips.get(2).id(), tips.get(4).id());
      assertThat(unfinished.get(1).status()).isEqualTo(TipStatus.PROCESSING);

      MeasurementPlane plane = new MeasurementPlane(wall, scheduler::nanoTime, new SimpleMeterRegistry());
      StatusRecorder status = new StatusRecorder(store, wall);
      CapacityPipeline pipeline = new CapacityPipeline(scheduler, PROFILE.processing().toSpec(),
          PROFILE.review().toSpec(), 1.0, plane.oracle(), status);
      List<Verdict> verdicts = new CopyOnWriteArrayList<>();
      pipeline.subscribe(status);
      pipeline.subscribe(verdicts::add);
      ModelTipPipeline model = new ModelTipPipeline(pipeline, scheduler, plane, 15 << 20);
      store.forEachUnfinishedAtOpen(model::resumed);

      scheduler.runUntilIdle(10_000);

      assertThat(verdicts).extracting(Verdict::tipId).containsExactly(
          tips.get(0).id().value(), tips.get(2).id().value(), tips.get(4).id().value());
      // their truth died with the old process: scored as unlabelled, and the reviewer sees legit
      assertThat(verdicts).allMatch(v -> plane.truth().classOf(v.tipId()).equals("unlabelled"));
      await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
        for (int i : new int[] {0, 2, 4}) {
          TipRecord t = store.find(tips.get(i).id()).orElseThrow();
          assertThat(t.status()).as("tip %d", i).isEqualTo(TipStatus.REVIEWED);
          assertThat(t.review().orElseThrow().verdict()).isEqualTo(Review.Verdict.LEGIT);
        }
      });
      assertThat(store.find(tips.get(1).id()).orElseThrow().review().orElseThrow().reviewer()).isEqualTo("r-1");
      assertThat(store.find(tips.get(3).id()).orElseThrow().status()).isEqualTo(TipStatus.DROPPED);
    }
  }

  private static TipRecord tip(int i) {
    TipMetadata md = new TipMetadata("tip " + i, 32.7, -96.8, T0, "dev-" + i);
    return TipRecord.received(TipId.next(i + 1), T0.plusMillis(i), md,
        List.of(new MediaItem(0, "a.jpg", "image/jpeg", 1024, "ab".repeat(32), "x-" + i)));
  }
}
