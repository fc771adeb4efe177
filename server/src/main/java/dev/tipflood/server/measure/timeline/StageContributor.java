package dev.tipflood.server.measure.timeline;

import dev.tipflood.server.model.queue.QueueSpec;
import dev.tipflood.server.model.queue.StageStats;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Queue depth, work in service, totals and utilisation over the interval, per stage, under
 * {@code stages.<name>}; the review stage also fills {@code reviewers}.
 */
public final class StageContributor implements TimelineContributor {

  private final Supplier<List<StageStats>> stages;
  private final Map<String, UtilisationMeter> meters = new HashMap<>();

  public StageContributor(Supplier<List<StageStats>> stages) {
    this.stages = stages;
  }

  @Override
  public void contribute(Map<String, Object> sample, long intervalNanos) {
    Map<String, Object> all = new LinkedHashMap<>();
    for (StageStats s : stages.get()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("queued", s.queued());
      m.put("inService", s.inService());
      m.put("servers", s.servers());
      m.put("bound", s.queueBound() == QueueSpec.UNBOUNDED ? null : s.queueBound());
      m.put("arrivals", s.arrivals());
      m.put("rejected", s.rejected());
      m.put("departed", s.departed());
      m.put("utilisation", meters.computeIfAbsent(s.name(), n -> new UtilisationMeter()).next(s));
      all.put(s.name(), m);
    }
    sample.put("stages", all);
  }
}
