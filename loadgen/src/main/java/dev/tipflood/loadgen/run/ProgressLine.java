package dev.tipflood.loadgen.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tipflood.loadgen.client.UserStartSchedule;
import dev.tipflood.loadgen.plan.LoadPlan;
import dev.tipflood.loadgen.plan.PopulationPlan;
import java.util.Iterator;
import java.util.Locale;

/**
 * Renders the live progress line: elapsed/total, then per population the offered rate (from the
 * schedule) against the achieved rate (2xx per second) and the errors in the last second, then the
 * server's heap and total queue depth from its newest timeline sample.
 * <pre>
 * [ 12/30s] citizens offered 1/s ok 1/s err 0 | fans offered 14/s ok 11/s err 3 | server heap 212MB queued 340
 * </pre>
 */
final class ProgressLine {
  private final LoadPlan plan;

  ProgressLine(LoadPlan plan) {
    this.plan = plan;
  }

  /**
   * @param elapsedSeconds since Gatling started (the schedule starts {@link UserStartSchedule#LEAD_SECONDS} later)
   * @param now            newest client progress line, or null
   * @param before         the one a second earlier, or null
   * @param server         newest server timeline sample, or null (external target, or not yet)
   */
  String render(long elapsedSeconds, JsonNode now, JsonNode before, JsonNode server) {
    StringBuilder b = new StringBuilder();
    // In the schedule's time, which starts one lead after Gatling's start (UserStartSchedule).
    long scheduleSeconds = Math.max(0, elapsedSeconds - UserStartSchedule.LEAD_SECONDS);
    b.append(String.format(Locale.ROOT, "[%3d/%ds]", scheduleSeconds, plan.durationSeconds()));
    long second = scheduleSeconds - 1; // the second that just ended
    for (PopulationPlan p : plan.populations()) {
      long offered = second < 0 || second >= plan.durationSeconds() ? 0 : p.arrivalsPerSecond().get((int) second);
      long ok = delta(now, before, p.name(), "ok");
      long err = delta(now, before, p.name(), "completed") - ok;
      b.append(' ').append(p.name()).append(" offered ").append(offered).append("/s ok ").append(ok)
          .append("/s err ").append(err).append(" |");
    }
    if (server != null) {
      long heap = server.path("heap").path("usedBytes").asLong(-1);
      b.append(" server heap ").append(heap < 0 ? "?" : (heap >> 20) + "MB");
      b.append(" queued ").append(queued(server));
    } else {
      b.append(" server -");
    }
    return b.toString();
  }

  /** Sum of {@code stages.*.queued}. */
  static long queued(JsonNode sample) {
    long q = 0;
    for (Iterator<JsonNode> it = sample.path("stages").elements(); it.hasNext(); ) {
      q += it.next().path("queued").asLong(0);
    }
    return q;
  }

  private static long delta(JsonNode now, JsonNode before, String pop, String field) {
    long a = now == null ? 0 : now.path("populations").path(pop).path(field).asLong(0);
    long b = before == null ? 0 : before.path("populations").path(pop).path(field).asLong(0);
    return Math.max(0, a - b);
  }
}
