package dev.tipflood.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tipflood.server.model.pipeline.MediaKind;
import dev.tipflood.server.model.queue.QueueDiscipline;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CapacitySectionsTest {

  private static final String PIPELINE = """
      processing:
        workers: 2
        costPerMb: {photo: 20ms, video: 200ms}
        queue: {discipline: priority, bound: 10}
      review:
        reviewers: 3
        perPhoto: 10s
        perVideoMinute: 1m
      """;

  private static Profile parse(String yaml) {
    return ProfileLoader.parse(("name: t\n" + yaml).getBytes(StandardCharsets.UTF_8), "t.yaml");
  }

  @Test
  void builtInProfilesModelTheSameCapacitiesWithDifferentQueues() {
    Profile naive = ProfileLoader.builtin("naive");
    Profile tipline = ProfileLoader.builtin("tipline");
    assertThat(naive.storage()).isEqualTo(tipline.storage());
    assertThat(naive.processing().workers()).isEqualTo(tipline.processing().workers());
    assertThat(naive.review().reviewers()).isEqualTo(tipline.review().reviewers());
    assertThat(naive.processing().toSpec().queue().isBounded()).isFalse();
    assertThat(naive.review().toSpec().queue().isBounded()).isFalse();
    assertThat(tipline.processing().toSpec().queue().isBounded()).isTrue();
    assertThat(tipline.review().toSpec().queue().isBounded()).isTrue();
    assertThat(naive.uploads().buffered()).isTrue();
    assertThat(tipline.uploads().buffered()).isFalse();
    assertThat(naive.jvm().heap().bytes()).isLessThan(tipline.jvm().heap().bytes());
  }

  @Test
  void sectionsParseIntoModelSpecs() {
    Profile p = parse("storage: {bandwidth: 40MiB/s, quota: 1GB}\n" + PIPELINE);
    assertThat(p.storage().toSpec().bandwidthBytesPerSecond()).isEqualTo(40L * 1024 * 1024);
    assertThat(p.processing().toSpec().cost(MediaKind.VIDEO)).isEqualTo(Duration.ofMillis(200));
    assertThat(p.processing().toSpec().queue().discipline()).isEqualTo(QueueDiscipline.PRIORITY);
    assertThat(p.review().toSpec().reviewers()).isEqualTo(3);
  }

  @Test
  void scalingShrinksBytesAndBandwidthButKeepsTheWorkPerTip() {
    Profile p = parse("storage: {bandwidth: 40MB/s, quota: 1GiB}\n" + PIPELINE).scaled(0.1);
    assertThat(p.storage().bandwidth().bytesPerSecond()).isEqualTo(4_000_000);
    assertThat(p.storage().quota().bytes()).isEqualTo(Math.round(1024L * 1024 * 1024 * 0.1));
    assertThat(p.processing().costPerMb().get("photo")).isEqualTo(Duration.ofMillis(200));
    assertThat(p.review().perPhoto()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void errorsNameTheFileAndField() {
    assertThatThrownBy(() -> parse("storage: {bandwidth: 40MB}\n"))
        .hasMessageContaining("t.yaml")
        .hasMessageContaining("storage.bandwidth")
        .hasMessageContaining("40MB/s");
    assertThatThrownBy(() -> parse(PIPELINE.replace("priority", "lifo")))
        .hasMessageContaining("processing.queue.discipline")
        .hasMessageContaining("fifo or priority");
    assertThatThrownBy(() -> parse(PIPELINE.replace("photo: 20ms", "jpeg: 20ms")))
        .hasMessageContaining("processing.costPerMb.jpeg")
        .hasMessageContaining("photo, gif, video, other");
    assertThatThrownBy(() -> parse(PIPELINE.replace("perPhoto: 10s\n", "perPhoto: 10s\n  errorRate: 0.9\n")))
        .hasMessageContaining("review.errorRate");
    assertThatThrownBy(() -> parse(PIPELINE.substring(0, PIPELINE.indexOf("review:"))))
        .hasMessageContaining("t.yaml:1:1: review: missing: is required when 'processing' is given")
        .hasMessageContaining("pipeline needs both stages");
  }
}
