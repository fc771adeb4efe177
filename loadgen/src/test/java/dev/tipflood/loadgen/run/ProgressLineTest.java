package dev.tipflood.loadgen.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tipflood.loadgen.plan.ClientBehaviour;
import dev.tipflood.loadgen.plan.IdentityPlan;
import dev.tipflood.loadgen.plan.LoadPlan;
import dev.tipflood.loadgen.plan.MetadataRealism;
import dev.tipflood.loadgen.plan.PlanFixtures;
import dev.tipflood.loadgen.plan.PopulationPlan;
import dev.tipflood.loadgen.plan.RetryPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressLineTest {
  private final ObjectMapper json = new ObjectMapper();

  static LoadPlan plan() {
    PopulationPlan fans = new PopulationPlan("fans", "junk", List.of(10, 20, 30), PlanFixtures.spread(List.of(10, 20, 30)),
        new IdentityPlan(1, 0, 1, false),
        new MetadataRealism(0, 0, 0, null), new ClientBehaviour(1000, RetryPolicy.NONE, 0), List.of(List.of()));
    return new LoadPlan("t", 1, "http://127.0.0.1:1", 3, 1, "/tmp/x", List.of(fans));
  }

  @Test
  void showsOfferedAchievedErrorsHeapAndQueues() throws Exception {
    var before = json.readTree("{\"populations\":{\"fans\":{\"ok\":10,\"completed\":12}}}");
    var now = json.readTree("{\"populations\":{\"fans\":{\"ok\":25,\"completed\":30}}}");
    var server = json.readTree("{\"t\":1,\"heap\":{\"usedBytes\":" + (300L << 20)
        + "},\"stages\":{\"processing\":{\"queued\":40},\"review\":{\"queued\":2}}}");
    // Gatling's third second is the schedule's second: the schedule starts one lead later.
    String line = new ProgressLine(plan()).render(3, now, before, server);
    assertThat(line).isEqualTo("[  2/3s] fans offered 20/s ok 15/s err 3 | server heap 300MB queued 42");
  }

  @Test
  void worksBeforeAnyData() {
    assertThat(new ProgressLine(plan()).render(0, null, null, null)).isEqualTo("[  0/3s] fans offered 0/s ok 0/s err 0 | server -");
    assertThat(new ProgressLine(plan()).render(2, null, null, null)).isEqualTo("[  1/3s] fans offered 10/s ok 0/s err 0 | server -");
  }

  @Test
  void offersNothingOnceTheScheduleIsOver() {
    assertThat(new ProgressLine(plan()).render(6, null, null, null)).isEqualTo("[  5/3s] fans offered 0/s ok 0/s err 0 | server -");
  }
}
