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
 * timeline: {@code reviewed.<class>.expired} and {@code reviewed.<class>.dropped}, so a run's
 * report can say how many legit tips were stored but never reached a reviewer.
 */
class UnreviewedTipsCountedTest {
  @Test
  void aTipDroppedAtAFullProcessingQueueIsCountedUnderItsTruthClass() throws Exception {
    VirtualScheduler clock = new VirtualScheduler();
    MeasurementPlane plane = new MeasurementPlane(Clock.systemUTC(), clock::nanoTime, new SimpleMeterRegistry());
    // One worker, room for one waiting tip: the third tip submitted at once is dropped.
    CapacityPipeline pipeline = new CapacityPipeline(clock,
        new ProcessingSpec(1, Map.of(), QueueSpec.bounded(QueueDiscipline.FIFO, 1)),
        new ReviewSpec(1, Duration.ofSeconds(1), Duration.ofSeconds(60), 0, QueueSpec.unbounded(QueueDiscipline.FIFO), 1),
        1.0, plane.oracle(), plane.pipelineObserver());
    plane.attachPipeline(pipeline::processingStats, pipeline::reviewStats);
    List<Truth> truths = List.of(Truth.JUNK, Truth.JUNK, Truth.LEGIT);
    for (int i = 0; i < truths.size(); i++) {
      plane.truth().remember("t" + i, new TruthLabel(truths.get(i), "p", i, 1));
    }
    for (int i = 0; i < truths.size(); i++) {
      pipeline.submit(new PipelineTip("t" + i, List.of(), 0, clock.nanoTime()));
    }
    plane.timeline().sample();

    List<String> lines = plane.timeline().jsonSince(0);
    JsonNode reviewed = new ObjectMapper().readTree(lines.get(lines.size() - 1)).path("reviewed");
    assertThat(reviewed.at("/legit/dropped").asLong()).isEqualTo(1);
    assertThat(reviewed.at("/junk/dropped").asLong()).isZero();
    assertThat(reviewed.at("/legit/expired").asLong()).isZero();
  }
}
