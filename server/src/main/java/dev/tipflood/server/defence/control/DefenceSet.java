package dev.tipflood.server.defence.control;

import dev.tipflood.server.config.DefenceCatalogue;
import dev.tipflood.server.config.DefenceSpec;
import dev.tipflood.server.defence.Defence;
import dev.tipflood.server.defence.NanoClock;
import dev.tipflood.server.defence.Point;
import dev.tipflood.server.defence.triage.TriageContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A profile's defences while the server runs. Readers (every request) see an immutable snapshot
 * through a volatile read; changes are explicit, serialised, and replace the snapshot. Re-tuning
 * builds a fresh defence from the merged settings (validated by the catalogue first), so a
 * re-tuned bucket starts full and a re-tuned limit starts from its initial value; work admitted
 * before keeps releasing into the defence that admitted it.
 *
 * <pre>{@code
 * DefenceSet set = new DefenceSet(profile.defences(), clock);
 * for (DefenceSet.Slot s : set.at(Point.HEADERS)) { s.defence().decide(Point.HEADERS, attempt); }
 * set.enable("global");
 * set.retune("global", Map.of("rate", "50/s"));
 * }</pre>
 */
public final class DefenceSet {

  /** One declared defence: its spec (with its enabled flag) and the instance built from it. */
  public record Slot(DefenceSpec spec, Defence defence) {
    public String name() {
      return spec.name();
    }

    public boolean enabled() {
      return spec.enabled();
    }
  }

  private record Snapshot(List<Slot> all, Slot[][] active) {}

  private static final Slot[] NONE = new Slot[0];
  private final NanoClock clock;
  private final TriageContext triage;
  private final List<Runnable> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
  private volatile Snapshot snapshot;

  public DefenceSet(List<DefenceSpec> specs, NanoClock clock) {
    this(specs, clock, TriageContext.standalone(clock));
  }

  /** @param triage what the triage defences share (the reviewer-fed memory, a worker, the pressure signal) */
  public DefenceSet(List<DefenceSpec> specs, NanoClock clock, TriageContext triage) {
    this.clock = clock;
    this.triage = triage;
    List<Slot> slots = new ArrayList<>();
    for (DefenceSpec s : specs) {
      slots.add(new Slot(s, DefenceCatalogue.build(s, clock, triage)));
    }
    this.snapshot = snapshot(slots);
  }

  private static Snapshot snapshot(List<Slot> slots) {
    Slot[][] active = new Slot[Point.values().length][];
    for (Point p : Point.values()) {
      active[p.ordinal()] = slots.stream().filter(s -> s.enabled() && s.defence().points().contains(p))
          .toArray(Slot[]::new);
    }
    return new Snapshot(List.copyOf(slots), active);
  }

  /** The enabled defences acting at {@code p}, in profile order. Do not modify the array. */
  public Slot[] at(Point p) {
    Slot[] s = snapshot.active[p.ordinal()];
    return s.length == 0 ? NONE : s;
  }

  /** Whether any enabled defence acts at any point of a request (every point but the connection). */
  public boolean anyOnRequests() {
    Slot[][] a = snapshot.active;
    for (Point p : Point.values()) {
      if (p != Point.CONNECTION && a[p.ordinal()].length > 0) {
        return true;
      }
    }
    return false;
  }

  /** Every declared defence, enabled or not, in profile order. */
  public List<Slot> all() {
    return snapshot.all;
  }

  public boolean isEmpty() {
    return snapshot.all.isEmpty();
  }

  /** Called after every change (the adapter re-arms sweep timers). */
  public void onChange(Runnable listener) {
    listeners.add(listener);
  }

  public Slot enable(String name) {
    return replace(name, s -> new Slot(s.spec().withEnabled(true), s.defence()));
  }

  public Slot disable(String name) {
    return replace(name, s -> new Slot(s.spec().withEnabled(false), s.defence()));
  }

  /**
   * Applies {@code changes} to a defence's settings and rebuilds it.
   *
   * @throws dev.tipflood.server.defence.InvalidSettingException naming the setting; nothing changes then
   */
  public Slot retune(String name, Map<String, String> changes) {
    return replace(name, s -> {
      DefenceSpec next = s.spec().with(changes);
      return new Slot(next, DefenceCatalogue.build(next, clock, triage));
    });
  }

  private Slot replace(String name, java.util.function.UnaryOperator<Slot> change) {
    Slot changed;
    synchronized (this) {
      List<Slot> slots = new ArrayList<>(snapshot.all);
      int i = indexOf(slots, name);
      changed = change.apply(slots.get(i));
      slots.set(i, changed);
      snapshot = snapshot(slots);
    }
    listeners.forEach(Runnable::run);
    return changed;
  }

  private static int indexOf(List<Slot> slots, String name) {
    for (int i = 0; i < slots.size(); i++) {
      if (slots.get(i).name().equals(name)) {
        return i;
      }
    }
    throw UnknownDefenceException.of(name, slots.stream().map(Slot::name).toList());
  }
}
