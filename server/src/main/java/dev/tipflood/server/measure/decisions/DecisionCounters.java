package dev.tipflood.server.measure.decisions;

import dev.tipflood.server.defence.DecisionLog;
import dev.tipflood.server.measure.timeline.TimelineContributor;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Every defence decision, counted by defence, point, decision, reason and (for scoring only) the
 * request's truth class: cumulative for {@code /measure/defences}, per interval in the timeline
 * ({@code defences.<name>.<decision>[.<reason>].<class>}), and as the Prometheus counter
 * {@code tipflood_defence_decisions_total}. Thread-safe.
 */
public final class DecisionCounters implements TimelineContributor {

  /** One counted combination. */
  record Key(String defence, String point, String decision, String reason, String truth) {
    String label() {
      return reason.isEmpty() ? decision : decision + "." + reason;
    }
  }

  private final MeterRegistry registry;
  private final Map<Key, LongAdder> totals = new ConcurrentHashMap<>();
  private final Map<Key, Counter> meters = new ConcurrentHashMap<>();
  private final Map<Key, Long> lastSample = new ConcurrentHashMap<>();

  public DecisionCounters(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Counts a finished request's decisions under its truth class. */
  public void count(DecisionLog log, String truthClass) {
    log.forEach(e -> {
      Key k = new Key(e.defence(), e.point().wire(), e.decision(), e.reason(), truthClass);
      totals.computeIfAbsent(k, x -> new LongAdder()).increment();
      meters.computeIfAbsent(k, x -> Counter.builder("tipflood.defence.decisions")
          .tags("defence", x.defence(), "point", x.point(), "decision", x.decision(), "reason", x.reason(),
              "truth", x.truth())
          .register(registry)).increment();
    });
  }

  /** Totals so far: {@code {defence: {decision[.reason]: {class: n}}}}. */
  public Map<String, Object> totals() {
    return nest(k -> totals.get(k).sum());
  }

  @Override
  public synchronized void contribute(Map<String, Object> sample, long intervalNanos) {
    sample.put("defences", nest(k -> {
      long now = totals.get(k).sum();
      Long before = lastSample.put(k, now);
      return now - (before == null ? 0 : before);
    }));
  }

  private Map<String, Object> nest(java.util.function.ToLongFunction<Key> value) {
    Map<String, Map<String, Map<String, Long>>> out = new TreeMap<>();
    for (Key k : totals.keySet()) {
      out.computeIfAbsent(k.defence(), d -> new TreeMap<>())
          .computeIfAbsent(k.label(), l -> new TreeMap<>())
          .merge(k.truth(), value.applyAsLong(k), Long::sum);
    }
    return new LinkedHashMap<>(out);
  }
}
