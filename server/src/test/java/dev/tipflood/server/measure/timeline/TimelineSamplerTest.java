package dev.tipflood.server.measure.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tipflood.server.measure.SupplierClock;
import dev.tipflood.server.measure.review.ClassCounters;
import dev.tipflood.server.measure.review.ReviewScoring;
import dev.tipflood.server.measure.truth.Truth;
import dev.tipflood.server.measure.truth.TruthLabel;
import dev.tipflood.server.measure.truth.TruthRegistry;
import dev.tipflood.server.model.pipeline.CapacityPipeline;
import dev.tipflood.server.model.pipeline.PipelineObserver;
import dev.tipflood.server.model.pipeline.PipelineTip;
import dev.tipflood.server.model.pipeline.ProcessingSpec;
import dev.tipflood.server.model.queue.QueueDiscipline;
import dev.tipflood.server.model.queue.QueueSpec;
import dev.tipflood.server.model.review.ReviewSpec;
import dev.tipflood.server.model.storage.StorageBandwidth;
import dev.tipflood.server.model.storage.StorageQuota;
import dev.tipflood.server.model.storage.StorageSpec;
import dev.tipflood.server.model.time.VirtualScheduler;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimelineSamplerTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long SECOND = 1_000_000_000L;

  private final VirtualScheduler clock = new VirtualScheduler();
  private final Clock wall =
      new SupplierClock(() -> 1_764_403_200_000L + clock.nanoTime() / 1_000_000);

  @Test
  void samplesEveryResourceAndScoresReviewsByTruth() throws Exception {
    TruthRegistry truth = new TruthRegistry();
    ReviewScoring scoring = new ReviewScoring(truth);
    CapacityPipeline pipeline = new CapacityPipeline(clock,
        new ProcessingSpec(1, Map.of(), QueueSpec.unbounded(QueueDiscipline.FIFO)),
        new ReviewSpec(2, Duration.ofSeconds(1), Duration.ofSeconds(60), 0,
            QueueSpec.bounded(QueueDiscipline.FIFO, 100), 1),
        1.0, truth, PipelineObserver.none());
    pipeline.subscribe(scoring);
    ClassCounters bytes = new ClassCounters();
    StorageQuota quota = new StorageQuota(1_000_000, 0);
    TimelineSampler timeline = new TimelineSampler(wall, clock::nanoTime, 10);
    timeline.add(new JvmContributor());
    timeline.add(new StageContributor(() -> List.of(pipeline.processingStats(), pipeline.reviewStats())));
    timeline.add(new StorageContributor(quota,
        new StorageBandwidth(clock, StorageSpec.unlimited()), bytes));
    timeline.add(new ReviewContributor(scoring, pipeline::reviewStats));
    timeline.add((sample, interval) -> sample.put("connections", Map.of("open", 3)));

    // 4 junk and 1 legit tip at t=0: two reviewers, 1 s each
    for (int i = 0; i < 5; i++) {
      String id = "t" + i;
      truth.remember(id, new TruthLabel(i == 4 ? Truth.LEGIT : Truth.JUNK, "p", i, 1));
      pipeline.submit(new PipelineTip(id, List.of(), 0, clock.nanoTime()));
    }
    quota.tryReserve(1000);
    bytes.add("junk", 800);
    bytes.add("legit", 200);
    for (int s = 1; s <= 3; s++) {
      clock.advanceTo(s * SECOND);
      timeline.sample();
    }

    List<String> lines = timeline.jsonSince(0);
    assertThat(lines).hasSize(3);
    JsonNode first = JSON.readTree(lines.get(0));
    assertThat(first.get("t").asLong()).isEqualTo(1_764_403_201_000L);
    assertThat(first.at("/stages/review/queued").asInt()).isEqualTo(1);
    assertThat(first.at("/stages/review/inService").asInt()).isEqualTo(2);
    assertThat(first.at("/stages/review/bound").asInt()).isEqualTo(100);
    assertThat(first.at("/stages/processing/bound").isNull()).isTrue();
    assertThat(first.at("/reviewers/utilisation").asDouble()).isEqualTo(1.0);
    assertThat(first.at("/reviewed/junk/total").asLong()).isEqualTo(2);
    assertThat(first.at("/heap/usedBytes").asLong()).isPositive();
    assertThat(first.at("/gc/timeMs").isNumber()).isTrue();
    assertThat(first.at("/connections/open").asInt()).isEqualTo(3);
    assertThat(first.at("/storage/byTruth/junk").asLong()).isEqualTo(800);

    JsonNode last = JSON.readTree(lines.get(2));
    assertThat(last.at("/reviewed/junk/total").asLong()).isEqualTo(4);
    assertThat(last.at("/reviewed/legit/total").asLong()).isEqualTo(1);
    assertThat(last.at("/reviewed/legit/interval").asLong()).isEqualTo(1);
    // HdrHistogram reports the highest value equivalent at 3 significant digits
    assertThat(last.at("/reviewed/legit/ttrMs/max").asLong()).isBetween(3000L, 3003L);
    assertThat(last.at("/reviewers/junkSeconds").asDouble()).isEqualTo(4.0);
    // third second: one reviewer busy with the legit tip, the other idle
    assertThat(last.at("/reviewers/utilisation").asDouble()).isEqualTo(0.5);

    assertThat(timeline.ndjsonSince(1_764_403_202_000L).lines()).hasSize(1);
  }

  @Test
  void keepsOnlyTheNewestSamples() {
    TimelineSampler timeline = new TimelineSampler(wall, clock::nanoTime, 2);
    for (int s = 1; s <= 5; s++) {
      clock.advanceTo(s * SECOND);
      timeline.sample();
    }
    assertThat(timeline.size()).isEqualTo(2);
    assertThat(timeline.ndjsonSince(0)).startsWith("{\"t\":1764403204000,\"intervalMs\":1000}");
  }
}
