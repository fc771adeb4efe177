package dev.tipflood.server.measure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tipflood.server.measure.truth.Truth;
import dev.tipflood.server.measure.truth.TruthLabel;
import dev.tipflood.server.model.pipeline.CapacityPipeline;
import dev.tipflood.server.model.pipeline.PipelineTip;
import dev.tipflood.server.model.pipeline.ProcessingSpec;
import dev.tipflood.server.model.queue.QueueDiscipline;
import dev.tipflood.server.model.queue.QueueSpec;
import dev.tipflood.server.model.review.ReviewSpec;
import dev.tipflood.server.model.time.VirtualScheduler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Acknowledged tips that leave the pipeline unreviewed are counted by truth class in the
 * timeline ({@code reviewed.<class>.expired}), so a run's report can say how many legit tips
 * were stored but never reached a reviewer.
 */
class UnreviewedTipsCountedTest {
  @Test
  void aTipThatExpiredUnreviewedIsCountedUnderItsTruthClass() throws Exception {
    VirtualScheduler clock = new VirtualScheduler();
    MeasurementPlane plane = new MeasurementPlane(Clock.systemUTC(), clock::nanoTime, new SimpleMeterRegistry());
    // One reviewer, busy for a minute with the first tip; tips scored below 30 give up after 10 s.
    CapacityPipeline pipeline = new CapacityPipeline(clock,
        new ProcessingSpec(1, Map.of(), QueueSpec.unbounded(QueueDiscipline.FIFO)),
        new ReviewSpec(1, Duration.ofSeconds(60), Duration.ofSeconds(60), 0, QueueSpec.unbounded(QueueDiscipline.PRIORITY),
            1, new ReviewSpec.LowScore(30, Duration.ofSeconds(10))),
        1.0, plane.oracle(), plane.pipelineObserver());
    plane.attachPipeline(pipeline::processingStats, pipeline::reviewStats);
    List<Truth> truths = List.of(Truth.JUNK, Truth.JUNK, Truth.LEGIT, Truth.LEGIT);
    List<Integer> scores = List.of(90, 5, 5, 90);
    for (int i = 0; i < truths.size(); i++) {
      plane.truth().remember("t" + i, new TruthLabel(truths.get(i), "p", i, 1));
    }
    for (int i = 0; i < truths.size(); i++) {
      pipeline.submit(new PipelineTip("t" + i, List.of(), scores.get(i), clock.nanoTime()));
    }
    clock.advanceBy(Duration.ofSeconds(20));
    plane.timeline().sample();

    List<String> lines = plane.timeline().jsonSince(0);
    JsonNode reviewed = new ObjectMapper().readTree(lines.get(lines.size() - 1)).path("reviewed");
    assertThat(reviewed.at("/legit/expired").asLong()).isEqualTo(1);
    assertThat(reviewed.at("/junk/expired").asLong()).isEqualTo(1);
    assertThat(reviewed.at("/junk/total").asLong()).as("reviewed so far").isZero();
  }
}
