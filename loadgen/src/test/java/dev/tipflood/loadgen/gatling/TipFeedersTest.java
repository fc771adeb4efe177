package dev.tipflood.loadgen.gatling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tipflood.loadgen.client.UserStartSchedule;
import dev.tipflood.loadgen.plan.ClientBehaviour;
import dev.tipflood.loadgen.plan.IdentityPlan;
import dev.tipflood.loadgen.plan.MediaFile;
import dev.tipflood.loadgen.plan.MetadataRealism;
import dev.tipflood.loadgen.plan.PopulationPlan;
import dev.tipflood.loadgen.plan.RetryPolicy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class TipFeedersTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2020-05-31T20:00:00Z"), ZoneOffset.UTC);
  private static final MediaFile CLIP = new MediaFile("/corpus/a/clip.avi", "video/x-msvideo", 1000);
  private static final MediaFile GIF = new MediaFile("/corpus/b/fan.gif", "image/gif", 20);
  private static final PopulationPlan FANS = new PopulationPlan("fans", "junk", List.of(2, 0, 1), List.of(100L, 900L, 2500L),
      new IdentityPlan(50, 0.2, 1, false), new MetadataRealism(0.5, 0.5, 0.5, null),
      new ClientBehaviour(1000, RetryPolicy.NONE, 0), List.of(List.of(CLIP, GIF), List.of()));

  @Test
  void eachTipHasItsUsersStartItsArrivalAfterTheLeadAndItsMedia() {
    List<Tip> tips = all(TipFeeders.tips(FANS, 3, 7, CLOCK));

    assertThat(tips).extracting(t -> t.seq).containsExactly(0L, 1L, 2L);
    assertThat(tips).extracting(Tip::seqText).containsExactly("0", "1", "2");
    assertThat(tips).extracting(t -> t.offsetMicros).containsExactly(0L, 500_000L, 2_000_000L);
    assertThat(tips).extracting(t -> t.arrivalMicros - UserStartSchedule.LEAD_MICROS)
        .containsExactly(100_000L, 900_000L, 2_500_000L);
    assertThat(tips).extracting(t -> t.media).containsExactly(List.of(CLIP, GIF), List.of(), List.of(CLIP, GIF));
    assertThat(tips).extracting(t -> t.bodyBytes).containsExactly(1020L, 0L, 1020L);
    assertThat(tips).allSatisfy(t -> {
      assertThat(t.sourceIp).startsWith("10.3.");
      assertThat(t.metadata).contains("\"deviceId\":\"fans-");
      assertThat(t.attempt).isEqualTo(1);
      assertThat(t.again).isTrue();
    });
  }

  @Test
  void theSameSeedGivesTheSameTips() {
    List<Tip> a = all(TipFeeders.tips(FANS, 0, 42, CLOCK));
    List<Tip> b = all(TipFeeders.tips(FANS, 0, 42, CLOCK));
    List<Tip> other = all(TipFeeders.tips(FANS, 0, 43, CLOCK));

    assertThat(a).extracting(t -> t.metadata + t.sourceIp).isEqualTo(b.stream().map(t -> t.metadata + t.sourceIp).toList())
        .isNotEqualTo(other.stream().map(t -> t.metadata + t.sourceIp).toList());
  }

  private static List<Tip> all(Iterator<Tip> tips) {
    List<Tip> out = new ArrayList<>();
    tips.forEachRemaining(out::add);
    return out;
  }
}
