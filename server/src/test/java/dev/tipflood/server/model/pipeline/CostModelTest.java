package dev.tipflood.server.model.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tipflood.server.model.queue.QueueDiscipline;
import dev.tipflood.server.model.queue.QueueSpec;
import dev.tipflood.server.model.review.ReviewSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CostModelTest {

  private static final long MB = 1024 * 1024;

  private final ProcessingSpec processing =
      new ProcessingSpec(1,
          Map.of(MediaKind.PHOTO, Duration.ofMillis(20), MediaKind.VIDEO, Duration.ofMillis(200)),
          QueueSpec.unbounded(QueueDiscipline.FIFO));
  private final ReviewSpec review =
      new ReviewSpec(1, Duration.ofSeconds(10), Duration.ofSeconds(60), 0,
          QueueSpec.unbounded(QueueDiscipline.FIFO), 1);

  @Test
  void processingCostIsPerMegabytePerKind() {
    CostModel costs = new CostModel(processing, review, 1.0);
    PipelineTip tip = new PipelineTip("t", List.of(
        new PipelineMedia(MediaKind.PHOTO, 3 * MB, 0, "a"),
        new PipelineMedia(MediaKind.VIDEO, 5 * MB, 90, "b"),
        new PipelineMedia(MediaKind.GIF, 9 * MB, 0, "c")), 0, 0);
    assertThat(costs.processingNanos(tip)).isEqualTo(Duration.ofMillis(60 + 1000).toNanos());
    // two stills and one and a half video minutes
    assertThat(costs.reviewNanos(tip)).isEqualTo(Duration.ofSeconds(20 + 90).toNanos());
  }

  @Test
  void scaledBytesCostWhatTheUnscaledBytesWould() {
    PipelineTip full = new PipelineTip("t", List.of(new PipelineMedia(MediaKind.VIDEO, 8 * MB, 60, "a")), 0, 0);
    PipelineTip quarter = new PipelineTip("t", List.of(new PipelineMedia(MediaKind.VIDEO, 2 * MB, 60, "a")), 0, 0);
    assertThat(new CostModel(processing, review, 0.25).processingNanos(quarter))
        .isEqualTo(new CostModel(processing, review, 1.0).processingNanos(full));
  }

  @Test
  void aTipWithoutMediaStillTakesAReviewerOnePhotoTime() {
    CostModel costs = new CostModel(processing, review, 1.0);
    PipelineTip text = new PipelineTip("t", List.of(), 0, 0);
    assertThat(costs.processingNanos(text)).isZero();
    assertThat(costs.reviewNanos(text)).isEqualTo(Duration.ofSeconds(10).toNanos());
  }

  @Test
  void invalidSpecsNameTheField() {
    assertThatThrownBy(() -> new ReviewSpec(0, Duration.ofSeconds(1), Duration.ofSeconds(1), 0,
            QueueSpec.unbounded(QueueDiscipline.FIFO), 1))
        .hasMessageContaining("review.reviewers");
    assertThatThrownBy(() -> new ReviewSpec(1, Duration.ofSeconds(1), Duration.ofSeconds(1), 0.7,
            QueueSpec.unbounded(QueueDiscipline.FIFO), 1))
        .hasMessageContaining("review.errorRate");
    assertThatThrownBy(() -> new ProcessingSpec(1, Map.of(MediaKind.GIF, Duration.ofMillis(-1)),
            QueueSpec.unbounded(QueueDiscipline.FIFO)))
        .hasMessageContaining("processing.costPerMb.gif");
    assertThatThrownBy(() -> new QueueSpec(QueueDiscipline.FIFO, 0)).hasMessageContaining("queue.bound");
    assertThatThrownBy(() -> new CostModel(processing, review, 0)).hasMessageContaining("scale");
  }
}
