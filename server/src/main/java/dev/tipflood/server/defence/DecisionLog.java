package dev.tipflood.server.defence;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The decisions made for one request, in order, for the measurement plane to count once the
 * request ends (it alone knows the request's truth class). Confined to the request's event loop.
 */
public final class DecisionLog {
  /** Where the adapter keeps the request's log on its routing context. */
  public static final String KEY = "tipflood.defence.decisions";

  /** One counted decision. */
  public record Entry(String defence, Point point, String decision, String reason) {}

  private final List<Entry> entries = new ArrayList<>(4);

  public void add(String defence, Point point, Decision d) {
    String reason = "";
    if (d instanceof Decision.Refusal r) {
      reason = r.reason().wire();
    } else if (d instanceof Decision.Prioritise p) {
      reason = p.priority() < 0 ? "down" : p.priority() > 0 ? "up" : "";
    } else if (d instanceof Decision.Defer) {
      reason = Reason.BROWNOUT.wire();
    }
    entries.add(new Entry(defence, point, d.label(), reason));
  }

  /** Adds an outcome that is no single defence's decision, e.g. the review priority all of them gave a tip. */
  public void add(String defence, Point point, String decision, String reason) {
    entries.add(new Entry(defence, point, decision, reason));
  }

  /** Adds {@code d} unless this defence already logged the same decision for this request (holds repeat per chunk). */
  public void addOnce(String defence, Point point, Decision d) {
    for (Entry e : entries) {
      if (e.defence().equals(defence) && e.decision().equals(d.label())) {
        return;
      }
    }
    add(defence, point, d);
  }

  public void forEach(Consumer<Entry> action) {
    entries.forEach(action);
  }

  public List<Entry> entries() {
    return List.copyOf(entries);
  }
}
